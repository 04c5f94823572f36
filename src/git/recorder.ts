// The recorder: one durable write + one commit per action, touching only that incident's files,
// serialised per repository (in-process chain + lock file), never losing an action.
import fs from 'node:fs';
import path from 'node:path';
import { runGit, GitError, DEFAULT_GIT_TIMEOUT_MS, type GitResult } from './exec';
import { acquireFileLock, enqueue } from './lock';
import { buildCommitMessage, type CommitSubject, type CommitTrailers } from './commitMessage';
import { copyFileDurable, fsyncDir, TEMP_PREFIX, writeFileDurable } from './durable';
import { isSafeName, isSafeRelativePath } from './names';
import { readHead, repoPaths, type RepoPaths } from './repo';
import { eventIdOf, splitEventLines } from './eventLines';

/** Renders the files of an incident folder (e.g. `{ 'incident.md': … }`) from all its event lines. */
export type RenderFn = (allEventLines: readonly string[], incidentDir: string) => Record<string, string>;

export interface AddFile {
  /** Path inside the incident folder, safe-name segments only, e.g. `evidence/mail.eml` or `runbook.md`. */
  readonly path: string;
  /** Copy this file (streamed). */
  readonly source?: string;
  /** Or write these bytes. Neither: the file is already in place and is only committed. */
  readonly bytes?: Uint8Array | string;
}

export interface RecordRequest {
  /** The incident folder relative to the recorder's root, e.g. `incidents/20261128-k7f3qa`. */
  readonly incidentDir: string;
  /** JSONL lines to append to `events.jsonl` (no newline inside a line). */
  readonly appendEvents: readonly string[];
  readonly render: RenderFn;
  readonly addFiles?: readonly AddFile[];
  readonly subject: CommitSubject;
  readonly trailers: CommitTrailers;
}

export interface RecordResult {
  /** The new commit, or null when the action is durable on disk but not committed yet (see `pending`). */
  readonly commit: string | null;
  /** True when the commit failed (hook, timeout, …): the action is on disk, flagged and retried. */
  readonly pending: boolean;
  /** Why the commit is pending. */
  readonly problem?: string;
  /** True when commit batching is on and the action waits (durable on disk) for the batch commit. */
  readonly batched?: boolean;
}

export interface RecoverResult {
  /** Commits made for incident folders that held uncommitted actions. */
  readonly commits: readonly string[];
  /** Incident folders whose only uncommitted change is a hand edit of a rendered file: reconcile them. */
  readonly handEdited: readonly string[];
  /** Files left uncommitted because no event refers to them (a crash before the event was written). */
  readonly orphans: readonly string[];
}

export interface RecorderOptions {
  /** Any directory inside the repository (or worktree) where incidents are committed. */
  readonly root: string;
  /** Timeout of one `git commit`, hooks included. Default 30 s. */
  readonly commitTimeoutMs?: number;
  /** How long to wait for the per-repository lock. Default 60 s. */
  readonly lockTimeoutMs?: number;
  /** An `index.lock` older than this is considered left by a crashed git and removed. Default 60 s. */
  readonly staleIndexLockMs?: number;
  /** First retry delay of a pending action; doubles up to 5 min. Default 5 s. 0 disables timed retries. */
  readonly retryPendingMs?: number;
  /**
   * Commit batching (`.firebreak.yml` commit-batch): 0 (default) commits each action; otherwise
   * actions are acknowledged once durable and committed together at most this many ms later.
   */
  readonly batchMs?: number;
  /** Called after every commit (e.g. to schedule a debounced push). */
  readonly onCommitted?: (commit: string) => void;
  /** Called when an action stays on disk uncommitted. */
  readonly onPending?: (incidentDir: string, problem: string) => void;
}

export class GitIdentityError extends Error {
  constructor() {
    super('No Git identity is configured: run `git config user.name "Your Name"` and `git config user.email you@example.com` (Firebreak records every action with your Git identity).');
    this.name = 'GitIdentityError';
  }
}

const EVENTS_FILE = 'events.jsonl';
const COMMIT_CONFIG = ['-c', 'maintenance.auto=false', '-c', 'gc.auto=0'];
const MAX_INDEX_LOCK_RETRIES = 12;

