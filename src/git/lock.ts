// The per-repository queue: an in-process promise chain plus a lock file in the git dir, so two
// windows or two processes never interleave their write + stage + commit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** ISO time the lock was taken. */
  readonly time: string;
}

/** A lock older than this on another host (whose pids we cannot check) is considered stale. */
const FOREIGN_STALE_MS = 10 * 60_000;

const chains = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task queued under the same key in this process. */
export function enqueue<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = chains.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => undefined);
  chains.set(key, tail);
  void tail.then(() => {
    if (chains.get(key) === tail) chains.delete(key);
  });
  return run;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the owner recorded in a lock file can no longer hold it. */
export function isStaleOwner(owner: LockOwner | null, now = Date.now()): boolean {
  if (owner == null) return true;
  if (owner.hostname === os.hostname()) return !isAlive(owner.pid);
  const taken = Date.parse(owner.time);
  return !Number.isFinite(taken) || now - taken > FOREIGN_STALE_MS;
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string' && typeof parsed.time === 'string') {
      return { pid: parsed.pid, hostname: parsed.hostname, time: parsed.time };
    }
    return null;
  } catch {
    return null;
  }
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock file (exclusive create), waiting with backoff while a live owner holds it and
 * breaking it when its owner is gone. A file that exists but is still being written (no owner
 * readable yet) is given a short grace period before being judged stale.
 */
export async function acquireFileLock(file: string, timeoutMs: number): Promise<() => void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const started = Date.now();
  let delay = 1;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      const owner: LockOwner = { pid: process.pid, hostname: os.hostname(), time: new Date().toISOString() };
      fs.writeSync(fd, JSON.stringify(owner));
      fs.closeSync(fd);
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    const unreadableForLong = owner == null && fileAgeMs(file) > 2_000;
    if ((owner != null && isStaleOwner(owner)) || unreadableForLong) {
      breakStaleLock(file, owner);
      continue;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for the Firebreak lock ${file} (held by ${owner ? `pid ${owner.pid} on ${owner.hostname}` : 'an unknown process'})`);
    }
    await wait(delay);
    delay = Math.min(delay * 2, 25);
  }
}

function fileAgeMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Removes a stale lock only if it still holds the owner judged stale (another process may have replaced it). */
function breakStaleLock(file: string, owner: LockOwner | null): void {
  const aside = `${file}.stale-${process.pid}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return;
  }
  const moved = readOwner(aside);
  const same = JSON.stringify(moved) === JSON.stringify(owner);
  if (same || moved == null || isStaleOwner(moved)) {
    fs.rmSync(aside, { force: true });
    return;
  }
  // We moved a fresh lock taken in between: put it back if nobody took the name since.
  try {
    fs.linkSync(aside, file);
  } catch {
    // The name was taken again; the fresh owner will find its file gone only on release (rmSync force).
  }
  fs.rmSync(aside, { force: true });
}
