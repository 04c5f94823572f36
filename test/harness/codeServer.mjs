// Starts the real VS Code (code-server) for tests, in its own process group, with all of its
// state (and the git identity the extension host sees) in a per-run folder instead of $HOME.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { codeServerEntry, node24, projectRoot } from './paths.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A per-run folder holding HOME, XDG dirs, TMPDIR, VS Code's user data and a git identity. */
export function makeRunDir(prefix = 'firebreak-vscode-') {
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const sub of ['home', 'config', 'data', 'cache', 'tmp', 'user-data/User', 'extensions']) {
    fs.mkdirSync(path.join(runDir, sub), { recursive: true });
  }
  const gitconfig = path.join(runDir, 'gitconfig');
  fs.writeFileSync(gitconfig, '[user]\n\tname = Test Responder\n\temail = responder@example.com\n[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n');
  const env = {
    ...process.env,
    HOME: path.join(runDir, 'home'),
    XDG_CONFIG_HOME: path.join(runDir, 'config'),
    XDG_DATA_HOME: path.join(runDir, 'data'),
    XDG_CACHE_HOME: path.join(runDir, 'cache'),
    TMPDIR: path.join(runDir, 'tmp'),
    GIT_CONFIG_GLOBAL: gitconfig,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
  };
  return { runDir, env };
}

/** Creates a Git repository to open as the workspace (folder `name` of the run dir), optionally seeded from a fixture folder. */
export function makeWorkspace(runDir, env, fixture, name = 'workspace') {
  const workspace = path.join(runDir, name);
  fs.mkdirSync(workspace, { recursive: true });
  if (fixture && fs.existsSync(fixture)) fs.cpSync(fixture, workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Incident response workspace\n', { flag: 'a' });
  const git = (...args) => execFileSync('git', args, { cwd: workspace, env, stdio: 'pipe' });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'Initial commit');
  return workspace;
}

const DEFAULT_SETTINGS = {
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'git.openRepositoryInParentFolders': 'never',
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
};

/**
 * Starts code-server; resolves once it listens. `trusted: false` leaves workspace trust on so
 * the folder opens in Restricted Mode.
 */
export async function startCodeServer({ runDir, env, trusted = true, testDriver = true, settings = {}, log = () => {} }) {
  fs.writeFileSync(path.join(runDir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  const port = await freePort();
  const args = [
    codeServerEntry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', path.join(runDir, 'user-data'),
    '--extensions-dir', path.join(runDir, 'extensions'),
    '--ignore-last-opened',
  ];
  // The workbench runs an extension's tests from the URL payload only in smoke-test-driver mode.
  if (testDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  if (trusted) args.push('--disable-workspace-trust');
  const child = spawn(node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      log(text);
      if (output.includes('HTTP server listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (${code ?? signal}):\n${output}`));
    });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    origin,
    /** The workbench URL for a folder (or a `.code-workspace` file), with an optional extension-development payload. */
    url(folder, payload) {
      const query = new URLSearchParams(folder.endsWith('.code-workspace') ? { workspace: folder } : { folder });
      if (payload) query.set('payload', JSON.stringify(payload));
      return `${origin}/?${query}`;
    },
    remote(absPath) {
      return `vscode-remote://127.0.0.1:${port}${absPath}`;
    },
    async stop() {
      await killGroup(child, exited);
    },
  };
}

/** SIGTERM the whole process group, wait, then SIGKILL. */
export async function killGroup(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal) => {
    try { process.kill(-child.pid, signal); } catch { /* already gone */ }
  };
  signalGroup('SIGTERM');
  const gone = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
  if (!gone) signalGroup('SIGKILL');
  // Children that outlived the leader still belong to the group.
  signalGroup('SIGKILL');
}

export function removeRunDir(runDir) {
  if (process.env.FIREBREAK_KEEP_RUN_DIR) {
    console.log(`[harness] kept ${runDir}`);
    return;
  }
  fs.rmSync(runDir, { recursive: true, force: true });
}

/** Installs the built extension into an extensions folder by copying what the .vsix would hold. */
export function installExtensionCopy(extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  const target = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const entry of ['package.json', 'README.md', 'dist', 'media', 'runbooks']) {
    const from = path.join(projectRoot, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
  return target;
}
