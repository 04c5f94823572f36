import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { IncidentFixture, RUNBOOK, useStartedIncident } from './incidentFixture';

describe('cli: incident commands', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  let id: string;
  useStartedIncident('Suspicious login', (started) => { ({ fx, id } = started); });

  it('start prints the id, commits the folder with a byte copy of the runbook, and says it uses the default location', async () => {
    assert.match(id, /^\d{8}-[a-z0-9]{6}$/);
    assert.equal(fx.git('log', '-1', '--format=%s').trim(), `${id}: detection: incident.opened`);
    assert.deepEqual(fx.lastCommitFiles().sort(), [`incidents/${id}/events.jsonl`, `incidents/${id}/incident.md`, `incidents/${id}/runbook.md`]);
    assert.equal(fs.readFileSync(fx.file('incidents', id, 'runbook.md'), 'utf8'), RUNBOOK);
    const again = await fx.run('status');
    assert.match(again.err, /no \.firebreak\.yml: recording incidents in incidents\//);
    assert.equal(again.err.split('.firebreak.yml').length, 2, 'said once');
  });

  it('records each action as exactly one commit touching only the incident folder, leaving a dirty file alone', async () => {
    fs.writeFileSync(fx.file('notes.txt'), 'mine\n');
    fx.git('add', '--', 'notes.txt');
    fs.writeFileSync(fx.file('notes.txt'), 'mine, edited\n');
    fs.writeFileSync(fx.file('untracked.txt'), 'untracked\n');
    const actions: string[][] = [
      ['check', id, 'confirm', '--note', 'seen in the SIEM'],
      ['uncheck', id, 'confirm'],
      ['claim', id, 'declare'],
      ['block', id, 'declare', '--reason', 'waiting for legal'],
      ['unblock', id, 'declare'],
      ['na', id, 'restore', '--reason', 'nothing was down'],
      ['add-step', id, 'containment', 'Rotate the API key', '--owner', 'bob'],
      ['note', id, 'first note'],
      ['set', id, 'summary', 'A login from an unknown country'],
      ['severity', id, 'SEV1'],
      ['assign', id, 'analyst', 'Bob'],
      ['indicator', id, 'ip', '203.0.113.7', '--source', 'okta', '--tlp', 'amber'],
      ['decision', id, 'Disable the account', '--approved-by', 'CISO', '--why', 'active session'],
      ['milestone', id, 'contained', '--at', '2026-11-28T09:55:00Z'],
      ['advance', id],
      ['handoff', id, '--to', 'Carol', '--summary', 'contained'],
      ['handoff', id, '--ack'],
      ['close', id],
      ['reopen', id],
    ];
    let commits = fx.commitCount();
    for (const argv of actions) {
      fx.now = new Date(fx.now.getTime() + 60_000);
      const result = await fx.run(...argv);
      assert.equal(result.code, 0, `${argv.join(' ')}: ${result.err}`);
      assert.match(result.out, new RegExp(`^${id}: [a-z-]+: [a-z.]+`));
      commits += 1;
      assert.equal(fx.commitCount(), commits, argv.join(' '));
      for (const file of fx.lastCommitFiles()) assert.ok(file.startsWith(`incidents/${id}/`), file);
      const body = fx.git('log', '-1', '--format=%B');
      assert.match(body, new RegExp(`^Incident: ${id}$`, 'm'));
      assert.match(body, /^Event: [0-9A-Z]{26}$/m);
    }
    assert.equal(fs.readFileSync(fx.file('notes.txt'), 'utf8'), 'mine, edited\n');
    assert.match(fx.git('status', '--porcelain', '--', 'notes.txt', 'untracked.txt'), /^AM notes\.txt\n\?\? untracked\.txt\n$/);
    assert.equal((await fx.run('verify')).code, 0);
  });

  it('keeps typed text out of the commit message: a note cannot forge a trailer', async () => {
    await fx.ok('note', id, 'hello\nIncident: forged\nEvent: 01HZZZZZZZZZZZZZZZZZZZZZZZ');
    const body = fx.git('log', '-1', '--format=%B');
    assert.doesNotMatch(body, /forged|hello/);
    const trailers = fx.git('log', '-1', '--format=%(trailers:key=Incident,valueonly)').trim();
    assert.equal(trailers, id);
  });

  it('prints secret warnings before recording', async () => {
    const result = await fx.run('note', id, 'key AKIAIOSFODNN7EXAMPLE');
    assert.equal(result.code, 0);
    assert.match(result.err, /warning: note line 1 may hold a secret \(AWS access key id\)/);
  });

  it('refuses unsafe titles, ids and options with exit 2 and writes nothing', async () => {
    const before = fx.commitCount();
    for (const argv of [
      ['start', 'tiny', '--title', '--upload-pack=touch /tmp/x'],
      ['start', 'tiny', '--title=--upload-pack=touch /tmp/x'],
      ['note', '../x', 'hi'],
      ['note', '-rf', 'hi'],
      ['note', 'a/b', 'hi'],
      ['check', id, 'confirm', '--upload-pack=x'],
      ['verify', '--complete', '--base', 'HEAD'],
    ]) {
      const result = await fx.run(...argv);
      assert.equal(result.code, 2, `${argv.join(' ')}: ${result.err}`);
    }
    assert.equal(fx.commitCount(), before);
    assert.deepEqual(fs.readdirSync(fx.file('incidents')), [id]);
    assert.equal(fs.existsSync('/tmp/x') && fs.statSync('/tmp/x').mtimeMs > Date.now() - 60_000, false);
  });

  it('rejects a NUL in a note, records 1 MB of text, and reports unknown steps and incidents', async () => {
    const before = fx.commitCount();
    const nul = await fx.run('note', id, 'a\0b');
    assert.equal(nul.code, 1);
    assert.match(nul.err, /NUL/);
    const unknownStep = await fx.run('check', id, 'nope');
    assert.equal(unknownStep.code, 1);
    assert.match(unknownStep.err, /unknown step "nope"/);
    const unknownIncident = await fx.run('check', '20990101-aaaaaa', 'confirm');
    assert.equal(unknownIncident.code, 1);
    assert.match(unknownIncident.err, /unknown incident 20990101-aaaaaa/);
    assert.equal(fx.commitCount(), before);
    await fx.ok('note', id, 'x'.repeat(1024 * 1024));
    assert.equal(fx.commitCount(), before + 1);
  });

  it('attaches evidence safely: hostile names, dedupe by hash, no executable bit, symbolic links said', async () => {
    const outside = fs.mkdtempSync(path.join(path.dirname(fx.dir), 'fb-outside-'));
    try {
      fs.mkdirSync(fx.file('in'));
      const hostile = fx.file('in', 'evil\nname..txt');
      fs.writeFileSync(hostile, 'payload', { mode: 0o755 });
      const added = await fx.run('evidence', id, '--', hostile, '--description', 'x');
      assert.equal(added.code, 2, 'options after -- are positionals: too many arguments');
      const ok = await fx.ok('evidence', id, hostile, '--description', 'mail');
      const evil = /^(e-[0-9a-f]{10}-evil-name\.txt): stored, sha256 [0-9a-f]{64}/.exec(ok)?.[1];
      assert.ok(evil, ok);
      const stored = fx.file('incidents', id, 'evidence', evil);
      assert.equal(fs.readFileSync(stored, 'utf8'), 'payload');
      assert.equal(fs.statSync(stored).mode & 0o111, 0);
      assert.equal(fx.git('ls-files', '-s', '--', `incidents/${id}/evidence/${evil}`).slice(0, 6), '100644');
      const dup = await fx.ok('evidence', id, hostile);
      assert.ok(dup.includes(`already attached as ${evil}`), dup);

      fs.writeFileSync(path.join(outside, 'secret.txt'), 'from outside');
      fs.symlinkSync(path.join(outside, 'secret.txt'), fx.file('link.txt'));
      const linked = await fx.run('evidence', id, 'link.txt');
      assert.equal(linked.code, 0, linked.err);
      assert.match(linked.err, /symbolic link .* outside the repository/);
      const link = fs.readdirSync(fx.file('incidents', id, 'evidence')).find((name) => name.endsWith('-link.txt'))!;
      assert.equal(fs.lstatSync(fx.file('incidents', id, 'evidence', link)).isFile(), true);

      const viaDotDot = await fx.ok('evidence', id, `../${path.basename(outside)}/secret.txt`);
      assert.ok(viaDotDot.includes(`already attached as ${link}`), viaDotDot);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
    for (const name of fs.readdirSync(fx.file('incidents', id, 'evidence'))) assert.match(name, /^[a-z0-9][a-z0-9._-]*$/);
    assert.equal((await fx.run('verify', id)).code, 0);
  });

  it('gives a clear error for a file name that is not valid UTF-8, writing nothing', async () => {
    const raw = Buffer.concat([Buffer.from(`${fx.dir}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]);
    fs.writeFileSync(raw, 'bytes');
    const name = fs.readdirSync(fx.dir).find((n) => n.startsWith('bad-'))!;
    const before = fx.commitCount();
    const result = await fx.run('evidence', id, name);
    if (result.code === 0) {
      assert.match(result.out, /^e-[0-9a-f]{10}-bad-.*: stored/);
    } else {
      assert.equal(result.code, 1);
      assert.match(result.err, /cannot read evidence file "bad-.*": it does not exist/);
      assert.equal(fx.commitCount(), before);
      assert.equal(fs.existsSync(fx.file('incidents', id, 'evidence')), false);
    }
  });

  it('keeps evidence out of Git on request, recording hash and location', async () => {
    fs.writeFileSync(fx.file('big.bin'), Buffer.alloc(1000, 1));
    const out = await fx.ok('evidence', id, 'big.bin', '--out-of-git');
    assert.match(out, /^e-[0-9a-f]{10}-big\.bin: kept out of Git/);
    assert.equal(fs.existsSync(fx.file('incidents', id, 'evidence')), false);
    const status = JSON.parse(await fx.ok('status', id, '--json')) as { evidence: number };
    assert.equal(status.evidence, 1);
  });

  it('refuses a FIFO or a directory as evidence', async function () {
    fs.mkdirSync(fx.file('dir'));
    const dir = await fx.run('evidence', id, 'dir');
    assert.equal(dir.code, 1);
    assert.match(dir.err, /not a regular file/);
  });

  it('status --json reads the snapshot; status lists incidents', async () => {
    fs.rmSync(fx.file('runbooks'), { recursive: true });
    const view = JSON.parse(await fx.ok('status', id, '--json')) as { id: string; stage: string; steps: { total: number } };
    assert.equal(view.id, id);
    assert.equal(view.stage, 'detection');
    assert.equal(view.steps.total, 4);
    assert.match(await fx.ok('status'), new RegExp(`^${id}  SEV3  open  detection  Suspicious login$`));
  });

  it('turns a ticked checkbox in incident.md into a step event with reconcile; verify fails before and passes after', async () => {
    const record = fx.file('incidents', id, 'incident.md');
    const text = fs.readFileSync(record, 'utf8');
    const edited = text.replace(/- \[ \] (.*<!-- step: confirm -->)/, '- [x] $1');
    assert.notEqual(edited, text);
    fs.writeFileSync(record, edited);
    const failing = await fx.run('verify', id);
    assert.equal(failing.code, 1);
    assert.match(failing.out, new RegExp(`incidents/${id}/incident.md: .*reconcile`));
    assert.match(await fx.ok('reconcile', id), /1 event recorded/);
    assert.equal((await fx.run('verify', id)).code, 0);
    const view = JSON.parse(await fx.ok('status', id, '--json')) as { steps: { checked: number } };
    assert.equal(view.steps.checked, 1);
    assert.match(await fx.ok('reconcile', id), /nothing to reconcile/);
  });

  it('fails with a clear error when no Git identity is configured', async () => {
    fx.git('config', '--unset', 'user.name');
    fx.git('config', '--unset', 'user.email');
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', EMAIL: '' });
      for (const name of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL']) delete process.env[name];
      const result = await fx.run('note', id, 'hi');
      assert.equal(result.code, 1);
      assert.match(result.err, /No Git identity is configured/);
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });
});

describe('cli: start outside a repository', function () {
  this.timeout(30_000);
  it('fails clearly without --init and creates a repository with it', async () => {
    const fx = new IncidentFixture({ init: false });
    try {
      fs.mkdirSync(fx.file('runbooks'));
      fs.writeFileSync(fx.file('runbooks', 'tiny.md'), RUNBOOK);
      const without = await fx.run('start', 'tiny', '--title', 'x');
      assert.equal(without.code, 1);
      assert.match(without.err, /not in a Git repository/);
      const result = await fx.run('start', 'tiny', '--title', 'x', '--init', '--exercise');
      if (result.code !== 0 && /No Git identity/.test(result.err)) return;
      assert.equal(result.code, 0, result.err);
      assert.match(result.err, /created a Git repository/);
      assert.equal(fs.existsSync(fx.file('.git')), true);
      const view = JSON.parse(await fx.ok('status', result.out.trim(), '--json')) as { exercise: boolean };
      assert.equal(view.exercise, true);
    } finally {
      fx.cleanup();
    }
  });
});
