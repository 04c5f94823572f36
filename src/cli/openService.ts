// Opens the incident service for a CLI command: the repository at the command's directory,
// the built-in runbooks shipped next to the CLI, and notices printed once on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { builtinRunbooksDir } from './builtinRunbooks';
import type { CliContext } from './context';
import { IncidentService } from '../service/incidentService';

/** The command Git runs as the merge driver: this Node and the built CLI (`dist/cli.js`), shell-quoted. */
export function mergeDriverCommand(): string | undefined {
  const candidates = [__filename.endsWith('.js') ? __filename : '', path.resolve(__dirname, '..', '..', 'dist', 'cli.js')];
  const cli = candidates.find((file) => file !== '' && fs.existsSync(file));
  return cli === undefined ? undefined : `${shellQuote(process.execPath)} ${shellQuote(cli)} merge-driver`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The service for a command; what it batched (`.firebreak.yml` commit-batch) is committed when the command ends. */
export async function openService(context: CliContext): Promise<IncidentService> {
  const service = await openIncidentService(context);
  context.onEnd?.(() => service.flush());
  return service;
}

async function openIncidentService(context: CliContext): Promise<IncidentService> {
  const dir = builtinRunbooksDir();
  const driver = mergeDriverCommand();
  return IncidentService.open({
    cwd: context.cwd,
    now: context.now,
    env: context.env,
    notice: (message) => context.stderr(`firebreak: ${message}\n`),
    warn: (message) => context.stderr(`warning: ${message}\n`),
    ...(dir ? { builtinRunbooksDir: dir } : {}),
    ...(driver ? { mergeDriverCommand: driver } : {}),
  });
}
