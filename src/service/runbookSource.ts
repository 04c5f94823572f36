// Finding the runbook `start` and `add-runbook` name: a path to a file, or an id looked up in the
// repository's runbook folder and the built-in library. Read once, as bytes (copied verbatim).
import fs from 'node:fs';
import path from 'node:path';
import type { Runbook } from '../core/runbook/model';
import { parseRunbook } from '../core/runbook/parse';
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
  /** Repository folders searched for ids, relative to the root. */
  readonly repositoryFolders: readonly string[];
  readonly builtinDir?: string;
  readonly now: Date;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

export function loadRunbook(reference: string, folders: RunbookFolders): RunbookSource {
  const asPath = path.resolve(folders.cwd, reference);
  if (reference.includes('/') || reference.endsWith('.md') || fs.existsSync(asPath)) {
    return read(asPath, recordedPathOf(asPath, folders), false, folders.now);
  }
  if (!ID.test(reference)) throw new ServiceError(`no runbook ${shown(reference)}: give a runbook id or a path to a Markdown file`);
  const candidates: { dir: string; builtin: boolean }[] = [
    ...folders.repositoryFolders.map((f) => ({ dir: path.join(folders.root, f), builtin: false })),
    ...(folders.builtinDir ? [{ dir: folders.builtinDir, builtin: true }] : []),
  ];
  for (const { dir, builtin } of candidates) {
    const found = findById(dir, reference, builtin, folders.now);
    if (found) return { ...found, recordedPath: builtin ? `builtin/${path.basename(found.runbook.file)}` : recordedPathOf(found.runbook.file, folders) };
  }
  throw new ServiceError(`no runbook with id ${shown(reference)} in ${candidates.map((c) => c.builtin ? 'the built-in library' : path.relative(folders.root, c.dir) || '.').join(', ') || 'any runbook folder'}`);
}

/** `<id>.md` first (the convention), then any Markdown file whose parsed id matches. */
function findById(dir: string, id: string, builtin: boolean, now: Date): Omit<RunbookSource, 'recordedPath'> | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return undefined;
  }
  const ordered = [...names.filter((n) => n === `${id}.md`), ...names.filter((n) => n !== `${id}.md`)];
  for (const name of ordered) {
    const file = path.join(dir, name);
    if (!fs.lstatSync(file).isFile()) continue;
    const source = read(file, file, builtin, now);
    if (source.runbook.id === id) return source;
  }
  return undefined;
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
  const runbook = parseRunbook(bytes, { file, now, builtin });
  if (runbook.stages.every((s) => s.steps.length === 0)) throw new ServiceError(`runbook ${shown(recordedPath)} has no steps`);
  return { runbook, bytes, recordedPath };
}

function recordedPathOf(file: string, folders: RunbookFolders): string {
  const relative = path.relative(folders.root, file);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return relative.split(path.sep).join('/');
  if (folders.builtinDir && !path.relative(folders.builtinDir, file).startsWith('..')) return `builtin/${path.basename(file)}`;
  return path.basename(file);
}
