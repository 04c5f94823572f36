// The repository the service works in: creating one (`start --init`), the responder's identity,
// and where incidents live.
import fs from 'node:fs';
import path from 'node:path';
import { GitIdentityError, runGit } from '../git';
import type { Identity } from './types';

/** Runs `git init` in `dir` unless it is already inside a repository. True when one was created. */
export async function initRepository(dir: string): Promise<boolean> {
  const inside = await runGit(['rev-parse', '--git-dir'], { cwd: dir, allowFailure: true });
  if (inside.code === 0) return false;
  await runGit(['init', '-q'], { cwd: dir });
  return true;
}

/** The Git author identity (config or GIT_AUTHOR_* variables); a clear error when none is configured. */
export async function readIdentity(root: string, env: Readonly<Record<string, string | undefined>> = {}): Promise<Identity> {
  const extra: Record<string, string> = {};
  for (const name of ['GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_COMMITTER_NAME', 'GIT_COMMITTER_EMAIL', 'HOME', 'XDG_CONFIG_HOME']) {
    const value = env[name];
    if (value !== undefined) extra[name] = value;
  }
  const out = await runGit(['-c', 'user.useConfigOnly=true', 'var', 'GIT_AUTHOR_IDENT'], { cwd: root, env: extra, allowFailure: true });
  const match = /^(.*) <([^>]*)> \d+ [+-]\d{4}$/.exec(out.stdout.trim());
  if (out.code !== 0 || !match || match[1]!.trim() === '' || match[2]!.trim() === '') throw new GitIdentityError();
  return { name: match[1]!.trim(), email: match[2]!.trim() };
}

/** Where incidents live. Until `.firebreak.yml` is read by the config loader, the default location. */
export interface IncidentLocation {
  /** Folder holding the incident folders, relative to the root, `/`-separated. */
  readonly folder: string;
  /** True when the repository has no `.firebreak.yml` (the default is used and the CLI says so). */
  readonly defaulted: boolean;
}

export const DEFAULT_INCIDENTS_FOLDER = 'incidents';

export function incidentLocation(root: string): IncidentLocation {
  const hasConfig = fs.existsSync(path.join(root, '.firebreak.yml'));
  return { folder: DEFAULT_INCIDENTS_FOLDER, defaulted: !hasConfig };
}
