import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AutoSync, installMergeDriver, Recorder, repoPaths, syncIncidents } from '../../../src/git/index';
import { eventAtOf, eventIdOf, splitEventLines } from '../../../src/git/eventLines';
import { stampAfter } from '../../../src/core/incident/clock';
import { eventLine, git, makeRepo, removeDir, renderCount, tempDir, tsNodeCommand } from './helpers';

const ID = '20261128-k7f3qa';
const DIR = `incidents/${ID}`;

function request(line: string) {
  return {
    incidentDir: DIR,
    appendEvents: [line],
    render: renderCount,
    subject: { incidentId: ID, stage: 'containment', action: 'note.added' },
    trailers: { events: [eventIdOf(line)!] },
  };
}

/** A bare remote with one incident opened, and two clones of it. */
async function setup(root: string): Promise<{ bare: string; a: string; b: string }> {
  const seed = makeRepo(path.join(root, 'seed'));
  fs.mkdirSync(seed, { recursive: true });
  await new Recorder({ root: seed }).record(request(eventLine()));
  const bare = path.join(root, 'remote.git');
  git(root, 'clone', '-q', '--bare', seed, bare);
  const clone = (name: string) => {
    const dir = path.join(root, name);
    git(root, 'clone', '-q', bare, dir);
    git(dir, 'config', 'user.name', `Responder ${name}`);
    git(dir, 'config', 'user.email', `${name}@example.com`);
    return dir;
  };
  return { bare, a: clone('a'), b: clone('b') };
}

async function recordMany(recorder: Recorder, count: number): Promise<string[]> {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const line = eventLine();
    lines.push(line);
    const result = await recorder.record(request(line));
    assert.ok(result.commit);
  }
  return lines;
}

const syncOptions = { incidentsDir: 'incidents', render: renderCount };

