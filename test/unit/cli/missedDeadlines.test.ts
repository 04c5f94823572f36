import * as assert from 'node:assert/strict';
import { IncidentFixture } from './incidentFixture';

describe('cli: missed deadlines are recorded by status and after actions', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  beforeEach(() => { fx = new IncidentFixture(); });
  afterEach(() => fx.cleanup());

  it('status records a passed SLA once; the next action and status add nothing more', async () => {
    const id = await fx.ok('start', 'tiny', '--title', 'Late', '--severity', 'SEV1');
    const afterStart = fx.commitCount();
    assert.doesNotMatch((await fx.run('status', id)).err, /sla/);
    assert.equal(fx.commitCount(), afterStart);
    fx.now = new Date(fx.now.getTime() + 61 * 60_000);
    const readOnly = await fx.run('status', id, '--no-record');
    assert.equal(readOnly.code, 0, readOnly.err);
    assert.doesNotMatch(readOnly.err, /sla/);
    assert.equal(fx.commitCount(), afterStart, 'status --no-record must not commit');
    const status = await fx.run('status', id, '--json');
    assert.equal(status.code, 0);
    assert.match(status.err, new RegExp(`recorded ${id}: detection: sla\\.missed containment`));
    assert.equal(JSON.parse(status.out).id, id);
    assert.equal(fx.commitCount(), afterStart + 1);
    const note = await fx.run('note', id, 'still working');
    assert.doesNotMatch(note.err, /sla\.missed/);
    assert.equal(fx.commitCount(), afterStart + 2);
    await fx.ok('status');
    assert.equal(fx.commitCount(), afterStart + 2);
    assert.equal((await fx.run('verify', id)).code, 0);
  });

  it('an action past the deadline records the miss right after its own commit', async () => {
    const id = await fx.ok('start', 'tiny', '--title', 'Late', '--severity', 'SEV1');
    fx.now = new Date(fx.now.getTime() + 90 * 60_000);
    const result = await fx.run('check', id, 'confirm');
    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /sla\.missed containment/);
    assert.deepEqual(fx.git('log', '-2', '--format=%s').trim().split('\n'), [`${id}: detection: sla.missed containment`, `${id}: detection: step.checked confirm`]);
  });
});
