import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../../src/cli/main';
import { IncidentFixture } from './incidentFixture';

describe('cli: .firebreak.yml', function () {
  this.timeout(120_000);
  let fx: IncidentFixture;
  beforeEach(() => { fx = new IncidentFixture(); });
  afterEach(() => fx.cleanup());

  it('uses the configured folder, evidence policy and secret-scan switch, without the default notice', async () => {
    fs.writeFileSync(fx.file('.firebreak.yml'), 'incidents: records\nevidence:\n  max-size: 1KB\n  out-of-git: ["*.pcap"]\nsecret-scan: false\n');
    const started = await fx.run('start', 'tiny', '--title', 'Configured');
    assert.equal(started.code, 0, started.err);
    assert.doesNotMatch(started.err, /no \.firebreak\.yml/);
    const id = started.out.trim();
    assert.ok(fs.existsSync(fx.file('records', id, 'events.jsonl')));
    fs.writeFileSync(fx.file('capture.pcap'), 'small but matching');
    fs.writeFileSync(fx.file('big.log'), Buffer.alloc(2048, 65));
    const pcap = await fx.run('evidence', id, 'capture.pcap');
    assert.match(pcap.out, /kept out of Git/);
    assert.match(pcap.err, /matches an out-of-Git pattern/);
    const big = await fx.run('evidence', id, 'big.log');
    assert.match(big.out, /kept out of Git/);
    assert.match(big.err, /larger than 1 KB/);
    const note = await fx.run('note', id, 'AKIAIOSFODNN7EXAMPLE');
    assert.equal(note.code, 0);
    assert.doesNotMatch(note.err, /secret/);
    assert.equal((await fx.run('verify')).code, 0);
  });

  it('records on a dedicated branch in its own worktree, leaving the checkout and dirty files alone', async () => {
    fs.writeFileSync(fx.file('.firebreak.yml'), 'branch: incidents\n');
    fs.writeFileSync(fx.file('dirty.txt'), 'mine\n');
    const headBefore = fx.git('rev-parse', 'HEAD').trim();
    const branchBefore = fx.git('branch', '--show-current').trim();
    const id = await fx.ok('start', 'tiny', '--title', 'Elsewhere');
    await fx.ok('check', id, 'confirm');
    assert.equal(fx.git('rev-parse', 'HEAD').trim(), headBefore);
    assert.equal(fx.git('branch', '--show-current').trim(), branchBefore);
    assert.equal(fs.existsSync(fx.file('incidents')), false);
    assert.equal(fs.readFileSync(fx.file('dirty.txt'), 'utf8'), 'mine\n');
    assert.equal(fx.git('log', '-1', '--format=%s', 'incidents').trim(), `${id}: detection: step.checked confirm`);
    assert.match(await fx.ok('status'), new RegExp(`^${id}  SEV3  open`));
    assert.equal((await fx.run('verify')).code, 0);
  });

  it('records two incidents at once on their own branches and worktrees (per-incident mode)', async () => {
    fs.writeFileSync(fx.file('.firebreak.yml'), 'branch: per-incident\n');
    fs.writeFileSync(fx.file('dirty.txt'), 'mine\n');
    const headBefore = fx.git('rev-parse', 'HEAD').trim();
    const [a, b] = await Promise.all([fx.ok('start', 'tiny', '--title', 'First'), fx.ok('start', 'tiny', '--title', 'Second')]);
    await Promise.all([fx.ok('check', a, 'confirm'), fx.ok('note', b, 'on its own branch')]);
    assert.equal(fx.git('rev-parse', 'HEAD').trim(), headBefore);
    assert.equal(fs.existsSync(fx.file('incidents')), false);
    assert.equal(fs.readFileSync(fx.file('dirty.txt'), 'utf8'), 'mine\n');
    assert.equal(fx.git('log', '-1', '--format=%s', `incident/${a}`).trim(), `${a}: detection: step.checked confirm`);
    assert.equal(fx.git('log', '-1', '--format=%s', `incident/${b}`).trim(), `${b}: detection: note.added`);
    assert.equal(fx.git('ls-tree', '-r', '--name-only', `incident/${a}`, '--', 'incidents').includes(b), false);
    const list = await fx.ok('status');
    assert.match(list, new RegExp(a));
    assert.match(list, new RegExp(b));
  });

  it('verify finds per-incident incidents in their worktrees, and in a CI checkout of one incident branch', async () => {
    fs.writeFileSync(fx.file('.firebreak.yml'), 'branch: per-incident\n');
    fx.git('add', '--', '.firebreak.yml');
    fx.git('commit', '-q', '-m', 'per-incident mode');
    const a = await fx.ok('start', 'tiny', '--title', 'First');
    const b = await fx.ok('start', 'tiny', '--title', 'Second');
    await fx.ok('note', a, 'on its own branch');
    const all = await fx.run('verify', '--json');
    assert.equal(all.code, 0, all.out + all.err);
    assert.deepEqual(JSON.parse(all.out).checked, [a, b].sort());

    const worktree = fx.git('worktree', 'list', '--porcelain').split('\n').find((l) => l.startsWith('worktree ') && l.endsWith(`/incident/${a}`))!.slice('worktree '.length);
    const record = path.join(worktree, 'incidents', a, 'incident.md');
    fs.appendFileSync(record, 'tampered\n');
    const tampered = await fx.run('verify');
    assert.equal(tampered.code, 1);
    assert.match(tampered.out + tampered.err, new RegExp(`incidents/${a}/incident\\.md`));
    fx.git('-C', worktree, 'checkout', '-q', '--', `incidents/${a}/incident.md`);

    const ci = `${fx.dir}-ci`;
    try {
      execFileSync('git', ['clone', '-q', '-b', `incident/${b}`, fx.dir, ci]);
      let out = '';
      const code = await main(['verify', '--json'], { cwd: ci, stdout: (t) => { out += t; }, stderr: () => undefined, now: () => fx.now });
      assert.equal(code, 0, out);
      assert.deepEqual(JSON.parse(out).checked, [b]);
    } finally {
      fs.rmSync(ci, { recursive: true, force: true });
    }
  });
});
