// The repository the service works in: creating one (`start --init`), the responder's identity,
// and where incidents live.
import { CONFIG_FILE, loadConfig, type FirebreakConfig } from '../core/config';
import fs from 'node:fs';
import path from 'node:path';
import { GitIdentityError, isSafeName, runGit, type RepoPaths } from '../git';
import { resolveIncidentsLocation, worktreePath } from '../git/location';
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

/** Where incidents live and the team's settings, from `.firebreak.yml` (defaults without one). */
export interface IncidentLocation {
  /** The worktree (or other repository) where incident files are written and committed. */
  readonly root: string;
  /** Folder holding the incident folders, relative to `root`, `/`-separated. */
  readonly folder: string;
  readonly config: FirebreakConfig;
}

/**
 * Reads `.firebreak.yml` and resolves where incidents are recorded. Never prompts: without a
 * config the default (current branch, `incidents/`) is used and `notice` says so; config problems
 * are passed to `notice` too. In per-incident mode `root` is the repository itself.
 */
export async function incidentLocation(root: string, notice?: (message: string) => void, onDisk?: RepoPaths): Promise<IncidentLocation> {
  const loaded = await loadConfig(root);
  if (!loaded.found) notice?.(`no ${CONFIG_FILE}: recording incidents in ${loaded.config.incidentsFolder}/ on the current branch`);
  for (const d of loaded.diagnostics) notice?.(`${CONFIG_FILE} line ${d.line}: ${d.severity}: ${d.message}`);
  const { config } = loaded;
  // One branch per incident: each incident's worktree is resolved when it is used (see IncidentService).
  if (config.branch.kind === 'per-incident') return { root, folder: config.incidentsFolder, config };
  if (onDisk) return { root: locationOnDisk(onDisk, config.branch), folder: config.incidentsFolder, config };
  const location = await resolveIncidentsLocation(root, config.branch, config.incidentsFolder, undefined, config.remote);
  return { root: location.root, folder: location.incidentsDir, config };
}

/**
 * Where incidents are read from in Restricted Mode, without git: the worktrees Firebreak made
 * before (a dedicated branch not yet checked out simply has no incidents to show).
 */
function locationOnDisk(repo: RepoPaths, branch: Exclude<FirebreakConfig['branch'], { kind: 'per-incident' }>): string {
  switch (branch.kind) {
    case 'current': return repo.root;
    case 'dedicated': return worktreePath(repo, branch.branch);
    case 'repository': return path.resolve(repo.root, branch.path);
  }
}

/** Per-incident mode in Restricted Mode: the ids whose worktree exists on disk, sorted. */
export async function perIncidentIdsOnDisk(repo: RepoPaths, prefix: string): Promise<string[]> {
  try {
    return (await fs.promises.readdir(worktreePath(repo, prefix))).filter((id) => isSafeName(id)).sort();
  } catch {
    return [];
  }
}

/** Incident ids with a branch `<prefix>/<id>` (per-incident mode), sorted. */
export async function perIncidentIds(root: string, prefix: string): Promise<string[]> {
  const out = await runGit(['for-each-ref', '--format=%(refname)', `refs/heads/${prefix}/`], { cwd: root, allowFailure: true });
  return out.stdout.split('\n').map((ref) => ref.slice(`refs/heads/${prefix}/`.length)).filter((id) => id !== '' && !id.includes('/')).sort();
}
