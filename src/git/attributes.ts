// `.gitattributes` for incident records (PRODUCT.md §3), written once per repository, and the
// merge driver that makes plain `git merge`/`git pull` merge events.jsonl like sync does.
import fs from 'node:fs';
import path from 'node:path';
import { runGit } from './exec';
import { writeFileDurable } from './durable';
import { splitEventLines } from './eventLines';
import { mergeEventLogs } from './mergeEvents';
import { readBlobAtRef } from './readBlob';
import type { RenderFn } from './recorder';
import { isSafeRelativePath } from './names';
import type { RepoPaths } from './repo';

const MARKER = '# Firebreak incident records';

/** The attribute lines for an incidents folder: union merge and LF for events, LF for Markdown, evidence untouched. */
export function gitAttributesBlock(incidentsDir: string): string {
  assertFolder(incidentsDir);
  return [
    `${MARKER} (${incidentsDir}/)`,
    `${incidentsDir}/**/events.jsonl merge=union eol=lf`,
    `${incidentsDir}/**/*.md eol=lf`,
    `${incidentsDir}/**/evidence/** binary -filter`,
    '',
  ].join('\n');
}

/**
 * Appends the block to `<root>/.gitattributes` when it is not there yet. Returns true when the
 * file changed (the caller commits it, e.g. with `Recorder.commitFiles`).
 */
export async function ensureGitAttributes(root: string, incidentsDir: string): Promise<boolean> {
  const file = path.join(root, '.gitattributes');
  const existing = fs.existsSync(file) ? await fs.promises.readFile(file, 'utf8') : '';
  if (existing.includes(`${MARKER} (${incidentsDir}/)`)) return false;
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  await writeFileDurable(file, `${existing}${separator}${gitAttributesBlock(incidentsDir)}`);
  return true;
}

export const EVENTS_DRIVER = 'firebreak-events';
export const RENDERED_DRIVER = 'firebreak-rendered';

/**
 * Installs the merge drivers in the repository's own config and `info/attributes` (which wins
 * over `.gitattributes`), both `<driverCommand> %O %A %B %P`: events.jsonl → the union of events
 * (see `runMergeDriver`); the rendered incident.md → rendered again from that union (see
 * `runRenderedMergeDriver`).
 * `driverCommand` is a shell command prefix, e.g. `node '/path/dist/cli.js' merge-driver`.
 */
export async function installMergeDriver(repo: RepoPaths, driverCommand: string, incidentsDir: string): Promise<void> {
  assertFolder(incidentsDir);
  const set = (key: string, value: string) => runGit(['config', '--local', '--', key, value], { cwd: repo.root });
  await set(`merge.${EVENTS_DRIVER}.name`, 'Firebreak: union of incident events, sorted by (at, id)');
  await set(`merge.${EVENTS_DRIVER}.driver`, `${driverCommand} %O %A %B %P`);
  await set(`merge.${RENDERED_DRIVER}.name`, 'Firebreak: the rendered record, rendered again from the merged events');
  await set(`merge.${RENDERED_DRIVER}.driver`, `${driverCommand} %O %A %B %P`);
  const infoFile = path.join(repo.commonDir, 'info', 'attributes');
  await fs.promises.mkdir(path.dirname(infoFile), { recursive: true });
  const existing = fs.existsSync(infoFile) ? await fs.promises.readFile(infoFile, 'utf8') : '';
  const lines = [`${incidentsDir}/**/events.jsonl merge=${EVENTS_DRIVER}`, `${incidentsDir}/**/incident.md merge=${RENDERED_DRIVER}`];
  const missing = lines.filter((l) => !existing.split('\n').includes(l));
  if (missing.length === 0) return;
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  await writeFileDurable(infoFile, `${existing}${separator}${missing.join('\n')}\n`);
}

/**
 * The merge driver's work (git passes %O %A %B): merges the three event logs and writes the
 * result to `oursFile` (%A). Returns the exit code for git: 0 (never a conflict).
 */
export async function runMergeDriver(baseFile: string, oursFile: string, theirsFile: string): Promise<number> {
  const read = async (f: string) => (fs.existsSync(f) ? fs.promises.readFile(f, 'utf8') : '');
  const merged = mergeEventLogs(await read(baseFile), await read(oursFile), await read(theirsFile));
  await fs.promises.writeFile(oursFile, merged);
  return 0;
}

