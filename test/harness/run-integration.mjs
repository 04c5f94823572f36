#!/usr/bin/env node
// Runs the integration suites (test/integration, bundled to out/test/integration) inside the
// extension host of a real VS Code: code-server + Debian Chromium. Exit code = mocha's result.
//   --untrusted     open the workspace in Restricted Mode (suites named "restricted" only)
//   --multi-root    open a .code-workspace of two folders, each its own Git repository (suites named "multi-root" only)
//   --grep TEXT     only tests whose title matches
// Environment: FIREBREAK_TEST_TIMEOUT (seconds, default 600), FIREBREAK_SKIP_VSCODE=1 (explicit opt-out).
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { makeRunDir, makeWorkspace, removeRunDir, startCodeServer } from './codeServer.mjs';
import { projectRoot, whyNoVSCode } from './paths.mjs';

const argv = process.argv.slice(2);
const untrusted = argv.includes('--untrusted');
const multiRoot = argv.includes('--multi-root');
const grepIndex = argv.indexOf('--grep');
const grep = grepIndex >= 0 ? argv[grepIndex + 1] : untrusted ? 'restricted' : multiRoot ? 'multi-root' : undefined;
const invert = !untrusted && !multiRoot && grepIndex < 0;
const timeoutSeconds = Number(process.env.FIREBREAK_TEST_TIMEOUT ?? 600);
const label = untrusted ? 'integration (Restricted Mode)' : multiRoot ? 'integration (multi-root)' : 'integration';
// Workbench messages expected offline (REAL-VSCODE.md); everything else is printed.
const HARMLESS_OFFLINE_NOISE = /open-vsx\.org|authentication provider 'github'|\[AccountPolicyGate\]|\[AgentHost|vsda/;
const say = (msg) => console.log(`[${label}] ${msg}`);

const missing = whyNoVSCode();
if (missing) {
  if (process.env.FIREBREAK_SKIP_VSCODE === '1') {
    say(`SKIPPED (FIREBREAK_SKIP_VSCODE=1): ${missing}`);
    process.exit(0);
  }
  console.error(`[${label}] cannot run: ${missing}\nThe integration tests need a real VS Code. Set FIREBREAK_SKIP_VSCODE=1 only to skip them on purpose.`);
  process.exit(1);
}

const started = Date.now();
const { runDir, env } = makeRunDir();
// Tests read these to find their fixtures and to know which mode they run in.
env.FIREBREAK_TEST_MODE = untrusted ? 'untrusted' : 'trusted';
if (grep) env.FIREBREAK_TEST_GREP = grep;
// The default launch runs every suite but those of the other launches.
if (invert) env.FIREBREAK_TEST_GREP_INVERT = 'restricted|multi-root';
const fixture = path.join(projectRoot, 'test', 'fixtures', 'workspace');
const workspace = multiRoot ? makeMultiRootWorkspace() : makeWorkspace(runDir, env, fixture);

/** Two folders, each its own Git repository, in one `.code-workspace` file. */
function makeMultiRootWorkspace() {
  const folders = ['payments', 'website'].map((name) => makeWorkspace(runDir, env, fixture, name));
  const file = path.join(runDir, 'incident-response.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: folders.map((folder) => ({ path: folder })) }, null, 2));
  return file;
}

let server;
let browser;
let exitCode = 1;
try {
  server = await startCodeServer({ runDir, env, trusted: !untrusted });
  browser = await launchBrowser(env);
  const page = await browser.newPage();
  const result = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const text = format(...(Array.isArray(args) ? args : [args]));
    if (!HARMLESS_OFFLINE_NOISE.test(text)) console.log(text);
  });
  const payload = [
    ['extensionDevelopmentPath', server.remote(projectRoot)],
    ['extensionTestsPath', server.remote(path.join(projectRoot, 'out', 'test', 'integration', 'index.js'))],
    ['skipWelcome', 'true'],
  ];
  say(`VS Code at ${server.origin}, workspace ${workspace}`);
  await page.goto(server.url(workspace, payload));
  const timeout = new Promise((resolve) => setTimeout(() => {
    console.error(`[${label}] TIMEOUT after ${timeoutSeconds} s`);
    resolve(1);
  }, timeoutSeconds * 1000).unref());
  exitCode = await Promise.race([result, timeout]);
} catch (error) {
  console.error(`[${label}] ${error.stack ?? error}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  removeRunDir(runDir);
}
say(`${exitCode === 0 ? 'passed' : 'FAILED'} (exit ${exitCode}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(exitCode);
