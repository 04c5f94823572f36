// Recording one action (call → durable commit) against the floor measured in the same run: the
// same durable write (temp + fsync + rename + dir fsync) and one `git commit -q --only -- <path>`
// via execFile. On a small repository and on one with 10,000 files; then a burst of 100 actions.
import { execFileSync, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Recorder, writeFileDurable, fsyncDir } from '../../src/git/index';
import { alternate, median, report, round, time } from './stats';

const run = promisify(execFile);
const ROUNDS = 30;
const DIR = 'incidents/20261128-k7f3qa';
const FLOOR_DIR = 'incidents/20261128-floor0';

function makeRepo(files: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Bench');
  git('config', 'user.email', 'bench@example.com');
  for (let i = 0; i < files; i++) {
    const sub = path.join(dir, 'src', String(i % 100));
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `f${i}.txt`), `file ${i}\n`);
  }
  fs.writeFileSync(path.join(dir, 'README.md'), '# bench\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  return dir;
}

let counter = 0;
function line(): string {
  counter++;
  const id = `01BENCH${counter.toString(36).toUpperCase().padStart(19, '0')}`;
  return JSON.stringify({ v: 1, id, at: new Date().toISOString(), actor: { name: 'B', email: 'b@example.com' }, type: 'note.added', text: 'x'.repeat(200) });
}

function recordOne(recorder: Recorder, render = (): Record<string, string> => ({})) {
  const l = line();
  return recorder.record({
    incidentDir: DIR,
    appendEvents: [l],
    render,
    subject: { incidentId: '20261128-k7f3qa', stage: 'analysis', action: 'note.added' },
    trailers: { events: [JSON.parse(l).id as string] },
  });
}

/** The floor: the same durable append and one commit of that path. */
async function floorOne(repo: string): Promise<void> {
  const file = path.join(repo, FLOOR_DIR, 'events.jsonl');
  const previous = fs.existsSync(file) ? await fs.promises.readFile(file, 'utf8') : '';
  await writeFileDurable(file, `${previous}${line()}\n`);
  await fsyncDir(path.dirname(file));
  await run('git', ['commit', '-q', '--only', '-m', '20261128-floor0: analysis: note.added', '--', `${FLOOR_DIR}/events.jsonl`], { cwd: repo });
}

async function prepare(repo: string): Promise<Recorder> {
  const recorder = new Recorder({ root: repo });
  await recordOne(recorder);
  fs.mkdirSync(path.join(repo, FLOOR_DIR), { recursive: true });
  fs.writeFileSync(path.join(repo, FLOOR_DIR, 'events.jsonl'), `${line()}\n`);
  execFileSync('git', ['add', '--', FLOOR_DIR], { cwd: repo });
  execFileSync('git', ['commit', '-q', '-m', 'floor', '--', FLOOR_DIR], { cwd: repo });
  return recorder;
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = {};
  const repos: string[] = [];
  try {
    for (const [name, files] of [['small', 0], ['10k-files', 10_000]] as const) {
      const repo = makeRepo(files);
      repos.push(repo);
      const recorder = await prepare(repo);
      const single = await alternate(ROUNDS, () => recordOne(recorder), () => floorOne(repo));
      const rendered = await alternate(ROUNDS, () => recordOne(recorder, () => ({ 'incident.md': `# x ${counter}\n` })), () => floorOne(repo));
      console.log(`${name}: record ${single.subjectMs} ms vs floor ${single.floorMs} ms → ${single.ratio}× (with incident.md rendered: ${rendered.ratio}×)`);
      results[name] = { recordMs: single.subjectMs, floorMs: single.floorMs, ratio: single.ratio, withRenderRatio: rendered.ratio };
    }
    const repo = repos[0]!;
    // Bursts and floors alternate (3 rounds each) so machine noise hits both alike.
    const burstTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let roundIndex = 0; roundIndex < 3; roundIndex++) {
      const recorder = new Recorder({ root: repo });
      burstTimes.push(await time(async () => {
        const results = await Promise.all(Array.from({ length: 100 }, () => recordOne(recorder)));
        if (results.some((r) => !r.commit)) throw new Error('a burst action was not committed');
      }));
      floorTimes.push(await time(async () => {
        for (let i = 0; i < 100; i++) await floorOne(repo);
      }));
    }
    const burstMs = median(burstTimes);
    const floorMs = median(floorTimes);
    const burst = { commitsPerSecond: round(100 / (burstMs / 1000), 1), burstMs: round(burstMs), floorMs: round(floorMs), ratio: round(burstMs / floorMs, 3) };
    console.log(`burst of 100 (small repo): ${burst.commitsPerSecond} commits/s, ${burst.burstMs} ms vs 100 floor commits ${burst.floorMs} ms → ${burst.ratio}×`);
    results.burst100 = burst;
  } finally {
    for (const repo of repos) fs.rmSync(repo, { recursive: true, force: true });
  }
  report(results);
}

void main();
