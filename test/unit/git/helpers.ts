// Shared test fixtures: real Git repositories in temporary folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(prefix = 'firebreak-git-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A repository with an identity and one initial commit (README.md). */
export function makeRepo(dir = tempDir()): string {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'config', 'user.name', 'Test Responder');
  git(dir, 'config', 'user.email', 'responder@example.com');
  fs.writeFileSync(path.join(dir, 'README.md'), '# test\n');
  git(dir, 'add', 'README.md');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

/** Removes a test folder (await `AutoSync.stop()` first: its last git process may still be writing). */
export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

let counter = 0;
/** A JSON event line with a unique id and the given `at`. */
export function eventLine(at = new Date().toISOString(), extra: Record<string, unknown> = {}): string {
  counter++;
  const id = `01TEST${process.pid.toString(36).toUpperCase().padStart(8, '0')}${counter.toString(36).toUpperCase().padStart(12, '0')}`;
  return JSON.stringify({ v: 1, id, at, actor: { name: 'T', email: 't@example.com' }, type: 'note.added', ...extra });
}

/** A stand-in renderer: the number of events and their ids, sorted like the reducer would. */
export function renderCount(lines: readonly string[]): Record<string, string> {
  const ids = lines.map((l) => (JSON.parse(l) as { id: string }).id);
  return { 'incident.md': `# Incident\n\n${lines.length} events\n\n${ids.map((id) => `- ${id}`).join('\n')}\n` };
}

export const projectRoot = path.resolve(__dirname, '..', '..', '..');

/** `node --import <tsx> <script>` usable from any working directory (e.g. as a git merge driver). */
export function tsNodeCommand(script: string): string[] {
  return [process.execPath, '--import', pathToFileURL(path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href, script];
}
