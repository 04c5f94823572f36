// Helpers for the integration suites: the extension's API, git in the workspace, and waiting
// for a condition (no fixed sleeps).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as vscode from 'vscode';
import type { FirebreakApi } from '../../../src/vscode/firebreak';

export async function firebreak(): Promise<FirebreakApi> {
  const extension = vscode.extensions.getExtension<FirebreakApi>('firebreak.firebreak');
  if (!extension) throw new Error('Firebreak is not loaded');
  return extension.activate();
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return folder.uri.fsPath;
}

export function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: workspaceRoot(), encoding: 'utf8' });
}

export function commitCount(): number {
  return Number(git('rev-list', '--count', 'HEAD').trim());
}

/** The CLI bundle of the extension under test, run with the extension host's Node. */
export function cli(...args: string[]): string {
  const extension = vscode.extensions.getExtension('firebreak.firebreak')!;
  return execFileSync(process.execPath, [path.join(extension.extensionPath, 'dist', 'cli.js'), ...args], {
    cwd: workspaceRoot(),
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
}

/** Polls `probe` until it returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts an incident from the phishing runbook through the command; its id. */
export async function startIncident(title: string, exercise = false): Promise<string> {
  const api = await firebreak();
  const before = new Set((await api.incidents()).map((i) => i.id));
  await vscode.commands.executeCommand('firebreak.startIncident', { runbook: 'phishing', title, severity: 'SEV3', exercise });
  return waitFor(`incident “${title}”`, async () => (await api.incidents()).find((i) => !before.has(i.id))?.id);
}

/** Starting opens dashboards (firebreak.dashboard.openOnStart): a suite closes them so later suites start clean. */
export async function closeDashboards(): Promise<void> {
  const api = await firebreak();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await waitFor('the dashboards to close', () => api.openDashboards().length === 0);
}
