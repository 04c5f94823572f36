// Restricted Mode: the service reads incidents from disk, records nothing, and no git runs while it is open.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import { refusedGitSpawns, runGit } from '../../../src/git';
import { createIncidentService } from '../../../src/service';
import { IncidentFixture } from '../cli/incidentFixture';

describe('service: read-only in an untrusted workspace', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  beforeEach(() => { fx = new IncidentFixture(); });
  afterEach(() => fx.cleanup());

  it('lists and reads incidents without spawning git, and refuses every git spawn while open', async () => {
    const incidentId = await fx.ok('start', 'tiny', '--title', 'Seen from a stranger\'s clone');
    const refusedBefore = refusedGitSpawns();
    const service = await createIncidentService({ cwd: fx.dir, now: () => fx.now, trusted: false });
    try {
      assert.deepEqual((await service.list()).map((s) => [s.id, s.title]), [[incidentId, 'Seen from a stranger\'s clone']]);
      assert.equal((await service.state(incidentId)).steps.size, 4);
      assert.equal(refusedGitSpawns(), refusedBefore, 'reading attempted a git spawn');
      await assert.rejects(runGit(['status'], { cwd: fx.dir }), /refused: the workspace is not trusted/);
      assert.equal(refusedGitSpawns(), refusedBefore + 1);
    } finally {
      service.dispose?.();
    }
    assert.equal((await runGit(['status', '--short'], { cwd: fx.dir })).code, 0);
  });

  it('records nothing: every writing method refuses before touching a file', async () => {
    const incidentId = await fx.ok('start', 'tiny', '--title', 'Untouched');
    const events = fx.file('incidents', incidentId, 'events.jsonl');
    const before = fs.readFileSync(events, 'utf8');
    const commits = fx.commitCount();
    const service = await createIncidentService({ cwd: fx.dir, now: () => fx.now, trusted: false });
    try {
      await assert.rejects(async () => service.apply(incidentId, { kind: 'note', text: 'x' }), /Restricted Mode/);
      await assert.rejects(async () => service.start({ runbook: 'tiny', title: 'x' }), /Restricted Mode/);
      await assert.rejects(async () => service.sync(), /Restricted Mode/);
      await assert.rejects(async () => service.recordMissedSlas(), /Restricted Mode/);
    } finally {
      service.dispose?.();
    }
    assert.equal(fs.readFileSync(events, 'utf8'), before);
    assert.equal(fx.commitCount(), commits);
  });

  it('reads a dedicated incidents branch from its worktree on disk', async () => {
    fs.writeFileSync(fx.file('.firebreak.yml'), 'branch: incidents\n');
    fx.git('add', '.firebreak.yml');
    fx.git('commit', '-q', '-m', 'config');
    const incidentId = await fx.ok('start', 'tiny', '--title', 'On its own branch');
    assert.equal(fs.existsSync(fx.file('incidents', incidentId)), false);
    const service = await createIncidentService({ cwd: fx.dir, now: () => fx.now, trusted: false });
    try {
      assert.deepEqual(await service.listIds(), [incidentId]);
    } finally {
      service.dispose?.();
    }
  });
});
