// `verify`: reads incident files only — no hook, filter or fsmonitor runs (plain file reads, and
// `git cat-file` for the base) — refuses symbolic links and non-regular files, and names the file
// of every problem, relative to the repository root.
import fs from 'node:fs';
import path from 'node:path';
import { parseEventLog, reduceIncident, verifyAgainstBase, verifyIncidentFiles } from '../core/incident';
import { isSafeName, readBlobAtRef, runGit } from '../git';
import { hashFile } from './evidence';
import { ServiceError, shown } from './errors';
import { EVENTS_FILE, RECORD_FILE } from './incidentFolder';
import type { VerifyProblem, VerifyResult } from './types';

export interface VerifyInput {
  readonly root: string;
  readonly incidentsFolder: string;
  readonly incidents?: readonly string[];
  readonly base?: string;
  readonly listIds: () => Promise<string[]>;
  /** The worktree holding an incident's folder, when it is not `root` (per-incident branches). */
  readonly rootOf?: (incidentId: string) => string;
}

/** Git config that keeps `cat-file` from consulting anything a hostile checkout could set. */
const READ_ONLY_GIT = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null'];
const REF = /^[A-Za-z0-9_][A-Za-z0-9._/@{}^~-]*$/;

export async function verifyIncidents(input: VerifyInput): Promise<VerifyResult> {
  const base = input.base === undefined ? undefined : await resolveBase(input.root, input.base);
  const requested = input.incidents ?? [];
  for (const id of requested) if (!isSafeName(id)) throw new ServiceError(`invalid incident id ${shown(id)}`);
  const ids = requested.length > 0 ? [...requested] : await input.listIds();
  const problems: VerifyProblem[] = [];
  for (const id of ids) {
    const folder = `${input.incidentsFolder}/${id}`;
    for (const problem of await verifyOne(input.rootOf?.(id) ?? input.root, folder, base)) problems.push(problem);
  }
  if (base !== undefined && requested.length === 0) {
    for (const id of await idsAtBase(input.root, base, input.incidentsFolder)) {
      if (!ids.includes(id)) problems.push({ file: `${input.incidentsFolder}/${id}/${EVENTS_FILE}`, message: `incident present at ${input.base} was removed: incident records are append-only` });
    }
  }
  return { checked: ids, problems };
}

async function verifyOne(root: string, folder: string, base: string | undefined): Promise<VerifyProblem[]> {
  const absDir = path.join(root, folder);
  const problems: VerifyProblem[] = [];
  const at = (file: string, message: string, line?: number) => problems.push({ file: `${folder}/${file}`, message: line === undefined ? message : `line ${line}: ${message}` });

  const dirStat = lstatOrUndefined(absDir);
  if (!dirStat) {
    at(EVENTS_FILE, 'no such incident');
    return problems;
  }
  if (!dirStat.isDirectory()) {
    at('', 'is not a directory (symbolic links are refused)');
    return problems;
  }
  const events = readRegular(absDir, EVENTS_FILE, at);
  if (events === undefined) return problems;
  const eventsText = events.toString('utf8');
  const record = readRegular(absDir, RECORD_FILE, at, true);
  const runbook = readRegular(absDir, 'runbook.md', at, true);
  const state = reduceIncident(parseEventLog(eventsText).events);
  const addedRunbooks = state.runbooks
    .filter((r) => r.file !== 'runbook.md' && isSafeName(r.file))
    .flatMap((r) => {
      const bytes = readRegular(absDir, r.file, at, true);
      return bytes === undefined ? [] : [{ file: r.file, bytes }];
    });
  const evidence = await evidenceHashes(absDir, at);
  for (const problem of verifyIncidentFiles({
    eventsText, incidentMd: record?.toString('utf8'), runbookBytes: runbook, addedRunbooks, evidence,
  })) at(problem.file, problem.message, problem.line);

  if (base !== undefined) {
    const baseEvents = await blobAt(root, base, `${folder}/${EVENTS_FILE}`);
    const baseRunbook = await blobAt(root, base, `${folder}/runbook.md`);
    for (const problem of verifyAgainstBase({
      baseEventsText: baseEvents?.toString('utf8'), eventsText, baseRunbookBytes: baseRunbook, runbookBytes: runbook,
    })) at(problem.file, problem.message, problem.line);
  }
  return problems;
}

/** Reads a regular file (never through a symbolic link); reports and returns undefined otherwise. */
function readRegular(
  absDir: string, name: string, at: (file: string, message: string) => void, missingIsTheModelsCall = false,
): Buffer | undefined {
  const file = path.join(absDir, name);
  const stat = lstatOrUndefined(file);
  if (!stat) {
    if (!missingIsTheModelsCall) at(name, 'missing');
    return undefined;
  }
  if (stat.isSymbolicLink()) {
    at(name, 'is a symbolic link: refused (incident files must be regular files)');
    return undefined;
  }
  if (!stat.isFile()) {
    at(name, 'is not a regular file: refused');
    return undefined;
  }
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  try {
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

async function evidenceHashes(absDir: string, at: (file: string, message: string) => void): Promise<{ name: string; sha256: string }[]> {
  const dir = path.join(absDir, 'evidence');
  const stat = lstatOrUndefined(dir);
  if (!stat) return [];
  if (!stat.isDirectory()) {
    at('evidence', 'is not a directory: refused');
    return [];
  }
  const hashes: { name: string; sha256: string }[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const entry = fs.lstatSync(path.join(dir, name));
    if (!entry.isFile()) {
      at(`evidence/${name}`, entry.isSymbolicLink() ? 'is a symbolic link: refused' : 'is not a regular file: refused');
      continue;
    }
    hashes.push({ name, sha256: (await hashFile(path.join(dir, name))).sha256 });
  }
  return hashes;
}

function lstatOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

async function resolveBase(root: string, ref: string): Promise<string> {
  if (!REF.test(ref) || ref.includes('..')) throw new ServiceError(`invalid base ref ${shown(ref)}`);
  const out = await runGit([...READ_ONLY_GIT, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root, allowFailure: true });
  if (out.code !== 0) throw new ServiceError(`unknown base ref ${shown(ref)}: fetch it first (in CI, fetch the target branch)`);
  return out.stdout.trim();
}

/** A file's bytes at the base commit (through the recorder's safe read: no hook, filter or fsmonitor), or undefined. */
async function blobAt(root: string, commit: string, repoPath: string): Promise<Buffer | undefined> {
  const read = await readBlobAtRef(root, commit, repoPath);
  return read.ok ? read.bytes : undefined;
}

async function idsAtBase(root: string, commit: string, folder: string): Promise<string[]> {
  const out = await runGit([...READ_ONLY_GIT, 'ls-tree', '--name-only', commit, '--', `${folder}/`], { cwd: root, allowFailure: true });
  if (out.code !== 0) return [];
  return out.stdout.split('\n').map((line) => line.split('/').pop() ?? '').filter(isSafeName);
}
