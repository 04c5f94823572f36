import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseEventLog } from '../../../src/core/incident';
import { IncidentFixture, useStartedIncident } from './incidentFixture';

const TRIALS = 50;
const loop = path.join(__dirname, 'actionLoop.ts');

/** Starts the action loop in its own Node process; resolves with the acknowledged note numbers. */
function actionLoop(fx: IncidentFixture, id: string, prefix: string, count: number, killAfterAcks?: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', loop, fx.dir, id, prefix, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acked: number[] = [];
  let stderr = '';
  let buffer = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      const match = /^ACK (\d+)$/.exec(line);
      if (!match) continue;
      acked.push(Number(match[1]));
      // Kill -9 at a pseudo-random point of the next action (a few ms in).
      if (killAfterAcks !== undefined && acked.length === killAfterAcks) setTimeout(() => child.kill('SIGKILL'), (acked.length * 7) % 40);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  return new Promise<{ acked: number[]; code: number | null; stderr: string }>((resolve) => {
    child.on('close', (code) => resolve({ acked, code, stderr }));
  });
}

function notes(fx: IncidentFixture, id: string): string[] {
  const { events, errors } = parseEventLog(fs.readFileSync(fx.file('incidents', id, 'events.jsonl'), 'utf8'));
  assert.deepEqual(errors, []);
  return events.flatMap((e) => (e.type === 'note.added' ? [e.text] : []));
}

describe('cli: concurrency and crashes', function () {
  this.timeout(900_000);
  let fx: IncidentFixture;
  let id: string;
  useStartedIncident('Busy incident', (started) => { ({ fx, id } = started); });

  it('two processes × 200 actions at once on one incident → 400 commits, one event each, no error', async () => {
    const before = fx.commitCount();
    const [a, b] = await Promise.all([actionLoop(fx, id, 'a', 200), actionLoop(fx, id, 'b', 200)]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(fx.commitCount(), before + 400);
    const eventTrailers = fx.git('log', `-400`, '--format=%(trailers:key=Event,valueonly)%x00').split('\0').map((t) => t.trim()).filter(Boolean);
    assert.equal(eventTrailers.length, 400);
    for (const trailer of eventTrailers) assert.match(trailer, /^[0-9A-Z]{26}$/, 'one event per commit');
    assert.equal(new Set(notes(fx, id)).size, 400);
    assert.equal((await fx.run('verify')).code, 0);
  });

  it('kill -9 at random points while recording (50 trials): every acknowledged action survives, verify passes, fsck is clean', async () => {
    const acknowledged: string[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      const result = await actionLoop(fx, id, `t${trial}`, 5, 1 + (trial % 3));
      for (const n of result.acked) acknowledged.push(`t${trial}-${n}`);
      // The next run commits whatever the killed one left on disk.
      await fx.ok('note', id, `after-${trial}`);
      const present = new Set(notes(fx, id));
      for (const text of acknowledged) assert.ok(present.has(text), `acknowledged ${text} lost in trial ${trial}`);
    }
    const verify = await fx.run('verify');
    assert.equal(verify.code, 0, verify.out);
    assert.equal(fx.git('status', '--porcelain', '--', 'incidents'), '');
    fx.git('fsck', '--no-progress', '--strict');
  });
});