export interface RenderedMergeOptions {
  /** The repository (Git runs the driver at its root). */
  readonly cwd: string;
  /** The driver's environment: `git merge` (and `git pull`) names the commit being merged in `GITHEAD_<commit>`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly render: RenderFn;
}

export type RenderedMergeOutcome = 'rendered' | 'kept-ours' | 'hand-edited';

/**
 * The merge driver for a rendered file such as `incidents/<id>/incident.md` (`pathInRepo`, %P):
 * merges the folder's events.jsonl of the merge base, ours (HEAD) and theirs like the events driver
 * does, and writes their rendering to `oursFile` (%A). A side whose file is not the rendering of its
 * own events holds an unreconciled hand edit: it is left as a conflict, never dropped. In a merge
 * that names neither its other commit nor a rebase step (a cherry-pick) ours is kept, as Git would.
 */
export async function runRenderedMergeDriver(oursFile: string, theirsFile: string, pathInRepo: string, options: RenderedMergeOptions): Promise<RenderedMergeOutcome> {
  const dir = path.posix.dirname(pathInRepo);
  const name = path.posix.basename(pathInRepo);
  const sides = isSafeRelativePath(dir) ? await otherSide(options) : undefined;
  if (sides === undefined) return 'kept-ours';
  const { base, theirs } = sides;
  const eventsAt = async (ref: string): Promise<string> => {
    const read = ref === '' ? undefined : await readBlobAtRef(options.cwd, ref, `${dir}/events.jsonl`);
    return read?.ok ? read.bytes.toString('utf8') : '';
  };
  const [baseEvents, oursEvents, theirsEvents] = await Promise.all([eventsAt(base), eventsAt('HEAD'), eventsAt(theirs)]);
  const renderOf = (events: string) => options.render(splitEventLines(events), dir)[name];
  const [oursText, theirsText] = await Promise.all([oursFile, theirsFile].map((file) => fs.promises.readFile(file, 'utf8')));
  if (oursText !== renderOf(oursEvents) || theirsText !== renderOf(theirsEvents)) return 'hand-edited';
  const merged = renderOf(mergeEventLogs(baseEvents, oursEvents, theirsEvents));
  if (merged === undefined) return 'kept-ours';
  await fs.promises.writeFile(oursFile, merged);
  return 'rendered';
}

/**
 * The commit being merged in and the merge base. `git merge` and `git pull` name the other commit
 * in `GITHEAD_<commit>`; a rebase (`git pull --rebase`) picks one commit at a time, the last line
 * of `rebase-merge/done`, onto HEAD, with that commit's parent as the base.
 */
async function otherSide(options: RenderedMergeOptions): Promise<{ base: string; theirs: string } | undefined> {
  const git = async (...args: string[]) => (await runGit(args, { cwd: options.cwd, allowFailure: true })).stdout.trim();
  const named = Object.keys(options.env).filter((key) => /^GITHEAD_[0-9a-f]{40,64}$/.test(key));
  if (named.length > 1) return undefined;
  if (named.length === 1) {
    const theirs = named[0]!.slice('GITHEAD_'.length);
    return { theirs, base: await git('merge-base', 'HEAD', theirs) };
  }
  const picked = await commitBeingRebased(options.cwd, await git('rev-parse', '--git-path', 'rebase-merge/done'));
  if (picked === undefined) return undefined;
  return { theirs: picked, base: await git('rev-parse', '--verify', '--quiet', `${picked}^`) };
}

/** The commit of the last step of a rebase's `done` list (`pick <commit> …`), when a rebase runs. */
async function commitBeingRebased(cwd: string, doneFile: string): Promise<string | undefined> {
  if (doneFile === '') return undefined;
  let done: string;
  try {
    done = await fs.promises.readFile(path.resolve(cwd, doneFile), 'utf8');
  } catch {
    return undefined;
  }
  const last = done.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#')).pop();
  return /^[a-z]+ ([0-9a-f]{40,64})(?:\s|$)/.exec(last ?? '')?.[1];
}

function assertFolder(incidentsDir: string): void {
  if (!isSafeRelativePath(incidentsDir)) throw new TypeError(`Invalid incidents folder ${JSON.stringify(incidentsDir)}`);
}
