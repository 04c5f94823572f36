// `firebreak status --json` end to end through the CLI (in-process: repository lookup, listing,
// reading and reducing every incident's events from the opening snapshot — no runbook parsing)
// over 100 and 1,000 incidents. Floor, same run: reading the same events files and JSON.parse of
// every line. Growth: 1,000 against 100 (linear is 10×).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { main as cli } from '../../src/cli/main';
import { alternate, report, round } from './stats';

const root = path.join(__dirname, '..', '..');
const quiet = { stdout: () => {}, stderr: () => {} };

async function run(dir: string, ...argv: string[]): Promise<string> {
  let out = '';
  const code = await cli(argv, { cwd: dir, stdout: (t) => { out += t; }, stderr: () => {} });
  if (code !== 0) throw new Error(`firebreak ${argv.join(' ')} exited ${code}`);
  return out.trim();
}

/** A repository with one real incident (opened and worked through the CLI), copied `count` times. */
async function repositoryWith(count: number, template: string): Promise<{ dir: string; files: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-cli-status-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, 'incidents', `20261128-${i.toString(36).padStart(6, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'events.jsonl'), template);
    files.push(path.join(folder, 'events.jsonl'));
  }
  fs.writeFileSync(path.join(dir, '.firebreak.yml'), '# defaults\n');
  return { dir, files };
}

async function incidentTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-cli-template-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['config', 'user.name', 'Bench'], { cwd: dir });
    execFileSync('git', ['config', 'user.email', 'bench@example.com'], { cwd: dir });
    const id = await run(dir, 'start', path.join(root, 'runbooks', 'phishing.md'), '--title', 'Bench incident');
    const view = JSON.parse(await run(dir, 'status', id, '--json')) as { stages: { steps: { id: string }[] }[] };
    const steps = view.stages.flatMap((s) => s.steps.map((step) => step.id)).slice(0, 10);
    for (const step of steps) await run(dir, 'check', id, step, '--note', `done: ${step}`);
    for (let i = 0; i < 10; i++) await run(dir, 'note', id, `observation ${i}: ${'x'.repeat(80)}`);
    for (let i = 0; i < 5; i++) await run(dir, 'indicator', id, 'ip', `198.51.100.${i}`, '--source', 'proxy');
    await run(dir, 'advance', id);
    return fs.readFileSync(path.join(dir, 'incidents', id, 'events.jsonl'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function floor(files: readonly string[]): number {
  let count = 0;
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line) count += (JSON.parse(line) as { v: number }).v;
  }
  return count;
}

async function main(): Promise<void> {
  const template = await incidentTemplate();
  const small = await repositoryWith(100, template);
  const large = await repositoryWith(1000, template);
  try {
    const status = (dir: string) => cli(['status', '--json'], { cwd: dir, ...quiet });
    await status(small.dir);
    await status(large.dir);
    floor(large.files);
    const s100 = await alternate(11, () => status(small.dir), () => floor(small.files));
    const s1000 = await alternate(5, () => status(large.dir), () => floor(large.files));
    const growth = round(s1000.subjectMs / s100.subjectMs, 2);
    console.log(`events per incident: ${template.split('\n').length - 1}, ${Math.round(template.length / 1024)} KB`);
    console.log(`100 incidents:   status --json ${s100.subjectMs} ms, floor (read + JSON.parse) ${s100.floorMs} ms, ratio ${s100.ratio}`);
    console.log(`1,000 incidents: status --json ${s1000.subjectMs} ms, floor ${s1000.floorMs} ms, ratio ${s1000.ratio}`);
    console.log(`growth 100 → 1,000: ${growth}× (linear is 10×)`);
    report({ status100Ms: s100.subjectMs, floor100Ms: s100.floorMs, ratio100: s100.ratio, status1000Ms: s1000.subjectMs, floor1000Ms: s1000.floorMs, ratio1000: s1000.ratio, growth });
  } finally {
    fs.rmSync(small.dir, { recursive: true, force: true });
    fs.rmSync(large.dir, { recursive: true, force: true });
  }
}

void main();