interface PendingAction {
  readonly subject: CommitSubject;
  readonly events: readonly string[];
  readonly paths: readonly string[];
}

export class Recorder {
  private repo: Promise<RepoPaths> | undefined;
  private identityChecked = false;
  /** Repository-relative paths known to be tracked (no `git add` needed). */
  private readonly tracked = new Set<string>();
  private readonly pendingByDir = new Map<string, { actions: PendingAction[]; problem: string; delay: number; timer?: NodeJS.Timeout }>();

  constructor(private readonly options: RecorderOptions) {}

  /** Resolved repository paths (worktree root, git dirs). */
  async paths(): Promise<RepoPaths> {
    // The promise is kept (not the value) so a burst of first calls spawns git once.
    this.repo ??= repoPaths(this.options.root);
    this.repo.catch(() => (this.repo = undefined));
    return this.repo;
  }

  /** Incident folders with actions on disk that are not committed yet, and why. */
  pending(): ReadonlyMap<string, string> {
    return new Map([...this.pendingByDir].map(([dir, p]) => [dir, p.problem]));
  }

  /** Runs `task` holding this repository's queue and lock (used by sync and the other writers). */
  async exclusive<T>(task: (repo: RepoPaths) => Promise<T>): Promise<T> {
    const repo = await this.paths();
    return enqueue(repo.gitDir, async () => {
      const release = await acquireFileLock(path.join(repo.gitDir, 'firebreak', 'record.lock'), this.options.lockTimeoutMs ?? 60_000);
      try {
        return await task(repo);
      } finally {
        release();
      }
    });
  }

  /**
   * Appends the events, rewrites the rendered files, adds the given files, and commits exactly
   * those paths. Resolves once the action is durable; `commit` is null (and `pending` true)
   * when git could not commit it, in which case it is retried later and by `recover()`.
   * Rejects (writing nothing) on invalid input or a missing Git identity.
   */
  async record(request: RecordRequest): Promise<RecordResult> {
    const dir = normaliseIncidentDir(request.incidentDir);
    const message = buildCommitMessage(request.subject, request.trailers);
    for (const line of request.appendEvents) {
      if (line.length === 0 || /[\n\r]/.test(line)) throw new TypeError('An event line must be non-empty and hold no line break');
    }
    for (const file of request.addFiles ?? []) assertInsideIncident(file.path);
    return this.exclusive(async (repo) => {
      await this.checkIdentity(repo);
      if (this.pendingByDir.get(dir)?.problem !== 'batched') await this.retryPendingLocked(repo, dir);
      const absDir = path.join(repo.root, dir);
      await fs.promises.mkdir(absDir, { recursive: true });
      const written: string[] = [];
      const created: string[] = [];
      const note = (rel: string, existed: boolean) => {
        const repoRel = `${dir}/${rel}`;
        written.push(repoRel);
        if (!existed) created.push(repoRel);
      };
      for (const file of request.addFiles ?? []) {
        const target = path.join(absDir, file.path);
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        const existed = fs.existsSync(target);
        if (file.source != null) await copyFileDurable(file.source, target);
        else if (file.bytes != null) await writeFileDurable(target, file.bytes);
        else await syncExisting(target);
        note(file.path, existed && file.source == null && file.bytes == null);
        if (path.dirname(target) !== absDir) await fsyncDir(path.dirname(target));
      }
      const eventsPath = path.join(absDir, EVENTS_FILE);
      const previous = await readIfExists(eventsPath);
      const lines = [...splitEventLines(previous ?? ''), ...request.appendEvents];
      if (request.appendEvents.length > 0 || previous == null) {
        await writeFileDurable(eventsPath, lines.map((l) => `${l}\n`).join(''));
        note(EVENTS_FILE, previous != null);
      }
      const rendered = request.render(lines, dir);
      for (const [name, content] of Object.entries(rendered)) {
        assertInsideIncident(name);
        if (name === EVENTS_FILE) throw new TypeError('render() must not return events.jsonl');
        const target = path.join(absDir, name);
        const before = await readIfExists(target);
        if (before === content) continue;
        await writeFileDurable(target, content);
        note(name, before != null);
      }
      await fsyncDir(absDir);
      const action: PendingAction = { subject: request.subject, events: request.trailers.events, paths: written };
      if ((this.options.batchMs ?? 0) > 0) return this.addToBatch(dir, action);
      return this.commitLocked(repo, dir, [action], message, created);
    });
  }

