// Entry point of the `firebreak` command-line tool: global options, then dispatch to a command.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { commands } from './commands/index';
import { ExitCode, UsageError, type CliContext } from './context';
import { VERSION } from '../core/version';

const HELP = `firebreak ${VERSION} — run security incidents from Markdown runbooks, recorded in Git

Usage: firebreak [--repo DIR] <command> [arguments]

Options:
  --repo DIR     run in DIR instead of the current directory
  --version      print the version
  --help         print this help

Exit codes: 0 success, 1 the check or action failed, 2 usage error.
`;

function helpText(): string {
  const names = Object.keys(commands);
  if (names.length === 0) return HELP;
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((name) => `  ${name.padEnd(width)}  ${commands[name]!.summary}`);
  return `${HELP}\nCommands:\n${lines.join('\n')}\n`;
}

export interface MainOptions {
  cwd?: string;
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  now?: () => Date;
  env?: Record<string, string | undefined>;
  /** Asks on the terminal; by default only when stdin and stderr are terminals. */
  ask?: (question: string) => Promise<string>;
}

/** Runs the CLI in-process; returns the exit code. */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((t: string) => void process.stdout.write(t));
  const stderr = options.stderr ?? ((t: string) => void process.stderr.write(t));
  let cwd = options.cwd ?? process.cwd();
  const args = [...argv];

  while (args.length > 0 && args[0]!.startsWith('-')) {
    const option = args.shift()!;
    if (option === '--version' || option === '-v') {
      stdout(`${VERSION}\n`);
      return ExitCode.ok;
    }
    if (option === '--help' || option === '-h') {
      stdout(helpText());
      return ExitCode.ok;
    }
    if (option === '--repo') {
      const dir = args.shift();
      if (!dir) return usageError(stderr, '--repo needs a directory');
      cwd = path.resolve(cwd, dir);
      continue;
    }
    if (option.startsWith('--repo=')) {
      cwd = path.resolve(cwd, option.slice('--repo='.length));
      continue;
    }
    return usageError(stderr, `unknown option ${JSON.stringify(option)}`);
  }

  const name = args.shift();
  if (name === undefined) {
    stderr(helpText());
    return ExitCode.usage;
  }
  if (name === 'help') {
    stdout(helpText());
    return ExitCode.ok;
  }
  const entry = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!entry) return usageError(stderr, `unknown command ${JSON.stringify(name)}`);

  const command = await entry.load();
  const atEnd: (() => Promise<void>)[] = [];
  const context: CliContext = {
    onEnd: (task) => atEnd.push(task),
    args,
    cwd,
    stdout,
    stderr,
    now: options.now ?? (() => new Date()),
    env: options.env ?? process.env,
    ...(options.ask ? { ask: options.ask } : options.stdout === undefined && process.stdin.isTTY && process.stderr.isTTY ? { ask: askOnTerminal } : {}),
  };
  try {
    try {
      return await command.run(context);
    } finally {
      for (const task of atEnd) await task();
    }
  } catch (error) {
    if (error instanceof UsageError) {
      stderr(`firebreak ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return ExitCode.usage;
    }
    stderr(`firebreak ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failed;
  }
}

async function askOnTerminal(question: string): Promise<string> {
  const readline = await import('node:readline/promises');
  const terminal = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    return await terminal.question(question);
  } finally {
    terminal.close();
  }
}

function usageError(stderr: (t: string) => void, message: string): number {
  stderr(`firebreak: ${message}\nRun \`firebreak --help\` for usage.\n`);
  return ExitCode.usage;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(__filename);
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(`firebreak: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = ExitCode.failed;
    },
  );
}
