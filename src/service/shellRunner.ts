// Runs one command through `/bin/sh -c` in its own process group, streaming its output (stdout and
// stderr, in arrival order) to a file while hashing it: the output is never held whole in memory.
// An abort signal stops the whole group: SIGTERM, then SIGKILL after a grace period.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export interface ShellRunRequest {
  readonly command: string;
  readonly cwd: string;
  /** The complete environment of the command (nothing else is inherited). */
  readonly env: Readonly<Record<string, string>>;
  /** Created (must not exist), mode 0644. */
  readonly outputFile: string;
  readonly signal?: AbortSignal;
  /** Each chunk of output as it arrives (e.g. for a terminal). */
  readonly onOutput?: (chunk: Buffer) => void;
  /** Between SIGTERM and SIGKILL on cancel; default 3 s. */
  readonly killGraceMs?: number;
}

export interface ShellRunResult {
  readonly exitCode: number | null;
  readonly signal?: string;
  /** True when the abort signal fired before the command ended by itself. */
  readonly cancelled: boolean;
  readonly durationMs: number;
  readonly sha256: string;
  readonly size: number;
}

/** After the shell exits, how long to wait for children that still hold its output open. */
const DRAIN_AFTER_EXIT_MS = 2000;

export async function runShellCommand(request: ShellRunRequest): Promise<ShellRunResult> {
  const out = await fs.promises.open(request.outputFile, 'wx', 0o644);
  const hash = createHash('sha256');
  let size = 0;
  // Writes are chained so the file holds the chunks in arrival order; the streams pause while a write is pending.
  let writing: Promise<unknown> = Promise.resolve();
  const started = Date.now();
  try {
    const child = spawn('/bin/sh', ['-c', request.command], {
      cwd: request.cwd, env: { ...request.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let cancelled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const killGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const onAbort = () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      cancelled = true;
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), request.killGraceMs ?? 3000);
    };
    const onData = (stream: NodeJS.ReadableStream) => (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
      request.onOutput?.(chunk);
      stream.pause();
      writing = writing.then(() => out.write(chunk)).finally(() => stream.resume());
    };
    child.stdout.on('data', onData(child.stdout));
    child.stderr.on('data', onData(child.stderr));

    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
      let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
      let drainTimer: NodeJS.Timeout | undefined;
      child.once('error', reject);
      child.once('exit', (code, signal) => {
        exited = { code, signal };
        // A background child may keep the pipes open: stop reading after a while.
        drainTimer = setTimeout(() => {
          child.stdout.destroy();
          child.stderr.destroy();
          resolve(exited!);
        }, DRAIN_AFTER_EXIT_MS);
      });
      child.once('close', (code, signal) => {
        if (drainTimer) clearTimeout(drainTimer);
        resolve(exited ?? { code, signal });
      });
      if (request.signal?.aborted) onAbort();
      else request.signal?.addEventListener('abort', onAbort, { once: true });
    });
    request.signal?.removeEventListener('abort', onAbort);
    if (killTimer) clearTimeout(killTimer);
    await writing;
    await out.sync();
    return {
      exitCode: ended.code, ...(ended.signal !== null ? { signal: ended.signal } : {}), cancelled,
      durationMs: Date.now() - started, sha256: hash.digest('hex'), size,
    };
  } finally {
    await out.close();
  }
}

/** Inherited from the caller's environment; everything else (tokens, keys, proxies…) is left out. */
const INHERITED = ['PATH', 'HOME', 'USER', 'LOGNAME', 'LANG', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'TZ', 'TMPDIR'];

/** A minimal safe environment from `base`, plus the command's own variables (which win). */
export function commandProcessEnv(base: Readonly<Record<string, string | undefined>>, variables: readonly { name: string; value: string }[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = base[name];
    if (value !== undefined) env[name] = value;
  }
  env.PATH ??= '/usr/local/bin:/usr/bin:/bin';
  for (const { name, value } of variables) env[name] = value;
  return env;
}
