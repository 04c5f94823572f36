// The implementation's command handlers, by id. The activation shell registers every contributed
// command with VS Code at activation and forwards each call here once the implementation has
// loaded, so the implementation registers its handlers here, not with vscode.commands (VS Code
// refuses a second registration of an id).
import type * as vscode from 'vscode';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments are whatever the caller passes
export type CommandHandler = (...args: any[]) => unknown;

const handlers = new Map<string, CommandHandler>();

export function registerCommand(id: string, handler: CommandHandler): vscode.Disposable {
  if (handlers.has(id)) throw new Error(`Firebreak: command ${id} is registered twice`);
  handlers.set(id, handler);
  return { dispose: () => { if (handlers.get(id) === handler) handlers.delete(id); } };
}

export function commandHandler(id: string): CommandHandler | undefined {
  return handlers.get(id);
}

/** Every id with a handler now (the bundle test compares them with what the shell registers). */
export function handledCommandIds(): string[] {
  return [...handlers.keys()].sort();
}
