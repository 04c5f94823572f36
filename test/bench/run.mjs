#!/usr/bin/env node
// `npm run bench`: runs every test/bench/*.bench.ts (from source, via tsx) one after another,
// each in a fresh Node process, after esbuild has built the bundles. A benchmark prints
// its own medians and ratios, and ends with one line `BENCH_JSON <object>`; this runner's last
// line is the JSON summary of all of them. Pass names to run only some: `npm run bench -- lint`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const files = fs.readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const summary = {};
let failed = false;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  console.log(`\n=== bench: ${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(here, file)], {
    cwd: path.join(here, '..', '..'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = `${result.stdout}`.split('\n');
  for (const line of lines) if (!line.startsWith('BENCH_JSON ')) console.log(line);
  if (result.stderr) process.stderr.write(result.stderr);
  const jsonLine = lines.reverse().find((l) => l.startsWith('BENCH_JSON '));
  if (result.status !== 0 || !jsonLine) {
    failed = true;
    summary[name] = { error: `exit ${result.status ?? result.signal}` };
    continue;
  }
  summary[name] = JSON.parse(jsonLine.slice('BENCH_JSON '.length));
}
console.log(JSON.stringify(summary));
process.exit(failed ? 1 : 0);
