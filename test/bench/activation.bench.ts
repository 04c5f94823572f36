// Activation cost of the built extension: cold `require` + `activate()` in fresh Node processes
// (a minimal `vscode` stand-in), against the cold `require` of an eager markdown-it + gray-matter
// + simple-git bundle built the same way, alternated in the same run. Target ≤ 0.1×.
// Also prints the production bundle sizes (extension ≤ 250 KB, webview ≤ 60 KB).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { median, report, round } from './stats';

const root = path.join(__dirname, '..', '..');
const runs = Number(process.env.BENCH_RUNS ?? 25);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-activation-'));

async function main() {
  const common = { bundle: true, minify: true, platform: 'node' as const, format: 'cjs' as const, target: 'node20', logLevel: 'error' as const };
  const extension = path.join(out, 'extension.js');
  await esbuild.build({ ...common, entryPoints: [path.join(root, 'src', 'extension.ts')], outfile: extension, external: ['vscode'] });
  const eagerEntry = path.join(out, 'eager.ts');
  fs.writeFileSync(eagerEntry, "import 'markdown-it';\nimport 'gray-matter';\nimport 'simple-git';\n");
  const eager = path.join(out, 'eager.js');
  await esbuild.build({ ...common, entryPoints: [eagerEntry], outfile: eager, nodePaths: [path.join(root, 'node_modules')] });

  const webviewSizes: Record<string, number> = {};
  const webviewEntries = fs.readdirSync(path.join(root, 'src', 'webview')).filter((f) => f.endsWith('.entry.ts'));
  for (const entry of webviewEntries) {
    const file = path.join(out, entry.replace(/\.entry\.ts$/, '.js'));
    await esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: [path.join(root, 'src', 'webview', entry)], outfile: file });
    webviewSizes[path.basename(file)] = round(fs.statSync(file).size / 1024, 1);
  }

  // The floor: cold-requiring an empty module costs a few ms in any fresh process.
  const empty = path.join(out, 'empty.js');
  fs.writeFileSync(empty, 'module.exports = { activate() {} };\n');
  const child = path.join(__dirname, 'support', 'activate-once.cjs');
  const time = (bundle: string, mode: string) => Number(execFileSync(process.execPath, [child, bundle, mode], { encoding: 'utf8' }));
  const activation: number[] = [];
  const baseline: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order = [() => baseline.push(time(eager, 'require')), () => activation.push(time(extension, 'activate')), () => floor.push(time(empty, 'activate'))];
    for (let k = 0; k < order.length; k++) order[(i + k) % order.length]!();
  }
  const activationMs = median(activation);
  const baselineMs = median(baseline);
  const floorMs = median(floor);
  const netRatio = (activationMs - floorMs) / (baselineMs - floorMs);
  const extensionKB = round(fs.statSync(extension).size / 1024, 1);
  console.log(`extension require+activate: median ${activationMs.toFixed(2)} ms over ${runs} fresh processes`);
  console.log(`eager markdown-it+gray-matter+simple-git require: median ${baselineMs.toFixed(2)} ms`);
  console.log(`empty-module require (floor): median ${floorMs.toFixed(2)} ms`);
  console.log(`ratio ${(activationMs / baselineMs).toFixed(3)}×; net of the floor ${netRatio.toFixed(3)}× (target ≤ 0.1×)`);
  console.log(`bundle sizes (minified): extension ${extensionKB} KB (≤ 250), webview ${JSON.stringify(webviewSizes)} (≤ 60 each)`);
  fs.rmSync(out, { recursive: true, force: true });
  report({ activationMs: round(activationMs), baselineMs: round(baselineMs), floorMs: round(floorMs), ratio: round(activationMs / baselineMs, 3), netRatio: round(netRatio, 3), extensionKB, webviewKB: webviewSizes, runs });
}

void main();
