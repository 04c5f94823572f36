// Several processes and kill -9: the per-repository lock file and crash recovery.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Recorder } from '../../../src/git/index';
import { git, makeRepo, removeDir, tsNodeCommand } from './helpers';

const DIR = 'incidents/20261128-k7f3qa';
const LOOP = path.join(__dirname, 'fixtures', 'recordLoop.ts');

function startLoop(repo: string, count: number, tag: string): { child: ChildProcess; acks: string[]; done: Promise<number | null>; ready: Promise<void>; onAck: (fn: () => void) => void } {
  const [node, ...args] = tsNodeCommand(LOOP);
  const child = spawn(node!, [...args, repo, String(count), tag], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: string[] = [];
  const ackListeners: (() => void)[] = [];
  let buffer = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line === 'READY') markReady();
      if (line.startsWith('ACK ')) {
        acks.push(line.slice(4));
        for (const fn of ackListeners.splice(0)) fn();
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== 0 && code !== null) console.error(stderr);
    resolve(code);
  }));
  return { child, acks, done, ready, onAck: (fn) => ackListeners.push(fn) };
}

function committedIds(repo: string): string[] {
  return git(repo, 'show', `HEAD:${DIR}/events.jsonl`).trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
}

describe('git/recorder across processes', function () {
  this.timeout(900_000);
  let repo: string;
  beforeEach(() => {
    repo = makeRepo();
  });
  afterEach(() => removeDir(repo));

  it('two processes × 200 actions on one incident → 400 commits, one event each', async () => {
    const a = startLoop(repo, 200, 'A');
    const b = startLoop(repo, 200, 'B');
    assert.deepEqual(await Promise.all([a.done, b.done]), [0, 0]);
    assert.equal(git(repo, 'rev-list', '--count', 'HEAD').trim(), '401');
    const numstat = git(repo, 'log', '--format=', '--numstat', '-400', '--', `${DIR}/events.jsonl`).trim().split('\n');
    assert.equal(numstat.length, 400);
    assert.ok(numstat.every((l) => l.startsWith('1\t0\t')), 'a commit holds more or less than one event');
    const trailerIds = git(repo, 'log', '-400', '--format=%(trailers:key=Event,valueonly)').split('\n').filter(Boolean);
    assert.equal(new Set(trailerIds).size, 400);
    assert.deepEqual(new Set(committedIds(repo)), new Set([...a.acks, ...b.acks]));
  });

  it('kill -9 at random points (50 trials): after recover() every acknowledged action is committed, git fsck clean', async () => {
    const acknowledged: string[] = [];
    for (let trial = 0; trial < 50; trial++) {
      const loop = startLoop(repo, 0, 'K');
      await loop.ready;
      const acksBeforeKill = Math.floor(Math.random() * 3);
      await new Promise<void>((resolve) => {
        const check = () => (loop.acks.length >= acksBeforeKill ? resolve() : loop.onAck(check));
        check();
      });
      // A random extra delay puts the kill anywhere in the next write + commit.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      loop.child.kill('SIGKILL');
      await loop.done;
      acknowledged.push(...loop.acks);
      const recorder = new Recorder({ root: repo, retryPendingMs: 0 });
      await recorder.recover('incidents', (lines) => ({ 'incident.md': `# Incident\n\n${lines.length} events\n` }));
      if (acknowledged.length > 0) {
        const ids = new Set(committedIds(repo));
        for (const id of acknowledged) assert.ok(ids.has(id), `trial ${trial}: acknowledged ${id} is missing`);
      }
      assert.equal(git(repo, 'status', '--porcelain', '--', 'incidents').trim(), '', `trial ${trial}: incident folder not clean after recover`);
    }
    assert.ok(acknowledged.length > 0);
    git(repo, 'fsck', '--no-progress');
  });
});
