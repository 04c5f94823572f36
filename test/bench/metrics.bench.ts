// `firebreak report --all --json` end to end through the CLI (in-process): list the incidents,
// read and reduce every event log from its opening snapshot, and compute the metrics across
// them, over 100 and 1,000 incidents. Floor, same run: reading the same events files and
// JSON.parse of every line. Growth: 1,000 against 100 (linear is 10×).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main as cli } from '../../src/cli/main';
import { alternate, report, round } from './stats';

const root = path.join(__dirname, '..', '..');

async function firebreak(dir: string, ...argv: string[]): Promise<string> {
  let out = '';
  const code = await cli(argv, { cwd: dir, stdout: (t) => { out += t; }, stderr: () => {} });
  if (code !== 0) throw new Error(`firebreak ${argv.join(' ')} exited ${code}`);
  return out.trim();
}

/** One incident worked from opening to closing through the CLI: its events.jsonl. */
async function workedIncident(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-metrics-template-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['config', 'user.name', 'Bench'], { cwd: dir });
    execFileSync('git', ['config', 'user.email', 'bench@example.com'], { cwd: dir });
    const id = await firebreak(dir, 'start', path.join(root, 'runbooks', 'phishing.md'), '--title', 'Bench incident');
    const view = JSON.parse(await firebreak(dir, 'status', id, '--json')) as { stages: { steps: { id: string }[] }[] };
    const steps = view.stages.flatMap((s) => s.steps.map((step) => step.id));
    for (const step of steps.slice(0, 8)) await firebreak(dir, 'check', id, step);
    await firebreak(dir, 'na', id, steps[8]!, '--reason', 'not relevant here');
    await firebreak(dir, 'add-step', id, 'containment', 'Call the bank');
    for (let i = 0; i < 5; i++) await firebreak(dir, 'note', id, `observation ${i}: ${'x'.repeat(80)}`);
    await firebreak(dir, 'advance', id);
    await firebreak(dir, 'milestone', id, 'contained');
    await firebreak(dir, 'advance', id);
    await firebreak(dir, 'close', id);
    return fs.readFileSync(path.join(dir, 'incidents', id, 'events.jsonl'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A repository holding `count` copies of the incident (a tenth of them exercises). */
function repositoryWith(count: number, events: string): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-metrics-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  fs.writeFileSync(path.join(dir, '.firebreak.yml'), '# defaults\n');
  const exercise = events.replace('"exercise":false', '"exercise":true');
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, 'incidents', `20261128-${i.toString(36).padStart(6, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'events.jsonl'), i % 10 === 0 ? exercise : events);
    files.push(path.join(folder, 'events.jsonl'));
  }
  return { dir, files };
}

function floor(files: readonly string[]): number {
  let count = 0;
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line) count += (JSON.parse(line) as { v: number }).v;
  }
  return count;
}

async function main(): Promise<void> {
  const events = await workedIncident();
  const small = repositoryWith(100, events);
  const large = repositoryWith(1000, events);
  try {
    const metrics = (dir: string) => firebreak(dir, 'report', '--all', '--json');
    const check = JSON.parse(await metrics(large.dir)) as { real: { overall: { incidents: number } }; exercises: { overall: { incidents: number } } };
    if (check.real.overall.incidents !== 900 || check.exercises.overall.incidents !== 100) throw new Error(`unexpected counts ${JSON.stringify(check.real.overall.incidents)}`);
    await metrics(small.dir);
    const m100 = await alternate(11, () => metrics(small.dir), () => floor(small.files));
    const m1000 = await alternate(5, () => metrics(large.dir), () => floor(large.files));
    const growth = round(m1000.subjectMs / m100.subjectMs, 2);
    console.log(`events per incident: ${events.split('\n').length - 1}, ${Math.round(events.length / 1024)} KB`);
    console.log(`100 incidents:   report --all --json ${m100.subjectMs} ms, floor (read + JSON.parse) ${m100.floorMs} ms, ratio ${m100.ratio}`);
    console.log(`1,000 incidents: report --all --json ${m1000.subjectMs} ms, floor ${m1000.floorMs} ms, ratio ${m1000.ratio}`);
    console.log(`growth 100 → 1,000: ${growth}× (linear is 10×)`);
    report({ report100Ms: m100.subjectMs, floor100Ms: m100.floorMs, ratio100: m100.ratio, report1000Ms: m1000.subjectMs, floor1000Ms: m1000.floorMs, ratio1000: m1000.ratio, growth });
  } finally {
    fs.rmSync(small.dir, { recursive: true, force: true });
    fs.rmSync(large.dir, { recursive: true, force: true });
  }
}

void main();
