// Sync: fetch, integrate (incident files merged by event union and re-rendered), push only the
// incidents' branch. Integration builds the merge commit with plumbing (merge-tree + a private
// index), then fast-forwards the checkout: nothing is rebased or stashed, and the user's other
// uncommitted changes are kept (git refuses, and sync reports it, if they would be overwritten).
import path from 'node:path';
import fs from 'node:fs';
import { runGit } from './exec';
import { mergeEventLogs } from './mergeEvents';
import { isSafeBranch, isSafeRelativePath, isSafeRemoteName } from './names';
import { splitEventLines } from './eventLines';
import { buildCommitMessage } from './commitMessage';
import type { Recorder, RenderFn } from './recorder';
import type { RepoPaths } from './repo';

export interface SyncOptions {
  /** Remote name; default `origin`. */
  readonly remote?: string;
  /** The incidents' branch; default the branch checked out in the recorder's worktree. */
  readonly branch?: string;
  /** The incidents folder, e.g. `incidents`. */
  readonly incidentsDir: string;
  readonly render: RenderFn;
  /** Push after integrating (default true). */
  readonly push?: boolean;
}

export type SyncState = 'up-to-date' | 'pushed' | 'fast-forwarded' | 'merged' | 'no-remote' | 'offline' | 'blocked';

export interface SyncResult {
  readonly state: SyncState;
  /** The branch head after sync. */
  readonly head: string | null;
  /** Incident folders whose files were merged. */
  readonly mergedIncidents: readonly string[];
  /** Why sync could not complete (offline, conflict outside incident files, local changes in the way). */
  readonly problem?: string;
}

const FETCH_TIMEOUT_MS = 60_000;

/** Fetches, integrates and pushes the incidents' branch; never throws for offline or blocked states. */
export async function syncIncidents(recorder: Recorder, options: SyncOptions): Promise<SyncResult> {
  const remote = options.remote ?? 'origin';
  if (!isSafeRemoteName(remote)) throw new TypeError(`Invalid remote name ${JSON.stringify(remote)}`);
  if (!isSafeRelativePath(options.incidentsDir)) throw new TypeError(`Invalid incidents folder ${JSON.stringify(options.incidentsDir)}`);
  const repo = await recorder.paths();
  const branch = options.branch ?? (await currentBranch(repo));
  if (!branch || !isSafeBranch(branch)) return { state: 'blocked', head: null, mergedIncidents: [], problem: `Cannot sync: the branch ${JSON.stringify(branch)} is not one Firebreak syncs` };
  const remotes = (await runGit(['remote'], { cwd: repo.root })).stdout.split('\n');
  if (!remotes.includes(remote)) return { state: 'no-remote', head: await rev(repo, 'HEAD'), mergedIncidents: [] };
  let merged: string[] = [];
  let state: SyncState = 'up-to-date';
  const tracking = `refs/remotes/${remote}/${branch}`;
  for (let attempt = 0; attempt < 4; attempt++) {
    // Network calls run outside the recording lock, so a slow remote never delays an action.
    const fetch = await runGit(['fetch', '-q', '--no-tags', remote, `+refs/heads/${branch}:${tracking}`], { cwd: repo.root, allowFailure: true, timeoutMs: FETCH_TIMEOUT_MS });
    const remoteMissing = fetch.code !== 0 && /couldn't find remote ref/i.test(fetch.stderr);
    if (fetch.code !== 0 && !remoteMissing) return { state: 'offline', head: await rev(repo, 'HEAD'), mergedIncidents: merged, problem: firstLine(fetch.stderr) };
    const theirs = remoteMissing ? null : await rev(repo, tracking);
    const step = await recorder.exclusive(async (): Promise<Integration & { head?: string | null }> => {
      const local = await rev(repo, 'HEAD');
      if (theirs == null || theirs === local) return { state: 'up-to-date', mergedIncidents: [], head: local };
      const integrated = await integrate(repo, local, theirs, options);
      return { ...integrated, head: await rev(repo, 'HEAD') };
    });
    if ('problem' in step) return { state: 'blocked', head: step.head ?? null, mergedIncidents: merged, problem: step.problem };
    merged = [...new Set([...merged, ...step.mergedIncidents])];
    if (step.state !== 'up-to-date') state = step.state;
    const head = step.head ?? null;
    if (options.push === false || head == null || head === theirs) return { state, head, mergedIncidents: merged };
    const push = await runGit(['push', '-q', '--no-verify', remote, `${head}:refs/heads/${branch}`], { cwd: repo.root, allowFailure: true, timeoutMs: FETCH_TIMEOUT_MS });
    if (push.code === 0) {
      await runGit(['update-ref', tracking, head], { cwd: repo.root, allowFailure: true });
      return { state: state === 'up-to-date' ? 'pushed' : state, head, mergedIncidents: merged };
    }
    if (!/rejected|non-fast-forward|fetch first/i.test(push.stderr)) return { state: 'offline', head, mergedIncidents: merged, problem: firstLine(push.stderr) };
    // Someone pushed in between: fetch and integrate again.
  }
  return { state: 'blocked', head: await rev(repo, 'HEAD'), mergedIncidents: merged, problem: 'The remote kept moving; try again' };
}

type Integration = { state: SyncState; mergedIncidents: string[] } | { problem: string };