  /**
   * Commits what a crash (or a failed hook) left in incident folders under `incidentsDir`:
   * deletes temporary files, re-renders with `render` when given, and commits each incident
   * whose events changed as `<id>: recorder: recovered`.
   */
  async recover(incidentsDir: string, render?: RenderFn): Promise<RecoverResult> {
    assertSafeRelative(incidentsDir, 'incidents folder');
    return this.exclusive(async (repo) => {
      await this.checkIdentity(repo);
      const absIncidents = path.join(repo.root, incidentsDir);
      removeTempFiles(absIncidents);
      const status = await runGit(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', incidentsDir], { cwd: repo.root });
      const groups = new Map<string, { paths: string[]; untracked: string[] }>();
      const entries = status.stdout.split('\0').filter((e) => e.length > 3);
      for (const entry of entries) {
        const code = entry.slice(0, 2);
        const file = entry.slice(3);
        const rest = file.slice(incidentsDir.length + 1);
        const id = rest.split('/')[0]!;
        if (!isSafeName(id) || !rest.includes('/')) continue;
        const key = `${incidentsDir}/${id}`;
        const group = groups.get(key) ?? { paths: [], untracked: [] };
        group.paths.push(file);
        if (code === '??') group.untracked.push(file);
        groups.set(key, group);
      }
      const commits: string[] = [];
      const handEdited: string[] = [];
      const orphans: string[] = [];
      for (const [dir, group] of groups) {
        const eventsRel = `${dir}/${EVENTS_FILE}`;
        if (!group.paths.includes(eventsRel)) {
          const evidence = group.paths.filter((p) => p.startsWith(`${dir}/evidence/`));
          if (evidence.length > 0) orphans.push(...evidence);
          else handEdited.push(dir);
          continue;
        }
        const absDir = path.join(repo.root, dir);
        const text = (await readIfExists(path.join(absDir, EVENTS_FILE))) ?? '';
        const lines = splitEventLines(text);
        if (render) {
          for (const [name, content] of Object.entries(render(lines, dir))) {
            assertInsideIncident(name);
            const target = path.join(absDir, name);
            const before = await readIfExists(target);
            if (before === content) continue;
            await writeFileDurable(target, content);
            const rel = `${dir}/${name}`;
            if (!group.paths.includes(rel)) group.paths.push(rel);
            if (before == null) group.untracked.push(rel);
          }
          await fsyncDir(absDir);
        }
        const committed = await showAtHead(repo, eventsRel);
        const known = new Set(splitEventLines(committed ?? '').map(eventIdOf));
        const events = lines.map(eventIdOf).filter((id): id is string => id != null && !known.has(id));
        const incidentId = dir.split('/').pop()!;
        const action: PendingAction = { subject: { incidentId, stage: 'recorder', action: 'recovered' }, events, paths: group.paths };
        this.clearPending(dir);
        const result = await this.commitLocked(repo, dir, [action], recoveredMessage(incidentId, events), group.untracked);
        if (result.commit) commits.push(result.commit);
      }
      return { commits, handEdited, orphans };
    });
  }

  /**
   * Writes `files` (repository-relative path → content) durably and commits exactly them, e.g.
   * `.gitattributes` or a re-render, as `<subject>`. Resolves like `record()`.
   */
  async commitFiles(files: Readonly<Record<string, string>>, subject: CommitSubject, trailers: CommitTrailers = { events: [] }): Promise<RecordResult> {
    const message = buildCommitMessage(subject, trailers);
    const names = Object.keys(files);
    for (const name of names) if (name !== '.gitattributes') assertSafeRelative(name, 'file');
    return this.exclusive(async (repo) => {
      await this.checkIdentity(repo);
      const created: string[] = [];
      for (const name of names) {
        const target = path.join(repo.root, name);
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        if (!fs.existsSync(target)) created.push(name);
        await writeFileDurable(target, files[name]!);
        await fsyncDir(path.dirname(target));
      }
      return this.commitLocked(repo, names[0]?.split('/').slice(0, -1).join('/') || '.', [{ subject, events: trailers.events, paths: names }], message, created);
    });
  }

  /** Commits every batched or pending action now (call before exiting when batching is on). */
  async flush(): Promise<void> {
    for (const dir of [...this.pendingByDir.keys()]) await this.retryPending(dir);
  }

  private addToBatch(dir: string, action: PendingAction): RecordResult {
    const entry = this.pendingByDir.get(dir) ?? { actions: [], problem: 'batched', delay: 0 };
    entry.actions.push(action);
    if (entry.timer == null) {
      entry.timer = setTimeout(() => void this.retryPending(dir), this.options.batchMs);
      entry.timer.unref();
    }
    this.pendingByDir.set(dir, entry);
    return { commit: null, pending: false, batched: true };
  }

  /** Stops timed retries (call on shutdown; pending actions stay on disk for `recover()`). */
  dispose(): void {
    for (const pending of this.pendingByDir.values()) clearTimeout(pending.timer);
  }

  private async checkIdentity(repo: RepoPaths): Promise<void> {
    if (this.identityChecked) return;
    const out = await runGit(['var', 'GIT_AUTHOR_IDENT'], { cwd: repo.root, allowFailure: true });
    if (out.code !== 0) throw new GitIdentityError();
    this.identityChecked = true;
  }

  /** Commits `paths` (adding `created` first) with retries on `index.lock`; flags the action pending on failure. */
  private async commitLocked(repo: RepoPaths, dir: string, actions: PendingAction[], message: string, created: readonly string[]): Promise<RecordResult> {
    const paths = [...new Set(actions.flatMap((a) => a.paths))];
    if (paths.length === 0) return { commit: await readHead(repo), pending: false };
    try {
      const toAdd = created.filter((p) => !this.tracked.has(p));
      if (toAdd.length > 0) await this.gitWithLockRetry(repo, ['add', '--', ...toAdd]);
      const before = await readHead(repo);
      let out = await this.gitWithLockRetry(repo, [...COMMIT_CONFIG, 'commit', '-q', '--only', '-m', message, '--', ...paths], true);
      if (out.code !== 0 && /did not match any file\(s\) known to git/.test(out.stderr)) {
        await this.gitWithLockRetry(repo, ['add', '--', ...paths]);
        out = await this.gitWithLockRetry(repo, [...COMMIT_CONFIG, 'commit', '-q', '--only', '-m', message, '--', ...paths], true);
      }
      if (out.code !== 0) {
        if (/tell me who you are|empty ident|unable to auto-detect email/i.test(out.stderr)) throw new GitIdentityError();
        const reason = out.timedOut ? `git commit timed out (a slow hook?)` : `git commit failed: ${lastLines(out.stderr)}`;
        if (out.timedOut) removeIndexLockOfKilledGit(repo);
        return this.flagPending(dir, actions, reason);
      }
      const after = await readHead(repo);
      if (after == null || after === before) return this.flagPending(dir, actions, 'git reported success but HEAD did not move');
      for (const p of paths) this.tracked.add(p);
      this.options.onCommitted?.(after);
      return { commit: after, pending: false };
    } catch (error) {
      if (error instanceof GitIdentityError) throw error;
      return this.flagPending(dir, actions, error instanceof Error ? error.message : String(error));
    }
  }

  /** Runs git, retrying with backoff while another program holds `index.lock`; breaks a stale one. */
  private async gitWithLockRetry(repo: RepoPaths, args: string[], allowFailure = false): Promise<GitResult> {
    let delay = 5;
    for (let attempt = 0; ; attempt++) {
      const out = await runGit(args, { cwd: repo.root, allowFailure: true, timeoutMs: this.options.commitTimeoutMs ?? DEFAULT_GIT_TIMEOUT_MS });
      const locked = out.code !== 0 && /index\.lock/.test(out.stderr);
      if (!locked || attempt >= MAX_INDEX_LOCK_RETRIES) {
        if (out.code !== 0 && !allowFailure) throw new GitError(`git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''} failed: ${lastLines(out.stderr)}`, args, out.code, out.stderr, out.timedOut);
        return out;
      }
      removeStaleIndexLock(repo, this.options.staleIndexLockMs ?? 60_000);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 1_000);
    }
  }

