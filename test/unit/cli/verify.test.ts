import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IncidentFixture, useStartedIncident } from './incidentFixture';

describe('cli: verify', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  let id: string;
  let events: string;
  useStartedIncident('Base incident', async (started) => {
    ({ fx, id } = started);
    await fx.ok('note', id, 'first');
    await fx.ok('check', id, 'confirm');
    fx.git('branch', 'base');
    events = fx.file('incidents', id, 'events.jsonl');
  });

  it('passes on an untouched record, with and without --base', async () => {
    await fx.ok('note', id, 'after the base');
    assert.match(await fx.ok('verify'), /verified 1 incident: no problem/);
    assert.match(await fx.ok('verify', id, '--base', 'base'), /no problem/);
  });

  it('fails on an edited old event with --base, naming the file', async () => {
    fs.writeFileSync(events, fs.readFileSync(events, 'utf8').replace('"first"', '"rewritten"'));
    const result = await fx.run('verify', '--base', 'base');
    assert.equal(result.code, 1);
    assert.match(result.out, new RegExp(`incidents/${id}/events.jsonl: .*was changed: events are append-only`));
  });

  it('fails on a deleted old event and on a removed incident with --base', async () => {
    const lines = fs.readFileSync(events, 'utf8').trimEnd().split('\n');
    fs.writeFileSync(events, `${lines.filter((l) => !l.includes('"first"')).join('\n')}\n`);
    const deleted = await fx.run('verify', id, '--base', 'base');
    assert.equal(deleted.code, 1);
    assert.match(deleted.out, /was removed: events are append-only/);
    fs.rmSync(fx.file('incidents', id), { recursive: true });
    const removed = await fx.run('verify', '--base', 'base');
    assert.equal(removed.code, 1);
    assert.match(removed.out, /incident present at base was removed/);
  });

  it('fails on a changed runbook.md', async () => {
    fs.appendFileSync(fx.file('incidents', id, 'runbook.md'), '\n- [ ] sneaky step\n');
    const result = await fx.run('verify', '--base', 'base');
    assert.equal(result.code, 1);
    assert.match(result.out, new RegExp(`incidents/${id}/runbook.md: differs from its recorded SHA-256`));
    assert.match(result.out, /runbook.md: changed since the base/);
  });

  it('refuses a symlinked incident.md without printing what it points to', async () => {
    const outside = path.join(os.tmpdir(), `fb-secret-${process.pid}.txt`);
    fs.writeFileSync(outside, 'TOP-SECRET-CONTENT\n');
    try {
      fs.rmSync(fx.file('incidents', id, 'incident.md'));
      fs.symlinkSync(outside, fx.file('incidents', id, 'incident.md'));
      const result = await fx.run('verify');
      assert.equal(result.code, 1);
      assert.match(result.out, new RegExp(`incidents/${id}/incident.md: is a symbolic link: refused`));
      assert.doesNotMatch(result.out + result.err, /TOP-SECRET|fb-secret/);
    } finally {
      fs.rmSync(outside, { force: true });
    }
  });

  it('fails on a changed evidence file and an unparsable event line', async () => {
    fs.writeFileSync(fx.file('mail.eml'), 'headers');
    await fx.ok('evidence', id, 'mail.eml');
    const [stored] = fs.readdirSync(fx.file('incidents', id, 'evidence'));
    fs.writeFileSync(fx.file('incidents', id, 'evidence', stored!), 'tampered');
    fs.appendFileSync(events, '{not json\n');
    const result = await fx.run('verify', id);
    assert.equal(result.code, 1);
    assert.match(result.out, /evidence\/e-[0-9a-f]{10}-mail\.eml: differs from its recorded SHA-256/);
    assert.match(result.out, /events\.jsonl: line \d+: /);
  });

  it('names a missing evidence file with its recorded hash, and only that one', async () => {
    fs.writeFileSync(fx.file('mail.eml'), 'headers');
    fs.writeFileSync(fx.file('dump.txt'), 'memory strings');
    await fx.ok('evidence', id, 'mail.eml');
    await fx.ok('evidence', id, 'dump.txt');
    const stored = fs.readdirSync(fx.file('incidents', id, 'evidence')).find((name) => name.endsWith('-mail.eml'))!;
    fs.rmSync(fx.file('incidents', id, 'evidence', stored));
    const result = await fx.run('verify', id);
    assert.equal(result.code, 1);
    const problems = result.out.split('\n').filter((line) => line.includes('evidence/'));
    assert.equal(problems.length, 1, result.out);
    assert.match(problems[0]!, new RegExp(`incidents/${id}/evidence/${stored.replace(/\./g, '\\.')}: missing \\(evidence ${stored.replace(/\./g, '\\.')} recorded with sha256 [0-9a-f]{64}\\)`));
  });

  it('bounds its output: at most 50 problems, long text clipped, control characters escaped', async () => {
    const junk = Array.from({ length: 120 }, (_, i) => `{"v":1,"id":"\u001b[31m${'x'.repeat(2000)}${i}"}`).join('\n');
    fs.appendFileSync(events, `${junk}\n`);
    const result = await fx.run('verify', id);
    assert.equal(result.code, 1);
    const lines = result.out.trimEnd().split('\n');
    assert.ok(lines.length <= 52, `${lines.length} lines`);
    for (const line of lines) assert.ok(line.length < 600, `line of ${line.length}`);
    assert.equal(result.out.includes("\u001b"), false);
  });

  it('rejects --complete with --base, an unsafe base and an unknown base', async () => {
    const complete = await fx.run('verify', '--complete', '--base', 'main');
    assert.equal(complete.code, 2);
    assert.match(complete.err, /does not go with --base/);
    assert.equal((await fx.run('verify', '--base', '--upload-pack=x')).code, 2);
    const unknown = await fx.run('verify', '--base', 'no-such-branch');
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /unknown base ref "no-such-branch"/);
  });
});
