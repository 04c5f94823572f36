// Registers the Command Palette commands (category "Firebreak").
import * as vscode from 'vscode';
import { VERSION } from '../core/version';

export function registerCommands(_context: vscode.ExtensionContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('firebreak.about', async () => {
      const message = `Firebreak ${VERSION}`;
      void vscode.window.showInformationMessage(message);
      return { version: VERSION };
    }),
  ];
}
