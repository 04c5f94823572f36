import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import type { AutoSyncStatus } from '../../../src/git';
import { IncidentService } from '../../../src/service/incidentService';
import { IncidentFixture } from '../cli/incidentFixture';

/** Polls `condition` every 50 ms until it holds; fails after `limitMs` (a bound on waiting, not a timing assertion). */
async function eventually(condition: () => Promise<boolean>, what: string, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) assert.fail(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('service: commit batching from .firebreak.yml', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  beforeEach(() => { fx = new IncidentFixture(); });
  afterEach(() => fx.cleanup());

  it('acknowledges actions once durable and commits the batch together (at the latest on flush)', async () => {
    fs.writeFileSync(fx.file('.firebreak.yml'), 'commit-batch: 10m\n');
    const service = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    const started = await service.start({ runbook: 'tiny', title: 'Batched' });
    await service.flush();
    const before = fx.commitCount();
    const one = await service.apply(started.incidentId, { kind: 'note', text: 'first' });
    const two = await service.apply(started.incidentId, { kind: 'note', text: 'second' });
    for (const result of [one, two]) {
      assert.equal(result.commit, null);
      assert.equal(result.batched, true);
      assert.deepEqual(result.warnings, []);
    }
    assert.equal(fx.commitCount(), before);
    const onDisk = fs.readFileSync(fx.file('incidents', started.incidentId, 'events.jsonl'), 'utf8');
    assert.match(onDisk, /"first"/);
    assert.match(onDisk, /"second"/);
    await service.flush();
    assert.equal(fx.commitCount(), before + 1);
    const message = fx.git('log', '-1', '--format=%B');
    assert.match(message, new RegExp(`^${started.incidentId}: detection: batch`));
    for (const id of [...one.eventIds, ...two.eventIds]) assert.match(message, new RegExp(`^Event: ${id}$`, 'm'));
    assert.deepEqual((await service.verify({})).problems, []);
  });

  it('the CLI commits what it batched before it exits', async () => {
    fs.writeFileSync(fx.file('.firebreak.yml'), 'commit-batch: 10m\n');
    const id = await fx.ok('start', 'tiny', '--title', 'Batched CLI');
    const before = fx.commitCount();
    assert.match(await fx.ok('note', id, 'from the CLI'), /\(batched\)$/);
    assert.equal(fx.commitCount(), before + 1);
    assert.equal(fx.git('status', '--porcelain', '--', 'incidents'), '');
  });
});

describe('service: automatic sync between two clones through a bare remote', function () {
  this.timeout(120_000);
  let fx: IncidentFixture;
  let two: string;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(() => {
    fx = new IncidentFixture();
    two = fx.cloneThroughBareRemote().dir;
  });

  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
    fx.cleanup();
  });

  it('an action in one clone appears in the other without any manual command; onDidSync reports the last success', async () => {
    const one = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    const other = await IncidentService.open({ cwd: two, now: () => fx.now });
    const autoOne = one.createAutoSync({ debounceMs: 20, intervalMs: 200 })!;
    const autoTwo = other.createAutoSync({ debounceMs: 20, intervalMs: 200 })!;
    const seen: AutoSyncStatus[] = [];
    autoTwo.onDidSync((status) => seen.push(status));
    for (const auto of [autoOne, autoTwo]) {
      auto.start();
      stops.push(() => auto.stop());
    }
    const { incidentId } = await one.start({ runbook: 'tiny', title: 'Seen everywhere' });
    await one.apply(incidentId, { kind: 'note', text: 'pushed by itself' });
    await eventually(async () => (await other.listIds()).includes(incidentId), 'the incident reaches the other clone');
    await eventually(async () => (await other.state(incidentId)).notes.some((n) => n.text === 'pushed by itself'), 'the note reaches the other clone');
    await other.apply(incidentId, { kind: 'note', text: 'and back' });
    await eventually(async () => (await one.state(incidentId)).notes.some((n) => n.text === 'and back'), 'the reply reaches the first clone');
    assert.ok(seen.length > 0);
    const last = seen[seen.length - 1]!;
    assert.equal(last.lastError, null);
    assert.equal(last.lastSuccessAt, fx.now.toISOString());
    assert.deepEqual((await one.verify({})).problems, []);
  });

  it('reports the error of a failed sync and keeps the last success; sync: manual gives no automatic sync', async () => {
    const one = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    const auto = one.createAutoSync({ debounceMs: 20, intervalMs: 60_000 })!;
    await auto.syncNow();
    const success = auto.current.lastSuccessAt;
    assert.equal(auto.current.lastError, null);
    assert.notEqual(success, null);
    fs.rmSync(`${fx.dir}-remote.git`, { recursive: true, force: true });
    const statuses: AutoSyncStatus[] = [];
    auto.onDidSync((status) => statuses.push(status));
    await auto.syncNow();
    assert.equal(statuses.length, 1);
    assert.notEqual(statuses[0]!.lastError, null);
    assert.equal(statuses[0]!.lastSuccessAt, success);

    fs.writeFileSync(fx.file('.firebreak.yml'), 'sync: manual\n');
    const manual = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    assert.equal(manual.createAutoSync(), undefined);
  });
});
