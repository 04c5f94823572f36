import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ensureGitAttributes, installMergeDriver, Recorder, repoPaths } from '../../../src/git/index';
import { git, makeRepo, removeDir } from './helpers';

describe('git/attributes and merge driver', () => {
  let repo: string;
  beforeEach(() => {
    repo = makeRepo();
  });
  afterEach(() => removeDir(repo));

  it('writes the §3 attributes once and commits them alone', async () => {
    fs.writeFileSync(path.join(repo, '.gitattributes'), '*.png binary');
    git(repo, 'add', '.gitattributes');
    git(repo, 'commit', '-q', '-m', 'attrs');
    fs.writeFileSync(path.join(repo, 'README.md'), 'dirty\n');
    assert.equal(await ensureGitAttributes(repo, 'incidents'), true);
    assert.equal(await ensureGitAttributes(repo, 'incidents'), false);
    const text = fs.readFileSync(path.join(repo, '.gitattributes'), 'utf8');
    const result = await new Recorder({ root: repo }).commitFiles({ '.gitattributes': text }, { incidentId: 'firebreak', stage: 'setup', action: 'gitattributes' });
    assert.ok(result.commit);
    assert.equal(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim(), '.gitattributes');
    assert.equal(git(repo, 'status', '--porcelain').trim(), 'M README.md');
    const check = (file: string) => git(repo, 'check-attr', 'merge', 'eol', 'binary', 'filter', '--', file).trim().split('\n').map((l) => l.split(': ').slice(1).join('='));
    assert.deepEqual(check('incidents/20261128-k7f3qa/events.jsonl'), ['merge=union', 'eol=lf', 'binary=unspecified', 'filter=unspecified']);
    assert.deepEqual(check('incidents/20261128-k7f3qa/incident.md'), ['merge=unspecified', 'eol=lf', 'binary=unspecified', 'filter=unspecified']);
    assert.deepEqual(check('incidents/20261128-k7f3qa/evidence/mail.eml'), ['merge=unset', 'eol=unspecified', 'binary=set', 'filter=unset']);
    assert.ok(text.startsWith('*.png binary\n'));
  });

  it('installs the merge driver in the repo config and info/attributes (idempotent)', async () => {
    const paths = await repoPaths(repo);
    await installMergeDriver(paths, "node '/opt/firebreak/dist/cli.js' merge-driver", 'incidents');
    await installMergeDriver(paths, "node '/opt/firebreak/dist/cli.js' merge-driver", 'incidents');
    assert.equal(git(repo, 'config', 'merge.firebreak-events.driver').trim(), "node '/opt/firebreak/dist/cli.js' merge-driver %O %A %B %P");
    assert.equal(git(repo, 'check-attr', 'merge', '--', 'incidents/x/events.jsonl').trim(), 'incidents/x/events.jsonl: merge: firebreak-events');
    assert.equal(fs.readFileSync(path.join(repo, '.git', 'info', 'attributes'), 'utf8').split('\n').filter((l) => l.includes('firebreak-events')).length, 1);
  });
});
