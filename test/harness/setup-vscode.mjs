#!/usr/bin/env node
// Installs what the integration and e2e tests need, once per machine:
//   Debian's chromium (and libkrb5-dev for code-server's native module), via apt-get when missing;
//   Node 24 from the npm registry and code-server into a cache outside the clone.
// code-server is not a devDependency: it needs Node 24, the project runs on Node 20.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CODE_SERVER_VERSION, NODE24_PACKAGE, cacheDir, chromium, codeServerEntry, node24, node24Bin, readyMarker } from './paths.mjs';

const started = Date.now();
const say = (msg) => console.log(`[setup:vscode] ${msg}`);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${result.status ?? result.signal}`);
  }
}

function debianPackageInstalled(name) {
  return spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed');
}

function ensureDebianPackages() {
  const missing = [];
  if (!fs.existsSync(chromium)) missing.push('chromium');
  if (!fs.existsSync(readyMarker) && !debianPackageInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  say(`installing Debian packages: ${missing.join(' ')} (apt-get)…`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensureCodeServer() {
  if (fs.existsSync(readyMarker) && fs.existsSync(codeServerEntry)) {
    say(`code-server ${CODE_SERVER_VERSION} already installed in ${cacheDir}`);
    return;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const quietNpm = ['--no-audit', '--no-fund', '--loglevel=error', '--no-save'];
  if (!fs.existsSync(node24)) {
    say(`installing Node 24 (${NODE24_PACKAGE}) from the npm registry…`);
    fs.mkdirSync(path.join(cacheDir, 'node24'), { recursive: true });
    fs.writeFileSync(path.join(cacheDir, 'node24', 'package.json'), '{"private":true}\n');
    run('npm', ['install', ...quietNpm, '--prefix', path.join(cacheDir, 'node24'), NODE24_PACKAGE]);
  }
  say(`installing code-server ${CODE_SERVER_VERSION} with Node 24 (about 4 minutes on 2 cores, ~620 MB)…`);
  const csDir = path.join(cacheDir, 'cs');
  fs.mkdirSync(csDir, { recursive: true });
  fs.writeFileSync(path.join(csDir, 'package.json'), '{"private":true}\n');
  // npm must run under Node 24: code-server's postinstall reads the Node major from npm's user agent.
  run('npm', ['install', ...quietNpm, '--prefix', csDir, `code-server@${CODE_SERVER_VERSION}`], {
    env: { ...process.env, PATH: `${node24Bin}${path.delimiter}${process.env.PATH}` },
  });
  if (!fs.existsSync(codeServerEntry)) throw new Error(`code-server installed but ${codeServerEntry} is missing`);
  fs.writeFileSync(readyMarker, `${new Date().toISOString()}\n`);
}

try {
  ensureDebianPackages();
  ensureCodeServer();
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s (code-server ${CODE_SERVER_VERSION}, ${chromium})`);
} catch (error) {
  console.error(`[setup:vscode] ${error.message}`);
  process.exit(1);
}