  private flagPending(dir: string, actions: PendingAction[], problem: string): RecordResult {
    const existing = this.pendingByDir.get(dir);
    const entry = existing ?? { actions: [], problem, delay: this.options.retryPendingMs ?? 5_000 };
    if (existing) clearTimeout(existing.timer);
    entry.actions = [...new Map([...entry.actions, ...actions].map((a) => [a.events.join(',') + a.paths.join(','), a])).values()];
    entry.problem = problem;
    if (entry.delay > 0) {
      entry.timer = setTimeout(() => void this.retryPending(dir), entry.delay);
      entry.timer.unref();
      entry.delay = Math.min(entry.delay * 2, 300_000);
    }
    this.pendingByDir.set(dir, entry);
    this.options.onPending?.(dir, problem);
    return { commit: null, pending: true, problem };
  }

  private clearPending(dir: string): void {
    clearTimeout(this.pendingByDir.get(dir)?.timer);
    this.pendingByDir.delete(dir);
  }

  /** Retries the pending actions of `dir` now; resolves with the commit or null. */
  async retryPending(dir: string): Promise<string | null> {
    return this.exclusive((repo) => this.retryPendingLocked(repo, dir));
  }

  private async retryPendingLocked(repo: RepoPaths, dir: string): Promise<string | null> {
    const pending = this.pendingByDir.get(dir);
    if (!pending) return null;
    clearTimeout(pending.timer);
    this.pendingByDir.delete(dir);
    const incidentId = dir.split('/').pop()!;
    const only = pending.actions.length === 1 ? pending.actions[0]! : undefined;
    const events = pending.actions.flatMap((a) => a.events);
    const last = pending.actions[pending.actions.length - 1]!;
    const message = only
      ? buildCommitMessage(only.subject, { events: only.events })
      : pending.problem === 'batched'
        ? buildCommitMessage({ incidentId, stage: last.subject.stage, action: 'batch' }, { events })
        : recoveredMessage(incidentId, events);
    const created = pending.actions.flatMap((a) => a.paths).filter((p) => !this.tracked.has(p));
    const result = await this.commitLocked(repo, dir, pending.actions, message, created);
    return result.commit;
  }
}

