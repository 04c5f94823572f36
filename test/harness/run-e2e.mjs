#!/usr/bin/env node
// Runs the e2e suites (test/e2e) with mocha: each suite installs the built extension into a
// fresh code-server and drives it in Chromium. Fails when no real VS Code is installed, unless
// FIREBREAK_SKIP_VSCODE=1 says to skip on purpose.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot, whyNoVSCode } from './paths.mjs';

const missing = whyNoVSCode();
if (missing) {
  if (process.env.FIREBREAK_SKIP_VSCODE === '1') {
    console.log(`[e2e] SKIPPED (FIREBREAK_SKIP_VSCODE=1): ${missing}`);
    process.exit(0);
  }
  console.error(`[e2e] cannot run: ${missing}`);
  process.exit(1);
}
const timeoutSeconds = Number(process.env.FIREBREAK_TEST_TIMEOUT ?? 900);
const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--config', 'test/e2e/.mocharc.json', ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: 'inherit',
  detached: true,
});
const timer = setTimeout(() => {
  console.error(`[e2e] TIMEOUT after ${timeoutSeconds} s`);
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
}, timeoutSeconds * 1000);
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  console.log(`[e2e] screenshots in ${path.join(projectRoot, 'test-output', 'e2e')}`);
  process.exit(code ?? (signal ? 1 : 0));
});