async function integrate(repo: RepoPaths, local: string | null, theirs: string, options: SyncOptions): Promise<Integration> {
  if (local == null || (await isAncestor(repo, local, theirs))) {
    return (await fastForward(repo, theirs)) ?? { state: 'fast-forwarded', mergedIncidents: [] };
  }
  if (await isAncestor(repo, theirs, local)) return { state: 'up-to-date', mergedIncidents: [] };
  const base = (await runGit(['merge-base', local, theirs], { cwd: repo.root, allowFailure: true })).stdout.trim() || null;
  const mergeTree = await runGit(['-c', 'core.fsmonitor=false', 'merge-tree', '--write-tree', '--no-messages', '--name-only', '-z', local, theirs], { cwd: repo.root, allowFailure: true });
  if (mergeTree.code !== 0 && mergeTree.code !== 1) return { problem: `git merge-tree failed: ${firstLine(mergeTree.stderr)}` };
  const [tree, ...conflicted] = mergeTree.stdout.split('\0').filter(Boolean);
  const prefix = `${options.incidentsDir}/`;
  const outside = conflicted.filter((p) => !p.startsWith(prefix));
  if (outside.length > 0) return { problem: `Conflicts outside the incident records (${outside.slice(0, 3).join(', ')}): merge them yourself` };
  const changed = (await runGit(['diff', '--name-only', '-z', local, theirs, '--', options.incidentsDir], { cwd: repo.root })).stdout.split('\0').filter(Boolean);
  const incidents = [...new Set(changed.map((p) => p.split('/').slice(0, options.incidentsDir.split('/').length + 1).join('/')))].filter((d) => d.startsWith(prefix)).sort();
  const indexFile = path.join(repo.gitDir, 'firebreak', `sync-index-${process.pid}`);
  await fs.promises.mkdir(path.dirname(indexFile), { recursive: true });
  const env = { GIT_INDEX_FILE: indexFile };
  try {
    await runGit(['read-tree', tree!], { cwd: repo.root, env });
    const mergedIncidents: string[] = [];
    for (const dir of incidents) {
      const eventsPath = `${dir}/events.jsonl`;
      const [b, o, t] = await Promise.all([base, local, theirs].map((c) => (c ? blobText(repo, c, eventsPath) : Promise.resolve(''))));
      const text = mergeEventLogs(b!, o!, t!);
      const files: Record<string, string> = { 'events.jsonl': text, ...options.render(splitEventLines(text), dir) };
      for (const [name, content] of Object.entries(files)) {
        const oid = (await runGit(['hash-object', '-w', '--stdin'], { cwd: repo.root, input: content })).stdout.trim();
        await runGit(['update-index', '--add', '--cacheinfo', `100644,${oid},${dir}/${name}`], { cwd: repo.root, env });
      }
      mergedIncidents.push(dir);
    }
    const unresolved = (await runGit(['ls-files', '-u', '-z'], { cwd: repo.root, env })).stdout;
    if (unresolved !== '') return { problem: 'Conflicting evidence files in the incident records: resolve them yourself' };
    const mergedTree = (await runGit(['write-tree'], { cwd: repo.root, env })).stdout.trim();
    const message = buildCommitMessage({ incidentId: 'firebreak', stage: 'sync', action: 'merge' }, { events: [] }).replace(/^Incident: firebreak\n/m, '');
    const commit = (await runGit(['commit-tree', mergedTree, '-p', local, '-p', theirs, '-m', message], { cwd: repo.root })).stdout.trim();
    return (await fastForward(repo, commit)) ?? { state: 'merged', mergedIncidents };
  } finally {
    await fs.promises.rm(indexFile, { force: true });
  }
}

/** Moves the checked-out branch to `commit` (a descendant): only changed files are touched; refuses to overwrite local changes. */
async function fastForward(repo: RepoPaths, commit: string): Promise<{ problem: string } | undefined> {
  const out = await runGit(['-c', 'core.fsmonitor=false', 'merge', '--ff-only', '-q', '--no-verify', commit], { cwd: repo.root, allowFailure: true });
  return out.code === 0 ? undefined : { problem: `Cannot update the checkout: ${firstLine(out.stderr)}` };
}

async function blobText(repo: RepoPaths, commit: string, file: string): Promise<string> {
  const out = await runGit(['cat-file', 'blob', `${commit}:${file}`], { cwd: repo.root, allowFailure: true });
  return out.code === 0 ? out.stdout : '';
}

async function isAncestor(repo: RepoPaths, a: string, b: string): Promise<boolean> {
  return (await runGit(['merge-base', '--is-ancestor', a, b], { cwd: repo.root, allowFailure: true })).code === 0;
}

async function rev(repo: RepoPaths, ref: string): Promise<string | null> {
  const out = await runGit(['rev-parse', '-q', '--verify', `${ref}^{commit}`], { cwd: repo.root, allowFailure: true });
  return out.code === 0 ? out.stdout.trim() : null;
}

async function currentBranch(repo: RepoPaths): Promise<string | null> {
  const out = await runGit(['symbolic-ref', '-q', '--short', 'HEAD'], { cwd: repo.root, allowFailure: true });
  return out.code === 0 ? out.stdout.trim() : null;
}

function firstLine(text: string): string {
  return text.trim().split('\n').filter(Boolean).slice(-1)[0]?.slice(0, 300) ?? 'unknown error';
}
