// Composition root: activate() constructs the services and registers them, nothing else.
// Heavy libraries (markdown-it, gray-matter, simple-git) load on first use, never here.
import type * as vscode from 'vscode';
import { Firebreak, type FirebreakApi } from './vscode/firebreak';

export function activate(context: vscode.ExtensionContext): FirebreakApi {
  const firebreak = new Firebreak(context);
  context.subscriptions.push(firebreak);
  return firebreak.api();
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
