// Entry point: activation registers small stand-ins and returns (src/vscode/activation/shell.ts).
// The implementation (src/vscode/firebreak.ts) loads on first use, from its own chunk; the core and
// the heavy libraries (markdown-it, gray-matter, simple-git) later still, from dist/core.js.
import type * as vscode from 'vscode';
import type { FirebreakApi } from './vscode/firebreak';
import { activateShell } from './vscode/activation/shell';

export function activate(context: vscode.ExtensionContext): FirebreakApi {
  return activateShell(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
