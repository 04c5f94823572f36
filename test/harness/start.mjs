#!/usr/bin/env node
// `npm start`: sets up what is missing (npm ci; a real VS Code), builds, creates a demo workspace
// (a fresh Git repository under .demo/, ignored by Git) and opens it with Firebreak loaded:
// in desktop VS Code (`code --extensionDevelopmentPath`) when `code` is on PATH, otherwise in
// code-server on 127.0.0.1, printing the URL to open. Ctrl+C stops everything.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths.mjs';

const say = (msg) => console.log(`[start] ${msg}`);
const run = (cmd, args, options = {}) => {
  const result = spawnSync(cmd, args, { cwd: projectRoot, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!fs.existsSync(path.join(projectRoot, 'node_modules', 'esbuild'))) {
  say('installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
run('node', ['esbuild.mjs']);

const demo = path.join(projectRoot, '.demo', 'workspace');
if (!fs.existsSync(path.join(demo, '.git'))) {
  say(`creating the demo workspace in ${demo}`);
  const { createDemoWorkspace } = await import('./demo.mjs');
  createDemoWorkspace(demo);
}

const hasDesktopCode = spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasDesktopCode && !process.env.FIREBREAK_USE_CODE_SERVER) {
  say('opening the demo workspace in desktop VS Code');
  run('code', ['--extensionDevelopmentPath', projectRoot, demo]);
  process.exit(0);
}

const { whyNoVSCode } = await import('./paths.mjs');
if (whyNoVSCode()) run('node', ['test/harness/setup-vscode.mjs']);
const { installExtensionCopy, startCodeServer } = await import('./codeServer.mjs');
const runDir = path.join(projectRoot, '.demo', 'code-server');
for (const sub of ['user-data/User', 'extensions']) fs.mkdirSync(path.join(runDir, sub), { recursive: true });
installExtensionCopy(path.join(runDir, 'extensions'));
const server = await startCodeServer({ runDir, env: { ...process.env }, testDriver: false });
say(`Firebreak is running in VS Code at:\n\n    ${server.url(demo)}\n`);
say('open it in a browser on this machine (Ctrl+C to stop)');
const stop = async () => { await server.stop(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
