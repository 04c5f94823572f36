// Finding the runbook `start` and `add-runbook` name: a path to a file (relative to where the
// command runs), or an id resolved through the runbook library (the repository's folders, then the
// built-ins). Read once as bytes: the snapshot and the byte copy come from the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import type { Runbook } from '../core/runbook/model';
import { parseRunbook } from '../core/runbook/parse';
import { loadRepositoryLibrary } from '../core/runbook/repositoryLibrary';
import { ServiceError, shown } from './errors';

export interface RunbookSource {
  readonly runbook: Runbook;
  readonly bytes: Uint8Array;
  /** The path recorded in the event: repository-relative, or `builtin/<file>`, never a machine's absolute path. */
  readonly recordedPath: string;
}

export interface RunbookFolders {
  readonly root: string;
  readonly cwd: string;
  readonly builtinDir?: string;
  readonly now: Date;
}

export async function loadRunbook(reference: string, folders: RunbookFolders): Promise<RunbookSource> {
  const asPath = path.resolve(folders.cwd, reference);
  if (reference.includes('/') || reference.endsWith('.md') || fs.existsSync(asPath)) {
    const builtin = folders.builtinDir !== undefined && isInside(folders.builtinDir, asPath);
    return read(asPath, recordedPathOf(asPath, folders), builtin, folders.now);
  }
  const { library, folders: searched } = await loadRepositoryLibrary(folders.root, folders.builtinDir ? { builtinFolder: folders.builtinDir } : {});
  const entry = library.resolve(reference);
  if (!entry) {
    throw new ServiceError(`no runbook with id ${shown(reference)} in ${[...searched.map((f) => `${f}/`), ...(folders.builtinDir ? ['the built-in library'] : [])].join(', ')}`);
  }
  return read(entry.file, entry.builtin ? `builtin/${entry.relativePath}` : entry.relativePath, entry.builtin, folders.now);
}

function read(file: string, recordedPath: string, builtin: boolean, now: Date): RunbookSource {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new ServiceError(`no runbook file ${shown(recordedPath)}`);
  }
  if (!stat.isFile()) throw new ServiceError(`runbook ${shown(recordedPath)} is not a regular file`);
  const bytes = fs.readFileSync(file);
  const runbook = parseRunbook(bytes, { file: recordedPath, now, builtin });
  if (runbook.stages.every((s) => s.steps.length === 0)) throw new ServiceError(`runbook ${shown(recordedPath)} has no steps`);
  return { runbook, bytes, recordedPath };
}

function recordedPathOf(file: string, folders: RunbookFolders): string {
  if (isInside(folders.root, file)) return path.relative(folders.root, file).split(path.sep).join('/');
  if (folders.builtinDir && isInside(folders.builtinDir, file)) return `builtin/${path.basename(file)}`;
  return path.basename(file);
}

/**
 * Where the library file a recorded path names is now (`builtin/<file>` in the built-in library,
 * else relative to the repository root); undefined when it is gone or the path leaves both.
 */
export function libraryFileOf(recordedPath: string, folders: { readonly root: string; readonly builtinDir?: string }): string | undefined {
  const builtin = recordedPath.startsWith('builtin/') && folders.builtinDir !== undefined;
  const dir = builtin ? folders.builtinDir! : folders.root;
  const file = path.resolve(dir, builtin ? recordedPath.slice('builtin/'.length) : recordedPath);
  return isInside(dir, file) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
