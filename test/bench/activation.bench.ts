// Activation cost of the built extension: cold `require` + `activate()` in fresh Node processes
// (a minimal `vscode` stand-in), against the cold `require` of an eager markdown-it + gray-matter
// + simple-git bundle built the same way, alternated in the same run. Target ≤ 0.1×.
// The extension is the production build esbuild.mjs ships (minified): the activation bundle
// dist/extension.js (the shell), the implementation chunk dist/implementation.js and the core
// chunk dist/core.js, neither of which activation may load. Also prints
// the bundle sizes (activation bundle ≤ 250 KB, each webview ≤ 60 KB) and the total shipped JS.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { median, report, round } from './stats';

const root = path.join(__dirname, '..', '..');
const runs = Number(process.env.BENCH_RUNS ?? 25);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-activation-'));
const EXTENSION_BUDGET_KB = 250;
const WEBVIEW_BUDGET_KB = 60;

const kilobytes = (file: string) => round(fs.statSync(file).size / 1024, 1);

async function main() {
  execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production', '--out', out], { stdio: 'pipe' });
  const extension = path.join(out, 'dist', 'extension.js');
  const coreChunk = path.join(out, 'dist', 'core.js');
  const implementationChunk = path.join(out, 'dist', 'implementation.js');
  const eagerEntry = path.join(out, 'eager.ts');
  fs.writeFileSync(eagerEntry, "import 'markdown-it';\nimport 'gray-matter';\nimport 'simple-git';\n");
  const eager = path.join(out, 'eager.js');
  await esbuild.build({ bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', entryPoints: [eagerEntry], outfile: eager, nodePaths: [path.join(root, 'node_modules')] });

  const child = path.join(__dirname, 'support', 'activate-once.cjs');
  const loadedAtActivation = JSON.parse(execFileSync(process.execPath, [child, extension, 'loaded'], { encoding: 'utf8' })) as string[];
  if (loadedAtActivation.includes(coreChunk)) throw new Error('activation loaded dist/core.js: something activation runs imports the core or a library statically');
  if (loadedAtActivation.includes(implementationChunk)) throw new Error('activation loaded dist/implementation.js: the shell must load it on first use only');

  // The floor: cold-requiring an empty module costs a few ms in any fresh process.
  const empty = path.join(out, 'empty.js');
  fs.writeFileSync(empty, 'module.exports = { activate() {} };\n');
  const time = (bundle: string, mode: string) => Number(execFileSync(process.execPath, [child, bundle, mode], { encoding: 'utf8' }));
  const activation: number[] = [];
  const baseline: number[] = [];
  const floor: number[] = [];
  // Not part of activation, but paid soon after it in a Firebreak workspace: told, not hidden.
  const implementationLoad: number[] = [];
  for (let i = 0; i < runs; i++) {
    const order = [() => baseline.push(time(eager, 'require')), () => activation.push(time(extension, 'activate')), () => floor.push(time(empty, 'activate')),
      () => implementationLoad.push(time(implementationChunk, 'require'))];
    for (let k = 0; k < order.length; k++) order[(i + k) % order.length]!();
  }
  const activationMs = median(activation);
  const baselineMs = median(baseline);
  const floorMs = median(floor);
  const netRatio = (activationMs - floorMs) / (baselineMs - floorMs);
  const implementationMs = median(implementationLoad);

  const webviewKB: Record<string, number> = {};
  for (const file of fs.readdirSync(path.join(out, 'media', 'dist')).filter((f) => f.endsWith('.js'))) webviewKB[file] = kilobytes(path.join(out, 'media', 'dist', file));
  const extensionKB = kilobytes(extension);
  const coreKB = kilobytes(coreChunk);
  const implementationKB = kilobytes(implementationChunk);
  const cliKB = kilobytes(path.join(out, 'dist', 'cli.js'));
  const shippedKB = round(extensionKB + implementationKB + coreKB + cliKB + Object.values(webviewKB).reduce((sum, kb) => sum + kb, 0), 1);
  const withinBudget = extensionKB <= EXTENSION_BUDGET_KB && Object.values(webviewKB).every((kb) => kb <= WEBVIEW_BUDGET_KB);

  console.log(`extension require+activate: median ${activationMs.toFixed(2)} ms over ${runs} fresh processes (dist/implementation.js and dist/core.js not loaded)`);
  console.log(`eager markdown-it+gray-matter+simple-git require: median ${baselineMs.toFixed(2)} ms`);
  console.log(`empty-module require (floor): median ${floorMs.toFixed(2)} ms`);
  console.log(`implementation chunk require (on first use, or the tick after activation in a Firebreak workspace): median ${implementationMs.toFixed(2)} ms, ${(implementationMs / baselineMs).toFixed(3)}× the eager bundle`);
  console.log(`ratio ${(activationMs / baselineMs).toFixed(3)}×; net of the floor ${netRatio.toFixed(3)}× (target ≤ 0.1×)`);
  console.log(`bundle sizes (minified): activation dist/extension.js ${extensionKB} KB (≤ ${EXTENSION_BUDGET_KB}), implementation chunk dist/implementation.js ${implementationKB} KB (loaded on first use), core chunk dist/core.js ${coreKB} KB (loaded on first use), webview ${JSON.stringify(webviewKB)} (≤ ${WEBVIEW_BUDGET_KB} each), CLI dist/cli.js ${cliKB} KB`);
  console.log(`total shipped JS ${shippedKB} KB; ${withinBudget ? 'within budget' : 'OVER BUDGET'}`);
  fs.rmSync(out, { recursive: true, force: true });
  report({ activationMs: round(activationMs), baselineMs: round(baselineMs), floorMs: round(floorMs), ratio: round(activationMs / baselineMs, 3), netRatio: round(netRatio, 3), implementationMs: round(implementationMs), extensionKB, implementationKB, coreKB, webviewKB, cliKB, shippedKB, withinBudget, runs });
}

void main();
