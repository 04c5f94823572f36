// Entry of the implementation chunk (dist/implementation.js): everything the extension does beyond
// activation. The activation shell requires it on first use: a command, a view's first rows, a
// restored webview, a start link, a CodeLens, or just after activation (context keys, sync).
import type * as vscode from 'vscode';
import { Firebreak, type ShellViews } from '../firebreak';

export { commandHandler, handledCommandIds } from './commandHandlers';

export function createFirebreak(context: vscode.ExtensionContext, views: ShellViews): Firebreak {
  return new Firebreak(context, views);
}