function recoveredMessage(incidentId: string, events: readonly string[]): string {
  return buildCommitMessage({ incidentId, stage: 'recorder', action: 'recovered' }, { events });
}

function normaliseIncidentDir(dir: string): string {
  const normal = dir.replace(/\\/g, '/').replace(/\/+$/, '');
  assertSafeRelative(normal, 'incident folder');
  return normal;
}

function assertSafeRelative(value: string, what: string): void {
  if (!isSafeRelativePath(value)) throw new TypeError(`Invalid ${what} ${JSON.stringify(value.slice(0, 120))}: every path segment must match [a-z0-9][a-z0-9._-]*`);
}

function assertInsideIncident(relative: string): void {
  assertSafeRelative(relative, 'file name in the incident folder');
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function syncExisting(file: string): Promise<void> {
  const stat = await fs.promises.lstat(file);
  if (!stat.isFile()) throw new TypeError(`Not a regular file: ${path.basename(file)}`);
  if (stat.mode & 0o111) await fs.promises.chmod(file, 0o644);
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function showAtHead(repo: RepoPaths, rel: string): Promise<string | null> {
  const out = await runGit(['cat-file', 'blob', `HEAD:${rel}`], { cwd: repo.root, allowFailure: true });
  return out.code === 0 ? out.stdout : null;
}

function removeTempFiles(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.startsWith(TEMP_PREFIX)) fs.rmSync(path.join(entry.parentPath ?? dir, entry.name), { force: true });
  }
}

function removeStaleIndexLock(repo: RepoPaths, staleMs: number): void {
  const lock = path.join(repo.gitDir, 'index.lock');
  try {
    if (Date.now() - fs.statSync(lock).mtimeMs > staleMs) fs.rmSync(lock, { force: true });
  } catch {
    // No lock (any more).
  }
}

/** We killed our own git (timeout) while holding the Firebreak lock: its index.lock is ours to remove. */
function removeIndexLockOfKilledGit(repo: RepoPaths): void {
  fs.rmSync(path.join(repo.gitDir, 'index.lock'), { force: true });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' / ').slice(0, 500);
}
