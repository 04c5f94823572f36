// `firebreak lint` over 1,000 realistic ~9 KB native runbooks, as a whole process (the built
// bundle with plain Node), against a floor process that reads the same files and runs
// gray-matter + markdown-it `parse` on each and nothing else. Timed alternately; target ≤ 1.3×.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateRunbooks } from '../fixtures/runbooks/generateRunbooks';
import { alternate, report } from './stats';

const COUNT = 1000;
const ROUNDS = 7;
const TARGET = 1.3;
const projectRoot = path.resolve(__dirname, '..', '..');
const cli = path.join(projectRoot, 'dist', 'cli.js');

function floorScript(): string {
  const grayMatter = require.resolve('gray-matter', { paths: [projectRoot] });
  const markdownIt = require.resolve('markdown-it', { paths: [projectRoot] });
  return `
    const fs = require('node:fs');
    const path = require('node:path');
    const matter = require(${JSON.stringify(grayMatter)});
    const MarkdownIt = require(${JSON.stringify(markdownIt)});
    const md = new MarkdownIt();
    const files = [];
    const pending = [process.argv[2]];
    while (pending.length) {
      const dir = pending.pop();
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) pending.push(path.join(dir, e.name));
        else if (e.name.endsWith('.md')) files.push(path.join(dir, e.name));
      }
    }
    for (const file of files) {
      const parsed = matter(fs.readFileSync(file, 'utf8'), {});
      md.parse(parsed.content, {});
    }`;
}

function runNode(args: string[]): void {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${result.stderr}${result.stdout.slice(0, 2000)}`);
}

async function mainBench(): Promise<void> {
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run bench\` (it builds first)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-lint-bench-'));
  try {
    const runbooks = path.join(dir, 'runbooks');
    generateRunbooks(runbooks, COUNT);
    const floorFile = path.join(dir, 'floor.cjs');
    fs.writeFileSync(floorFile, floorScript());
    const lint = () => runNode([cli, 'lint', runbooks]);
    const floor = () => runNode([floorFile, runbooks]);
    lint(); // warm the file cache, and prove the runbooks lint clean (exit 0)
    floor();
    const result = await alternate(ROUNDS, lint, floor);
    console.log(`lint of ${COUNT} runbooks (~9 KB each), whole process: median ${result.subjectMs} ms`);
    console.log(`floor (read + gray-matter + markdown-it parse, whole process): median ${result.floorMs} ms`);
    console.log(`ratio ${result.ratio} (target ≤ ${TARGET})`);
    report({ runbooks: COUNT, rounds: ROUNDS, lintMs: result.subjectMs, floorMs: result.floorMs, ratio: result.ratio, target: TARGET, ok: result.ratio <= TARGET });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void mainBench();
