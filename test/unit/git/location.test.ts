import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Recorder, repoPaths, resolveIncidentsLocation, worktreePath } from '../../../src/git/index';
import { eventIdOf } from '../../../src/git/eventLines';
import { eventLine, git, makeRepo, removeDir, renderCount, tempDir } from './helpers';

function request(id: string, line: string) {
  return {
    incidentDir: `incidents/${id}`,
    appendEvents: [line],
    render: renderCount,
    subject: { incidentId: id, stage: 'detection', action: 'incident.opened' },
    trailers: { events: [eventIdOf(line)!] },
  };
}

describe('git/where incidents live', function () {
  this.timeout(120_000);
  let repo: string;
  beforeEach(() => {
    repo = makeRepo();
    fs.writeFileSync(path.join(repo, 'README.md'), '# dirty\n');
    fs.writeFileSync(path.join(repo, 'staged.txt'), 's\n');
    git(repo, 'add', 'staged.txt');
  });
  afterEach(() => removeDir(repo));

  it('per-incident branches: two incidents at once, each on its branch and worktree; the checkout untouched', async () => {
    const statusBefore = git(repo, 'status', '--porcelain');
    const headBefore = git(repo, 'rev-parse', 'HEAD');
    const ids = ['20261128-aaaaaa', '20261128-bbbbbb'];
    const locations = await Promise.all(ids.map((id) => resolveIncidentsLocation(repo, { kind: 'per-incident', prefix: 'incident' }, 'incidents', id)));
    await Promise.all(locations.map((loc, i) => new Recorder({ root: loc.root }).record(request(ids[i]!, eventLine()))));
    for (const [i, id] of ids.entries()) {
      assert.equal(locations[i]!.branch, `incident/${id}`);
      assert.equal(locations[i]!.root, worktreePath(await repoPaths(repo), `incident/${id}`));
      assert.equal(git(repo, 'log', '-1', '--format=%s', `incident/${id}`).trim(), `${id}: detection: incident.opened`);
      assert.equal(git(repo, 'ls-tree', '-r', '--name-only', `incident/${id}`, '--', 'incidents').trim().split('\n').length, 2);
    }
    assert.equal(git(repo, 'symbolic-ref', '--short', 'HEAD').trim(), 'main');
    assert.equal(git(repo, 'rev-parse', 'HEAD'), headBefore);
    assert.equal(git(repo, 'status', '--porcelain'), statusBefore);
    assert.equal(fs.existsSync(path.join(repo, 'incidents')), false);
  });

  it('dedicated branch: an orphan branch in its own worktree, reused', async () => {
    const first = await resolveIncidentsLocation(repo, { kind: 'dedicated', branch: 'incidents' }, 'incidents');
    const again = await resolveIncidentsLocation(repo, { kind: 'dedicated', branch: 'incidents' }, 'incidents');
    assert.equal(first.root, again.root);
    await new Recorder({ root: first.root }).record(request('20261128-cccccc', eventLine()));
    assert.equal(git(repo, 'rev-list', '--count', 'incidents').trim(), '2');
    assert.equal(git(repo, 'ls-tree', '--name-only', 'incidents').trim(), 'incidents');
    assert.equal(git(repo, 'symbolic-ref', '--short', 'HEAD').trim(), 'main');
  });

  it('another repository on disk, and the current branch', async () => {
    const other = makeRepo(tempDir());
    try {
      const loc = await resolveIncidentsLocation(repo, { kind: 'repository', path: other }, 'incidents');
      assert.equal(fs.realpathSync(loc.root), fs.realpathSync(other));
      const current = await resolveIncidentsLocation(repo, { kind: 'current' }, 'incidents');
      assert.deepEqual({ ...current, root: fs.realpathSync(current.root) }, { root: fs.realpathSync(repo), incidentsDir: 'incidents', branch: 'main', managedWorktree: false });
      await assert.rejects(resolveIncidentsLocation(repo, { kind: 'repository', path: path.join(other, 'missing') }, 'incidents'), /not a Git repository/);
    } finally {
      removeDir(other);
    }
  });
});
