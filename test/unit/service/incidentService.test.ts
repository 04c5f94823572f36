import * as assert from 'node:assert/strict';
import { IncidentService } from '../../../src/service/incidentService';
import { IncidentFixture } from '../cli/incidentFixture';

describe('service: IncidentService', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  beforeEach(() => { fx = new IncidentFixture(); });
  afterEach(() => fx.cleanup());

  it('opens, applies and reads state without the CLI (as the extension will)', async () => {
    const notices: string[] = [];
    const service = await IncidentService.open({ cwd: fx.dir, now: () => fx.now, notice: (m) => notices.push(m) });
    assert.match(notices[0]!, /no \.firebreak\.yml/);
    const started = await service.start({ runbook: 'tiny', title: 'From the service', severity: 'SEV2' });
    assert.equal(started.folder, `incidents/${started.incidentId}`);
    assert.match(started.commit!, /^[0-9a-f]{40}$/);
    const checked = await service.apply(started.incidentId, { kind: 'check', step: 'confirm' });
    assert.equal(checked.eventIds.length, 1);
    const state = await service.state(started.incidentId);
    assert.equal(state.severity, 'SEV2');
    assert.equal(state.steps.get('confirm')?.checked, true);
    assert.deepEqual(await service.listIds(), [started.incidentId]);
    assert.equal((await service.list())[0]!.title, 'From the service');
  });

  it('warns about a secret before the commit happens', async () => {
    const commitsWhenWarned: number[] = [];
    const service = await IncidentService.open({ cwd: fx.dir, now: () => fx.now, warn: () => commitsWhenWarned.push(fx.commitCount()) });
    const { incidentId } = await service.start({ runbook: 'tiny', title: 'Secrets' });
    const before = fx.commitCount();
    await service.apply(incidentId, { kind: 'note', text: '-----BEGIN RSA PRIVATE KEY-----' });
    assert.deepEqual(commitsWhenWarned, [before]);
    assert.equal(fx.commitCount(), before + 1);
  });

  it('reports required steps skipped by advance and left unchecked at closing', async () => {
    const service = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    const { incidentId } = await service.start({ runbook: 'tiny', title: 'Skips' });
    const advanced = await service.apply(incidentId, { kind: 'advance' });
    assert.match(advanced.warnings.join('\n'), /confirm/);
    const closed = await service.apply(incidentId, { kind: 'close' });
    assert.match(closed.warnings.join('\n'), /required step/);
  });
});
