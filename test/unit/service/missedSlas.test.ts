import * as assert from 'node:assert/strict';
import { IncidentService } from '../../../src/service/incidentService';
import { IncidentFixture } from '../cli/incidentFixture';

const MIN = 60_000;

describe('service: missed deadlines recorded as sla.missed', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  beforeEach(() => { fx = new IncidentFixture(); });
  afterEach(() => fx.cleanup());

  it('records a missed SLA once, in one commit, only once the deadline has passed on the fake clock', async () => {
    const opened = fx.now.getTime();
    const service = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    const { incidentId } = await service.start({ runbook: 'tiny', title: 'Late', severity: 'SEV1' });
    fx.now = new Date(opened + 59 * MIN);
    assert.deepEqual(await service.recordMissedSlas(), []);
    const before = fx.commitCount();
    fx.now = new Date(opened + 61 * MIN);
    const [result, ...more] = await service.recordMissedSlas();
    assert.deepEqual(more, []);
    assert.equal(result!.subject, `${incidentId}: detection: sla.missed containment`);
    assert.equal(fx.commitCount(), before + 1);
    const misses = (await service.state(incidentId)).slaMissed;
    assert.deepEqual(misses.map((m) => [m.stage, m.severity, m.deadline]), [['containment', 'SEV1', '2026-11-28T11:00:00.000Z']]);
    assert.deepEqual(await service.recordMissedSlas(incidentId), []);
    assert.equal(fx.commitCount(), before + 1);
    assert.deepEqual((await service.verify({})).problems, []);
  });

  it('two clones recording the same miss before they sync count it once after the merge', async () => {
    const opened = fx.now.getTime();
    const one = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    const { incidentId } = await one.start({ runbook: 'tiny', title: 'Shared', severity: 'SEV1' });
    const two = fx.cloneThroughBareRemote().dir;
    const other = await IncidentService.open({ cwd: two, now: () => new Date(opened + 62 * MIN) });
    fx.now = new Date(opened + 61 * MIN);
    assert.equal((await one.recordMissedSlas(incidentId)).length, 1);
    assert.equal((await other.recordMissedSlas(incidentId)).length, 1);
    await one.sync();
    await other.sync();
    await one.sync();
    for (const service of [one, other]) {
      const state = await service.state(incidentId);
      assert.equal(state.events.filter((e) => e.type === 'sla.missed').length, 2);
      assert.equal(state.slaMissed.length, 1);
      assert.equal(state.slaMissed[0]!.actor.email, 'ann@example.com');
      assert.deepEqual(await service.recordMissedSlas(incidentId), []);
      assert.deepEqual((await service.verify({})).problems, []);
    }
  });
});
