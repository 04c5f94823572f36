// What a CLI command receives: its arguments and the outside world, passed in so that
// commands run in-process in tests with captured output and a fixed clock.

export interface CliContext {
  /** Arguments after the command name. */
  readonly args: readonly string[];
  /** Directory the command runs in (`--repo DIR` already applied). */
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The clock; commands never read the system time directly. */
  readonly now: () => Date;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Asks a person a question on the terminal; absent when there is no terminal to ask on. */
  readonly ask?: (question: string) => Promise<string>;
  /** Registers work to finish when the command ends, success or not (e.g. committing batched actions). */
  readonly onEnd?: (task: () => Promise<void>) => void;
}

/** Exit codes of PRODUCT.md §4. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Thrown for a usage error: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

export interface CliCommand {
  readonly name: string;
  /** One line for `firebreak --help`. */
  readonly summary: string;
  /** The synopsis printed on a usage error. */
  readonly usage: string;
  run(context: CliContext): Promise<number>;
}
