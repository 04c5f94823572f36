import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseEventLog } from '../../../src/core/incident';
import { main } from '../../../src/cli/main';
import { IncidentFixture } from './incidentFixture';

const projectRoot = path.resolve(__dirname, '..', '..', '..');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

async function firebreak(cwd: string, ...argv: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd, stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  if (code !== 0) throw new Error(`firebreak ${argv.join(' ')} in ${path.basename(cwd)} exited ${code}: ${err}${out}`);
  return out.trim();
}

describe('cli: sync between two clones through a bare remote', function () {
  this.timeout(600_000);
  let dir: string;
  let one: string;
  let two: string;
  let id: string;

  before(() => {
    // The merge driver Git runs is the built CLI.
    execFileSync(process.execPath, [path.join(projectRoot, 'esbuild.mjs')], { stdio: 'pipe' });
  });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-sync-'));
    const remote = path.join(dir, 'remote.git');
    git(dir, 'init', '-q', '--bare', '-b', 'main', remote);
    one = path.join(dir, 'one');
    two = path.join(dir, 'two');
    git(dir, 'clone', '-q', remote, one);
    for (const [clone, name] of [[one, 'Ann'], [two, 'Bob']] as const) {
      if (clone === two) git(dir, 'clone', '-q', remote, two);
      git(clone, 'config', 'user.name', name);
      git(clone, 'config', 'user.email', `${name.toLowerCase()}@example.com`);
      git(clone, 'config', 'commit.gpgsign', 'false');
      if (clone === one) {
        git(one, 'checkout', '-q', '-b', 'main');
        fs.mkdirSync(path.join(one, 'runbooks'));
        fs.copyFileSync(path.join(projectRoot, 'runbooks', 'phishing.md'), path.join(one, 'runbooks', 'phishing.md'));
        git(one, 'add', '--', 'runbooks');
        git(one, 'commit', '-q', '-m', 'runbooks');
        id = await firebreak(one, 'start', 'phishing', '--title', 'Shared incident');
        await firebreak(one, 'sync');
      }
    }
    git(two, 'pull', '-q');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function events(clone: string) {
    const { events: list, errors } = parseEventLog(fs.readFileSync(path.join(clone, 'incidents', id, 'events.jsonl'), 'utf8'));
    assert.deepEqual(errors, []);
    return list;
  }

  it('100 different actions in each clone, then sync both: no conflict, every event once, byte-identical, verify passes', async () => {
    for (let i = 0; i < 100; i++) {
      await firebreak(one, 'note', id, `one-${i}`);
      await firebreak(two, 'note', id, `two-${i}`);
    }
    await firebreak(one, 'sync');
    await firebreak(two, 'sync');
    await firebreak(one, 'sync');
    const notes = events(one).filter((e) => e.type === 'note.added');
    assert.equal(notes.length, 200);
    assert.equal(new Set(events(one).map((e) => e.id)).size, events(one).length);
    for (const file of ['events.jsonl', 'incident.md']) {
      assert.equal(fs.readFileSync(path.join(one, 'incidents', id, file), 'utf8'), fs.readFileSync(path.join(two, 'incidents', id, file), 'utf8'), file);
    }
    assert.match(await firebreak(one, 'verify'), /no problem/);
    assert.match(await firebreak(two, 'verify'), /no problem/);
  });

  it('start installs the merge drivers, so plain git pull works before any sync', async () => {
    const fresh = new IncidentFixture();
    try {
      await fresh.ok('start', 'tiny', '--title', 'No sync yet');
      for (const driver of ['firebreak-events', 'firebreak-rendered']) assert.match(fresh.git('config', '--get', `merge.${driver}.driver`), /merge-driver %O %A %B %P$/m);
      assert.match(fs.readFileSync(fresh.file('.git', 'info', 'attributes'), 'utf8'), /^incidents\/\*\*\/incident\.md merge=firebreak-rendered$/m);
    } finally {
      fresh.cleanup();
    }
  });

  it('evidence attached in both clones at once keeps both items after the merge, with distinct ids, and verify passes', async () => {
    fs.writeFileSync(path.join(one, 'mail.eml'), 'headers seen by one');
    fs.writeFileSync(path.join(two, 'mail.eml'), 'headers seen by two');
    const [fromOne, fromTwo] = await Promise.all([firebreak(one, 'evidence', id, 'mail.eml'), firebreak(two, 'evidence', id, 'mail.eml')]);
    await firebreak(one, 'sync');
    await firebreak(two, 'sync');
    await firebreak(one, 'sync');
    const ids = events(one).flatMap((e) => (e.type === 'evidence.added' ? [e.evidence] : []));
    assert.equal(ids.length, 2);
    assert.notEqual(ids[0], ids[1]);
    assert.deepEqual([fromOne, fromTwo].map((out) => out.split(':')[0]).sort(), [...ids].sort());
    const stored = fs.readdirSync(path.join(one, 'incidents', id, 'evidence')).sort();
    assert.deepEqual(stored, [...ids].sort());
    assert.match(await firebreak(one, 'verify'), /no problem/);
    assert.match(await firebreak(two, 'verify'), /no problem/);
  });

  it('after sync installed the merge drivers, plain git pull merges events.jsonl and renders incident.md again: verify passes', async () => {
    await firebreak(one, 'sync');
    await firebreak(two, 'sync');
    await firebreak(one, 'note', id, 'from one');
    await firebreak(one, 'assign', id, 'commander', 'Ann');
    await firebreak(one, 'sync');
    await firebreak(two, 'note', id, 'from two');
    await firebreak(two, 'severity', id, 'SEV1');
    git(two, '-c', 'pull.rebase=false', 'pull', '-q', '--no-edit');
    const texts = events(two).flatMap((e) => (e.type === 'note.added' ? [e.text] : []));
    assert.deepEqual(texts.sort(), ['from one', 'from two']);
    assert.doesNotMatch(fs.readFileSync(path.join(two, 'incidents', id, 'events.jsonl'), 'utf8'), /<<<<<<<|>>>>>>>/);
    assert.equal(git(two, 'status', '--porcelain'), '');
    assert.match(await firebreak(two, 'verify'), /no problem/);
    const record = fs.readFileSync(path.join(two, 'incidents', id, 'incident.md'), 'utf8');
    assert.match(record, /from one/);
    assert.match(record, /from two/);
    git(one, '-c', 'pull.rebase=false', 'pull', '-q', '--no-edit');
    assert.match(await firebreak(one, 'verify'), /no problem/);
  });

  it('plain git pull --rebase replays local actions and renders incident.md again from the merged events: verify passes', async () => {
    await firebreak(one, 'sync');
    await firebreak(two, 'sync');
    await firebreak(one, 'note', id, 'from one');
    await firebreak(one, 'sync');
    await firebreak(two, 'note', id, 'from two');
    await firebreak(two, 'severity', id, 'SEV1');
    git(two, '-c', 'pull.rebase=true', 'pull', '-q');
    assert.equal(git(two, 'rev-list', '--merges', '--count', 'HEAD'), '0\n', 'a rebase, not a merge');
    assert.equal(git(two, 'status', '--porcelain'), '');
    const record = fs.readFileSync(path.join(two, 'incidents', id, 'incident.md'), 'utf8');
    assert.match(record, /from one/);
    assert.match(record, /from two/);
    assert.match(await firebreak(two, 'verify'), /no problem/);
  });

  it('100 different actions in each clone, then plain git pull and push both ways: every event once, byte-identical, verify passes', async () => {
    await firebreak(one, 'sync');
    await firebreak(two, 'sync');
    for (let i = 0; i < 100; i++) {
      await firebreak(one, 'note', id, `one-${i}`);
      await firebreak(two, 'note', id, `two-${i}`);
    }
    git(one, 'push', '-q', 'origin', 'HEAD');
    git(two, '-c', 'pull.rebase=false', 'pull', '-q', '--no-edit');
    git(two, 'push', '-q', 'origin', 'HEAD');
    git(one, '-c', 'pull.rebase=false', 'pull', '-q', '--no-edit');
    const notes = events(one).filter((e) => e.type === 'note.added');
    assert.equal(notes.length, 200);
    assert.equal(new Set(events(one).map((e) => e.id)).size, events(one).length);
    for (const file of ['events.jsonl', 'incident.md']) {
      assert.equal(fs.readFileSync(path.join(one, 'incidents', id, file), 'utf8'), fs.readFileSync(path.join(two, 'incidents', id, file), 'utf8'), file);
    }
    for (const clone of [one, two]) {
      assert.equal(git(clone, 'status', '--porcelain'), '');
      assert.match(await firebreak(clone, 'verify'), /no problem/);
    }
  });

  it('plain git pull leaves an unreconciled hand edit of incident.md as a conflict instead of dropping it', async () => {
    await firebreak(one, 'sync');
    await firebreak(two, 'sync');
    await firebreak(one, 'note', id, 'from one');
    await firebreak(one, 'sync');
    const record = path.join(two, 'incidents', id, 'incident.md');
    fs.writeFileSync(record, fs.readFileSync(record, 'utf8').replace('- [ ] ', '- [x] '));
    git(two, 'commit', '-q', '-am', 'hand edit');
    const pulled = spawnSync('git', ['-c', 'pull.rebase=false', 'pull', '-q', '--no-edit'], { cwd: two, encoding: 'utf8' });
    assert.notEqual(pulled.status, 0);
    assert.match(pulled.stderr, /unreconciled hand edits/);
    assert.match(git(two, 'status', '--porcelain'), new RegExp(`^UU incidents/${id}/incident\\.md$`, 'm'));
    assert.match(fs.readFileSync(record, 'utf8'), /- \[x\] /);
  });

});
