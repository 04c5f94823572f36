#!/usr/bin/env node
// `npm test`: type-check, lint, unit tests (plain Node), then integration (Restricted Mode too)
// and e2e in a real VS Code. Without a real VS Code it fails and says how to get one; only
// FIREBREAK_SKIP_VSCODE=1 skips those phases, and then the last line says so.
import { spawn } from 'node:child_process';
import { projectRoot, whyNoVSCode } from './paths.mjs';

const skipVSCode = process.env.FIREBREAK_SKIP_VSCODE === '1';
const phases = [
  { name: 'check-types', cmd: ['npm', 'run', '-s', 'check-types'] },
  { name: 'lint', cmd: ['npm', 'run', '-s', 'lint'] },
  { name: 'build', cmd: ['node', 'esbuild.mjs'] },
  { name: 'unit', cmd: ['npx', 'mocha'] },
  { name: 'integration', cmd: ['node', 'test/harness/run-integration.mjs'], vscode: true },
  { name: 'integration (Restricted Mode)', cmd: ['node', 'test/harness/run-integration.mjs', '--untrusted'], vscode: true },
  { name: 'integration (multi-root)', cmd: ['node', 'test/harness/run-integration.mjs', '--multi-root'], vscode: true },
  { name: 'e2e', cmd: ['node', 'test/harness/run-e2e.mjs'], vscode: true },
];

function runPhase(phase) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(phase.cmd[0], phase.cmd.slice(1), { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => { output += chunk; process.stderr.write(chunk); });
    child.on('close', (code, signal) => {
      const count = (word) => [...output.matchAll(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'gm'))].reduce((n, m) => n + Number(m[1]), 0);
      resolve({ code: code ?? (signal ? 1 : 0), seconds: (Date.now() - started) / 1000, passed: count('passing'), failed: count('failing'), pending: count('pending') });
    });
  });
}

const missing = whyNoVSCode();
if (missing && !skipVSCode) {
  console.error(`npm test needs a real VS Code for the integration and e2e tests: ${missing}\n` +
    'Set FIREBREAK_SKIP_VSCODE=1 to run only type-check, lint and unit tests (the summary will say so).');
  process.exit(1);
}

const results = [];
for (const phase of phases) {
  if (phase.vscode && skipVSCode) {
    results.push({ phase, skipped: true });
    continue;
  }
  console.log(`\n=== ${phase.name} ===`);
  const result = await runPhase(phase);
  results.push({ phase, ...result });
  if (result.code !== 0) break;
}

console.log('\n=== summary ===');
let passed = 0, failed = 0, pending = 0;
for (const r of results) {
  if (r.skipped) { console.log(`${r.phase.name.padEnd(30)} SKIPPED (FIREBREAK_SKIP_VSCODE=1)`); continue; }
  passed += r.passed; failed += r.failed; pending += r.pending;
  console.log(`${r.phase.name.padEnd(30)} ${r.code === 0 ? 'ok    ' : 'FAILED'} ${r.seconds.toFixed(1).padStart(7)} s`);
}
const failedPhase = results.find((r) => !r.skipped && r.code !== 0);
const ran = results.filter((r) => !r.skipped).length;
if (failedPhase && failed === 0) failed = 1; // a phase failed without a mocha count (type errors, lint)
const skippedVSCode = results.some((r) => r.skipped);
console.log(`${passed} passed, ${failed} failed, ${pending} skipped`);
if (skippedVSCode) console.log('WARNING: integration and e2e tests were SKIPPED (FIREBREAK_SKIP_VSCODE=1): nothing ran in a real VS Code.');
if (ran < phases.length && !skippedVSCode && failedPhase) console.log(`stopped after the failing phase: ${failedPhase.phase.name}`);
process.exit(failedPhase ? 1 : 0);
