// The argument parser shared by the CLI's commands, on top of node:util parseArgs.
// Strict by design: an unknown option is a usage error, and no value may start with `-`
// unless it comes after `--` (so user text can never be mistaken for, or passed on as, an option).
import { parseArgs } from 'node:util';
import { UsageError } from './context';

/** Option name → its kind. String options take one value; boolean options are flags. */
export type OptionKinds = Readonly<Record<string, 'string' | 'boolean'>>;

export type OptionValues<K extends OptionKinds> = {
  [Name in keyof K]?: K[Name] extends 'string' ? string : boolean;
};

export interface ArgsSpec<K extends OptionKinds> {
  readonly options?: K;
  /** How many positional arguments the command takes. */
  readonly min?: number;
  readonly max?: number;
}

export interface ParsedArgs<K extends OptionKinds> {
  readonly positionals: readonly string[];
  readonly values: OptionValues<K>;
}

/** Parses a command's arguments; throws UsageError (exit 2) on anything unexpected. */
export function parseCommandArgs<K extends OptionKinds>(args: readonly string[], spec: ArgsSpec<K>): ParsedArgs<K> {
  const kinds: OptionKinds = spec.options ?? {};
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const [name, type] of Object.entries(kinds)) options[name] = { type };

  let tokens;
  try {
    ({ tokens } = parseArgs({ args: [...args], options, strict: true, allowPositionals: true, tokens: true }));
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }

  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  let afterTerminator = false;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      afterTerminator = true;
    } else if (token.kind === 'positional') {
      if (!afterTerminator && token.value.startsWith('-') && token.value !== '-') {
        throw new UsageError(`unexpected ${quote(token.value)}: put values starting with "-" after "--"`);
      }
      positionals.push(token.value);
    } else {
      if (Object.hasOwn(values, token.name)) throw new UsageError(`--${token.name} given twice`);
      if (kinds[token.name] === 'string') {
        const value = token.value ?? '';
        if (value.startsWith('-')) throw new UsageError(`the value of --${token.name} must not start with "-"`);
        if (value === '') throw new UsageError(`--${token.name} needs a value`);
        values[token.name] = value;
      } else {
        values[token.name] = true;
      }
    }
  }

  const min = spec.min ?? 0;
  const max = spec.max ?? min;
  if (positionals.length < min) throw new UsageError(`expected ${min === max ? min : `at least ${min}`} argument${min === 1 ? '' : 's'}, got ${positionals.length}`);
  if (positionals.length > max) throw new UsageError(`unexpected argument ${quote(positionals[max]!)}`);
  return { positionals, values: values as OptionValues<K> };
}

/** Short, bounded quoting of user text for messages. */
export function quote(text: string, limit = 60): string {
  const shown = text.length > limit ? `${text.slice(0, limit)}…` : text;
  return JSON.stringify(shown);
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages name the option and suggest `--`; keep only the first sentence, bounded.
  const first = message.split('\n')[0] ?? message;
  return first.length > 200 ? `${first.slice(0, 200)}…` : first;
}
