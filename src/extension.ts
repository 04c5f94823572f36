// Composition root: activate() constructs the services and registers them, nothing else.
// Heavy libraries (markdown-it, gray-matter, simple-git) load on first use, never here.
import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { IncidentsView } from './vscode/incidentsView';

export function activate(context: vscode.ExtensionContext): void {
  const incidents = new IncidentsView();
  context.subscriptions.push(incidents);
  context.subscriptions.push(...registerCommands(context));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
