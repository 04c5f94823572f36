import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Recorder, GitIdentityError } from '../../../src/git/index';
import { eventIdOf } from '../../../src/git/eventLines';
import { eventLine, git, makeRepo, removeDir, renderCount, tempDir } from './helpers';

const DIR = 'incidents/20261128-k7f3qa';

function request(line: string, extra: Partial<Parameters<Recorder['record']>[0]> = {}) {
  return {
    incidentDir: DIR,
    appendEvents: [line],
    render: renderCount,
    subject: { incidentId: '20261128-k7f3qa', stage: 'containment', action: 'note.added' },
    trailers: { events: [eventIdOf(line)!] },
    ...extra,
  };
}

describe('git/recorder', () => {
  let repo: string;
  beforeEach(() => {
    repo = makeRepo();
  });
  afterEach(() => removeDir(repo));

  it('commits one action as one commit with the subject and trailers, touching only the incident folder', async () => {
    const recorder = new Recorder({ root: repo });
    const line = eventLine();
    const result = await recorder.record(request(line));
    assert.ok(result.commit && !result.pending);
    assert.equal(git(repo, 'rev-parse', 'HEAD').trim(), result.commit);
    assert.equal(git(repo, 'log', '-1', '--format=%s').trim(), '20261128-k7f3qa: containment: note.added');
    const trailers = git(repo, 'log', '-1', '--format=%(trailers:only,unfold)').trim().split('\n');
    assert.deepEqual(trailers, ['Incident: 20261128-k7f3qa', `Event: ${eventIdOf(line)}`, 'Stage: containment', 'Action: note.added']);
    const files = git(repo, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort();
    assert.deepEqual(files, [`${DIR}/events.jsonl`, `${DIR}/incident.md`]);
    assert.equal(fs.readFileSync(path.join(repo, DIR, 'events.jsonl'), 'utf8'), `${line}\n`);
  });

  it('leaves the user\'s staged and unstaged changes exactly as they were', async () => {
    fs.writeFileSync(path.join(repo, 'README.md'), '# edited, unstaged\n');
    fs.writeFileSync(path.join(repo, 'staged.txt'), 'staged\n');
    git(repo, 'add', 'staged.txt');
    fs.writeFileSync(path.join(repo, 'untracked.txt'), 'untracked\n');
    const statusBefore = git(repo, 'status', '--porcelain');
    const recorder = new Recorder({ root: repo });
    for (let i = 0; i < 3; i++) await recorder.record(request(eventLine()));
    assert.equal(git(repo, 'status', '--porcelain'), statusBefore);
    assert.equal(fs.readFileSync(path.join(repo, 'README.md'), 'utf8'), '# edited, unstaged\n');
    assert.equal(git(repo, 'diff', '--cached', '--name-only').trim(), 'staged.txt');
    assert.equal(git(repo, 'rev-list', '--count', 'HEAD').trim(), '4');
    for (const file of git(repo, 'log', '--name-only', '--format=', 'HEAD~3..HEAD').split('\n').filter(Boolean)) {
      assert.ok(file.startsWith(`${DIR}/`), file);
    }
  });

  it('a note containing "\\nIncident: forged" forges no trailer (the note stays in the files)', async () => {
    const line = eventLine(undefined, { text: 'hello\nIncident: forged\nEvent: X' });
    await new Recorder({ root: repo }).record(request(line));
    const body = git(repo, 'log', '-1', '--format=%B');
    const trailers = execTrailers(repo, body);
    assert.deepEqual(trailers.filter((t) => t.startsWith('Incident:')), ['Incident: 20261128-k7f3qa']);
    assert.ok(!body.includes('forged'));
  });

  it('rejects unsafe ids, actions and file names before writing anything', async () => {
    const recorder = new Recorder({ root: repo });
    const line = eventLine();
    await assert.rejects(recorder.record(request(line, { subject: { incidentId: '-rf', stage: 's', action: 'a' } })), TypeError);
    await assert.rejects(recorder.record(request(line, { subject: { incidentId: 'x', stage: 's', action: 'a\nIncident: forged' } })), TypeError);
    await assert.rejects(recorder.record(request(line, { incidentDir: '../x' })), TypeError);
    await assert.rejects(recorder.record(request(line, { incidentDir: 'incidents/a/b/../../..' })), TypeError);
    await assert.rejects(recorder.record(request(line, { addFiles: [{ path: 'evidence/../../x', bytes: 'x' }] })), TypeError);
    await assert.rejects(recorder.record(request('a\nb')), TypeError);
    await assert.rejects(recorder.record(request(line, { trailers: { events: ['--upload-pack=touch /tmp/x'] } })), TypeError);
    assert.equal(fs.existsSync(path.join(repo, 'incidents')), false);
  });

  it('fails with a clear error when no Git identity is configured', async function () {
    const home = tempDir();
    const saved = { HOME: process.env.HOME, GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM };
    try {
      git(repo, 'config', '--unset', 'user.name');
      git(repo, 'config', '--unset', 'user.email');
      Object.assign(process.env, { HOME: home, GIT_CONFIG_GLOBAL: path.join(home, 'none'), GIT_CONFIG_NOSYSTEM: '1' });
      await assert.rejects(new Recorder({ root: repo }).record(request(eventLine())), GitIdentityError);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v == null) delete process.env[k];
        else process.env[k] = v;
      }
      removeDir(home);
    }
  });

  it('adds evidence files without the executable bit', async () => {
    const source = path.join(repo, '..', `${path.basename(repo)}-evidence.sh`);
    fs.writeFileSync(source, '#!/bin/sh\necho hi\n', { mode: 0o755 });
    try {
      await new Recorder({ root: repo }).record(request(eventLine(), { addFiles: [{ path: 'evidence/script.sh', source }] }));
      const mode = git(repo, 'ls-files', '-s', '--', `${DIR}/evidence/script.sh`).split(' ')[0];
      assert.equal(mode, '100644');
    } finally {
      fs.rmSync(source, { force: true });
    }
  });

  it('a failing pre-commit hook leaves the action on disk, flagged, and a later retry commits it', async () => {
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const recorder = new Recorder({ root: repo, retryPendingMs: 0 });
    const line = eventLine();
    const result = await recorder.record(request(line));
    assert.equal(result.commit, null);
    assert.equal(result.pending, true);
    assert.match(result.problem ?? '', /commit failed/);
    assert.ok(recorder.pending().has(DIR));
    assert.ok(fs.readFileSync(path.join(repo, DIR, 'events.jsonl'), 'utf8').includes(line));
    fs.rmSync(hook);
    const commit = await recorder.retryPending(DIR);
    assert.ok(commit);
    assert.ok(git(repo, 'show', `HEAD:${DIR}/events.jsonl`).includes(line));
    assert.equal(recorder.pending().size, 0);
  });

  it('a slow hook times out, leaves the action on disk, and the next action commits both', async () => {
    const hook = path.join(repo, '.git', 'hooks', 'pre-commit');
    fs.writeFileSync(hook, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const recorder = new Recorder({ root: repo, retryPendingMs: 0, commitTimeoutMs: 500 });
    const first = eventLine();
    const result = await recorder.record(request(first));
    assert.equal(result.pending, true);
    assert.match(result.problem ?? '', /timed out/);
    fs.rmSync(hook);
    const second = eventLine();
    const next = await recorder.record(request(second));
    assert.ok(next.commit);
    const committed = git(repo, 'show', `HEAD:${DIR}/events.jsonl`);
    assert.ok(committed.includes(first) && committed.includes(second));
    assert.equal(git(repo, 'log', '-2', '--format=%s').trim().split('\n').length, 2);
  });

  it('recover() commits an incident folder left uncommitted, deletes temp files, and re-renders', async () => {
    const recorder = new Recorder({ root: repo });
    await recorder.record(request(eventLine()));
    const lost = eventLine();
    fs.appendFileSync(path.join(repo, DIR, 'events.jsonl'), `${lost}\n`);
    fs.writeFileSync(path.join(repo, DIR, '.firebreak-tmp-incident.md-1-ab'), 'half');
    const result = await new Recorder({ root: repo }).recover('incidents', renderCount);
    assert.equal(result.commits.length, 1);
    assert.equal(git(repo, 'log', '-1', '--format=%s').trim(), '20261128-k7f3qa: recorder: recovered');
    assert.ok(git(repo, 'log', '-1', '--format=%B').includes(`Event: ${eventIdOf(lost)}`));
    assert.equal(git(repo, 'status', '--porcelain').trim(), '');
    assert.ok(git(repo, 'show', `HEAD:${DIR}/incident.md`).includes('2 events'));
  });

  it('recover() reports a hand-edited incident.md instead of committing it', async () => {
    const recorder = new Recorder({ root: repo });
    await recorder.record(request(eventLine()));
    fs.appendFileSync(path.join(repo, DIR, 'incident.md'), 'hand edit\n');
    const result = await recorder.recover('incidents', renderCount);
    assert.deepEqual(result, { commits: [], handEdited: [DIR], orphans: [] });
  });

  it('waits for another program\'s index.lock and removes a stale one', async () => {
    const lock = path.join(repo, '.git', 'index.lock');
    fs.writeFileSync(lock, '');
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(lock, old, old);
    const result = await new Recorder({ root: repo }).record(request(eventLine()));
    assert.ok(result.commit);
    assert.equal(fs.existsSync(lock), false);
  });

  it('concurrent record() calls in one process make one commit each', async () => {
    const recorder = new Recorder({ root: repo });
    const other = new Recorder({ root: repo });
    const lines = Array.from({ length: 20 }, () => eventLine());
    const results = await Promise.all(lines.map((l, i) => (i % 2 ? recorder : other).record(request(l))));
    assert.ok(results.every((r) => r.commit));
    assert.equal(git(repo, 'rev-list', '--count', 'HEAD').trim(), '21');
    const numstat = git(repo, 'log', '--format=', '--numstat', '-20', '--', `${DIR}/events.jsonl`).trim().split('\n');
    assert.ok(numstat.every((l) => l.startsWith('1\t0\t')), numstat.join('\n'));
  });

  it('batching: actions are durable at once and committed together later, with every event trailer', async () => {
    const recorder = new Recorder({ root: repo, batchMs: 60_000 });
    const lines = [eventLine(), eventLine(), eventLine()];
    for (const line of lines) {
      const result = await recorder.record(request(line));
      assert.deepEqual(result, { commit: null, pending: false, batched: true });
    }
    assert.equal(git(repo, 'rev-list', '--count', 'HEAD').trim(), '1');
    assert.equal(fs.readFileSync(path.join(repo, DIR, 'events.jsonl'), 'utf8'), lines.map((l) => `${l}\n`).join(''));
    await recorder.flush();
    assert.equal(git(repo, 'rev-list', '--count', 'HEAD').trim(), '2');
    assert.equal(git(repo, 'log', '-1', '--format=%s').trim(), '20261128-k7f3qa: containment: batch');
    assert.deepEqual(git(repo, 'log', '-1', '--format=%(trailers:key=Event,valueonly)').trim().split('\n'), lines.map((l) => eventIdOf(l)));
    assert.equal(git(repo, 'status', '--porcelain').trim(), '');
  });

  it('batching commits on its own once the batch time has passed', async () => {
    const recorder = new Recorder({ root: repo, batchMs: 20 });
    const lines = [eventLine(), eventLine()];
    for (const line of lines) await recorder.record(request(line));
    const deadline = Date.now() + 30_000;
    const committed = () => git(repo, 'log', '--format=%(trailers:key=Event,valueonly)').split('\n').filter(Boolean);
    while (!lines.every((l) => committed().includes(eventIdOf(l)!))) {
      assert.ok(Date.now() < deadline, 'the batch was never committed');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });

  it('works on an unborn branch (first commit of a new repository)', async () => {
    const fresh = tempDir();
    try {
      git(fresh, 'init', '-q', '-b', 'main');
      git(fresh, 'config', 'user.name', 'T');
      git(fresh, 'config', 'user.email', 't@example.com');
      const result = await new Recorder({ root: fresh }).record(request(eventLine()));
      assert.ok(result.commit);
      assert.equal(git(fresh, 'rev-list', '--count', 'HEAD').trim(), '1');
    } finally {
      removeDir(fresh);
    }
  });
});

function execTrailers(repo: string, message: string): string[] {
  const file = path.join(repo, '.git', 'msg.txt');
  fs.writeFileSync(file, message);
  return git(repo, 'interpret-trailers', '--parse', file).trim().split('\n');
}
