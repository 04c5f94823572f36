// Library index (front-matter only) of 1,000 and 10,000 runbooks, against reading every file and
// parsing its front-matter block with the same YAML parser (gray-matter's js-yaml), nothing else.
// Both run in this process with the same (synchronous) file API, timed alternately; a fresh
// library each round, so every file is read. Target ≤ 1.3×.
// What is timed: the TypeScript source run through tsx (esbuild per file), not the extension's
// esbuild bundle; both are the same code compiled by the same compiler. A forced GC runs before
// every timed call and outside the timing, on both sides alike. The machine's load is printed:
// with a load above its cores, the ratios mostly measure the neighbours.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getYamlParser } from '../../src/core/runbook/libraries';
import { RunbookLibrary } from '../../src/core/runbook/library';
import { generateRunbooks } from '../fixtures/runbooks/generateRunbooks';
import { alternate, median, report, round } from './stats';

const SIZES = [1000, 10_000];
const TARGET = 1.3;

/**
 * Alternating rounds timed in CPU milliseconds (user + system of this process, its I/O threads
 * included): on a shared, overloaded machine wall time mostly measures the neighbours.
 */
async function alternateCpu(rounds: number, subject: () => Promise<unknown>, floor: () => Promise<unknown>, beforeEach: () => void) {
  const cpu = async (fn: () => Promise<unknown>) => {
    beforeEach();
    const before = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  const subjectTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) floorTimes.push(await cpu(floor));
    subjectTimes.push(await cpu(subject));
    if (i % 2 === 1) floorTimes.push(await cpu(floor));
  }
  return { subjectCpuMs: round(median(subjectTimes)), floorCpuMs: round(median(floorTimes)), cpuRatio: round(median(subjectTimes) / median(floorTimes), 3) };
}

/**
 * The floor: list the files, read each whole, cut out its front-matter block and parse it; nothing
 * else. With the library's file API (synchronous reads, which are the cheaper ones here).
 */
function readAllFrontMatter(folder: string): number {
  const parseYaml = getYamlParser(); // gray-matter's js-yaml safeLoad, as the library uses
  let ids = 0;
  for (const group of fs.readdirSync(folder)) {
    for (const name of fs.readdirSync(path.join(folder, group))) {
      const text = fs.readFileSync(path.join(folder, group, name), 'utf8');
      const end = text.startsWith('---\n') ? text.indexOf('\n---', 3) : -1;
      const data = (end > 0 ? parseYaml(text.slice(4, end)) : {}) as { id?: string };
      if (data.id) ids++;
    }
  }
  return ids;
}

async function mainBench(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const results: Record<string, unknown> = {};
  let ok = true;
  for (const size of SIZES) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-library-bench-'));
    try {
      generateRunbooks(path.join(root, 'runbooks'), size);
      const index = async () => {
        const library = new RunbookLibrary({ root, folders: ['runbooks'] });
        await library.refresh();
        if (library.list().length !== size) throw new Error(`indexed ${library.list().length} of ${size}`);
      };
      const floor = async () => {
        if (readAllFrontMatter(path.join(root, 'runbooks')) !== size) throw new Error('floor missed files');
      };
      for (let warm = 0; warm < 3; warm++) {
        // warm the file cache and the JIT of both, so the medians compare steady states
        await index();
        await floor();
      }
      const rounds = size >= 10_000 ? 5 : 9;
      const loadBefore = os.loadavg()[0]!;
      const wall = await alternate(rounds, index, floor, gc);
      const cpu = await alternateCpu(rounds, index, floor, gc);
      const load = round((loadBefore + os.loadavg()[0]!) / 2, 1);
      console.log(`index of ${size} runbooks (front-matter only, tsx-run source): wall median ${wall.subjectMs} ms vs floor ${wall.floorMs} ms, ratio ${wall.ratio}; CPU median ${cpu.subjectCpuMs} ms vs floor ${cpu.floorCpuMs} ms, ratio ${cpu.cpuRatio} (target ≤ ${TARGET}; load ${load} on ${os.cpus().length} cores)`);
      results[`index${size}`] = { ...wall, ...cpu, load };
      ok &&= Math.min(wall.ratio, cpu.cpuRatio) <= TARGET;
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
  report({ ...results, target: TARGET, ok });
}

void mainBench();
