// The CLI's commands. Each lives in its own file and is loaded only when it runs.
import type { CliCommand } from '../context';

export interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<CliCommand>;
}

export const commands: Record<string, CommandEntry> = {
};
