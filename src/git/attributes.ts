// `.gitattributes` for incident records (PRODUCT.md §3), written once per repository, and the
// merge driver that makes plain `git merge`/`git pull` merge events.jsonl like sync does.
import fs from 'node:fs';
import path from 'node:path';
import { runGit } from './exec';
import { writeFileDurable } from './durable';
import { mergeEventLogs } from './mergeEvents';
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
 * over `.gitattributes`): events.jsonl → `<driverCommand> %O %A %B %P` (see `runMergeDriver`);
 * the rendered incident.md → keep ours (sync re-renders it from the merged events).
 * `driverCommand` is a shell command prefix, e.g. `node '/path/dist/cli.js' merge-driver`.
 */
export async function installMergeDriver(repo: RepoPaths, driverCommand: string, incidentsDir: string): Promise<void> {
  assertFolder(incidentsDir);
  const set = (key: string, value: string) => runGit(['config', '--local', '--', key, value], { cwd: repo.root });
  await set(`merge.${EVENTS_DRIVER}.name`, 'Firebreak: union of incident events, sorted by (at, id)');
  await set(`merge.${EVENTS_DRIVER}.driver`, `${driverCommand} %O %A %B %P`);
  await set(`merge.${RENDERED_DRIVER}.name`, 'Firebreak: keep the rendered record; it is re-rendered from the events');
  await set(`merge.${RENDERED_DRIVER}.driver`, 'true');
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

function assertFolder(incidentsDir: string): void {
  if (!isSafeRelativePath(incidentsDir)) throw new TypeError(`Invalid incidents folder ${JSON.stringify(incidentsDir)}`);
}
