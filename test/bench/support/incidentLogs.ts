// Event logs for the benchmarks over many incidents: one incident worked through the CLI, a
// repository holding it many times, and the floor every such benchmark compares against.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main as cli } from '../../../src/cli/main';

const root = path.join(__dirname, '..', '..', '..');

/** Runs the CLI in-process in `dir`; stdout trimmed, throws on a non-zero exit. */
export async function firebreakIn(dir: string, ...argv: string[]): Promise<string> {
  let out = '';
  const code = await cli(argv, { cwd: dir, stdout: (t) => { out += t; }, stderr: () => {} });
  if (code !== 0) throw new Error(`firebreak ${argv.join(' ')} exited ${code}`);
  return out.trim();
}

type Work = (run: (...argv: string[]) => Promise<string>, id: string, steps: readonly string[]) => Promise<void>;

/** The events.jsonl of one phishing incident opened in a throwaway repository and worked by `work`. */
export async function workedIncidentLog(work: Work): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-template-'));
  try {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['config', 'user.name', 'Bench'], { cwd: dir });
    execFileSync('git', ['config', 'user.email', 'bench@example.com'], { cwd: dir });
    const run = (...argv: string[]) => firebreakIn(dir, ...argv);
    const id = await run('start', path.join(root, 'runbooks', 'phishing.md'), '--title', 'Bench incident');
    const view = JSON.parse(await run('status', id, '--json')) as { stages: { steps: { id: string }[] }[] };
    await work(run, id, view.stages.flatMap((s) => s.steps.map((step) => step.id)));
    return fs.readFileSync(path.join(dir, 'incidents', id, 'events.jsonl'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A Git repository with `count` incident folders, the i-th holding `logOf(i)`. */
export function repositoryOfIncidents(count: number, logOf: (i: number) => string): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bench-'));
  execFileSync('git', ['init', '-q'], { cwd: dir });
  fs.writeFileSync(path.join(dir, '.firebreak.yml'), '# defaults\n');
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, 'incidents', `20261128-${i.toString(36).padStart(6, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'events.jsonl'), logOf(i));
    files.push(path.join(folder, 'events.jsonl'));
  }
  return { dir, files };
}

/** The floor: reading the same events files and JSON.parse of every line. */
export function readAndParse(files: readonly string[]): number {
  let count = 0;
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line) count += (JSON.parse(line) as { v: number }).v;
  }
  return count;
}