describe('git/sync against a bare remote', function () {
  this.timeout(180_000);
  let root: string;
  beforeEach(() => {
    root = tempDir();
    fs.mkdirSync(path.join(root, 'seed'));
  });
  afterEach(() => removeDir(root));

  it('two clones × 100 actions, then sync both: no conflict, every event once, byte-identical clones', async () => {
    const { a, b } = await setup(root);
    const ra = new Recorder({ root: a });
    const rb = new Recorder({ root: b });
    const [linesA, linesB] = await Promise.all([recordMany(ra, 100), recordMany(rb, 100)]);
    const dirty = path.join(a, 'README.md');
    fs.writeFileSync(dirty, '# user work in progress\n');
    const first = await syncIncidents(ra, syncOptions);
    assert.equal(first.state, 'pushed');
    const second = await syncIncidents(rb, syncOptions);
    assert.equal(second.state, 'merged', second.problem);
    const third = await syncIncidents(ra, syncOptions);
    assert.equal(third.state, 'fast-forwarded', third.problem);
    const eventsA = fs.readFileSync(path.join(a, DIR, 'events.jsonl'), 'utf8');
    const eventsB = fs.readFileSync(path.join(b, DIR, 'events.jsonl'), 'utf8');
    assert.equal(eventsA, eventsB);
    assert.equal(fs.readFileSync(path.join(a, DIR, 'incident.md'), 'utf8'), fs.readFileSync(path.join(b, DIR, 'incident.md'), 'utf8'));
    const ids = eventsA.trim().split('\n').map((l) => eventIdOf(l));
    assert.equal(ids.length, 201);
    assert.equal(new Set(ids).size, 201);
    for (const line of [...linesA, ...linesB]) assert.ok(eventsA.includes(line));
    assert.equal(fs.readFileSync(dirty, 'utf8'), '# user work in progress\n');
    assert.equal(git(a, 'status', '--porcelain').trim(), 'M README.md');
    assert.equal(git(a, 'rev-parse', 'HEAD'), git(b, 'rev-parse', 'HEAD'));
  });

  it('plain git pull merges events.jsonl with the installed driver', async () => {
    const { a, b } = await setup(root);
    const ra = new Recorder({ root: a });
    const rb = new Recorder({ root: b });
    await Promise.all([recordMany(ra, 100), recordMany(rb, 100)]);
    const driver = tsNodeCommand(path.join(__dirname, 'fixtures', 'mergeDriver.ts')).map((p) => `'${p}'`).join(' ');
    for (const dir of [a, b]) await installMergeDriver(await repoPaths(dir), driver, 'incidents');
    git(a, 'push', '-q', 'origin', 'main');
    git(b, 'pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main');
    git(b, 'push', '-q', 'origin', 'main');
    git(a, 'pull', '-q', '--no-rebase', '--no-edit', 'origin', 'main');
    const eventsA = fs.readFileSync(path.join(a, DIR, 'events.jsonl'), 'utf8');
    assert.equal(eventsA, fs.readFileSync(path.join(b, DIR, 'events.jsonl'), 'utf8'));
    const ids = eventsA.trim().split('\n').map((l) => eventIdOf(l));
    assert.equal(new Set(ids).size, 201);
    assert.equal(ids.length, 201);
    assert.equal(git(b, 'ls-files', '-u'), '');
  });

  it('auto-sync: an action in one clone appears in the other without a manual command', async () => {
    const { a, b } = await setup(root);
    const ra = new Recorder({ root: a });
    const rb = new Recorder({ root: b });
    const autoA = new AutoSync({ sync: () => syncIncidents(ra, syncOptions), debounceMs: 10, intervalMs: 100 });
    const autoB = new AutoSync({ sync: () => syncIncidents(rb, syncOptions), debounceMs: 10, intervalMs: 100 });
    autoA.start();
    autoB.start();
    try {
      const line = eventLine();
      await ra.record(request(line));
      autoA.notifyCommitted();
      const deadline = Date.now() + 60_000;
      const eventsB = path.join(b, DIR, 'events.jsonl');
      while (!fs.readFileSync(eventsB, 'utf8').includes(line)) {
        assert.ok(Date.now() < deadline, 'the action never reached the other clone');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(autoB.current.lastSuccessAt);
    } finally {
      await Promise.all([autoA.stop(), autoB.stop()]);
    }
  });

  it('clock skew: a clone 10 minutes slow, after syncing, stamps its change after what it has seen', async () => {
    const { a, b } = await setup(root);
    const ra = new Recorder({ root: a });
    const rb = new Recorder({ root: b });
    const seenByA = eventLine(stampAfter(undefined, new Date()), { type: 'severity.changed', severity: 'SEV1' });
    await ra.record(request(seenByA));
    assert.equal((await syncIncidents(ra, syncOptions)).state, 'pushed');
    assert.equal((await syncIncidents(rb, syncOptions)).state, 'fast-forwarded');
    const slowNow = new Date(Date.now() - 10 * 60_000);
    const latestSeen = splitEventLines(fs.readFileSync(path.join(b, DIR, 'events.jsonl'), 'utf8')).map((l) => eventAtOf(l)!).sort().pop();
    const fromSlowClone = eventLine(stampAfter(latestSeen, slowNow), { type: 'severity.changed', severity: 'SEV3' });
    await rb.record(request(fromSlowClone));
    await syncIncidents(rb, syncOptions);
    await syncIncidents(ra, syncOptions);
    for (const clone of [a, b]) {
      const lines = splitEventLines(fs.readFileSync(path.join(clone, DIR, 'events.jsonl'), 'utf8'));
      assert.equal(lines[lines.length - 1], fromSlowClone, 'the slow clone\'s later change must sort last (it wins)');
      assert.ok(eventAtOf(fromSlowClone)! > eventAtOf(seenByA)!);
    }
  });

  it('reports no-remote and offline without throwing', async () => {
    fs.mkdirSync(path.join(root, 'alone'));
    const alone = makeRepo(path.join(root, 'alone'));
    assert.equal((await syncIncidents(new Recorder({ root: alone }), syncOptions)).state, 'no-remote');
    git(alone, 'remote', 'add', 'origin', path.join(root, 'missing.git'));
    const result = await syncIncidents(new Recorder({ root: alone }), syncOptions);
    assert.equal(result.state, 'offline');
    assert.ok(result.problem);
  });
});
