import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readBlobAtRef } from '../../../src/git/index';
import { git, makeRepo, removeDir } from './helpers';

describe('git/readBlobAtRef', () => {
  let repo: string;
  before(() => {
    repo = makeRepo();
    fs.mkdirSync(path.join(repo, 'inc'));
    fs.writeFileSync(path.join(repo, 'inc', 'events.jsonl'), 'line\n');
    fs.symlinkSync('/etc/passwd', path.join(repo, 'inc', 'incident.md'));
    git(repo, 'add', 'inc');
    git(repo, 'commit', '-q', '-m', 'inc');
    // A hook and an fsmonitor that would leave a trace if anything ran them.
    fs.writeFileSync(path.join(repo, '.git', 'hooks', 'post-checkout'), `#!/bin/sh\ntouch ${repo}/HOOK_RAN\n`, { mode: 0o755 });
    git(repo, 'config', 'core.fsmonitor', `touch ${repo}/FSMONITOR_RAN; false`);
  });
  after(() => removeDir(repo));

  it('reads a regular file at a ref', async () => {
    const read = await readBlobAtRef(repo, 'HEAD', 'inc/events.jsonl');
    assert.ok(read.ok);
    assert.equal(read.bytes.toString(), 'line\n');
  });

  it('refuses a symlink, a tree and a missing file, and rejects option-like refs', async () => {
    assert.deepEqual(await readBlobAtRef(repo, 'HEAD', 'inc/incident.md'), { ok: false, problem: 'symlink' });
    assert.deepEqual(await readBlobAtRef(repo, 'HEAD', 'inc'), { ok: false, problem: 'not-a-file' });
    assert.deepEqual(await readBlobAtRef(repo, 'HEAD', 'inc/none'), { ok: false, problem: 'missing' });
    assert.deepEqual(await readBlobAtRef(repo, '--output=/tmp/x', 'inc/events.jsonl'), { ok: false, problem: 'invalid' });
    assert.deepEqual(await readBlobAtRef(repo, 'HEAD', '../etc/passwd'), { ok: false, problem: 'invalid' });
  });

  it('runs no hook and no fsmonitor', async () => {
    await readBlobAtRef(repo, 'HEAD', 'inc/events.jsonl');
    assert.equal(fs.existsSync(path.join(repo, 'HOOK_RAN')), false);
    assert.equal(fs.existsSync(path.join(repo, 'FSMONITOR_RAN')), false);
  });
});
