// Runs git non-interactively with execFile: no prompt (credentials, editor, SSH passphrase) can
// hang the recording queue, stdin is closed, and every call has a timeout.
import { execFile } from 'node:child_process';

export interface GitRunOptions {
  /** Working directory (a worktree root or a git dir). */
  readonly cwd: string;
  /** Kill git after this many milliseconds (hooks included). Default 30 s. */
  readonly timeoutMs?: number;
  /** Bytes written to git's stdin, which is closed afterwards (closed at once when absent). */
  readonly input?: string | Uint8Array;
  /** Extra environment variables (e.g. GIT_INDEX_FILE). */
  readonly env?: Readonly<Record<string, string>>;
  /** Resolve instead of rejecting when git exits non-zero. */
  readonly allowFailure?: boolean;
  /** Return stdout as raw bytes (blobs). */
  readonly binary?: boolean;
}

export interface GitResult {
  readonly stdout: string;
  readonly stdoutBytes: Buffer;
  readonly stderr: string;
  /** Exit code; -1 when git was killed (timeout). */
  readonly code: number;
  readonly timedOut: boolean;
}

export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly code: number,
    readonly stderr: string,
    readonly timedOut: boolean,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export const DEFAULT_GIT_TIMEOUT_MS = 30_000;

/** Options placed before every subcommand: never open an editor or a pager. */
const NON_INTERACTIVE_CONFIG = ['-c', 'core.editor=true', '-c', 'core.pager=cat', '-c', 'credential.interactive=never'];

/** The environment git runs with: the caller's, minus every way of asking a human. */
export function nonInteractiveEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Variables a parent git sets for hooks would redirect us to another repository.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX']) delete env[name];
  Object.assign(env, {
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: 'true',
    SSH_ASKPASS: 'true',
    SSH_ASKPASS_REQUIRE: 'never',
    GCM_INTERACTIVE: 'never',
    GIT_EDITOR: 'true',
    GIT_SEQUENCE_EDITOR: 'true',
    GIT_MERGE_AUTOEDIT: 'no',
    GIT_PAGER: 'cat',
    LC_ALL: 'C',
    GIT_SSH_COMMAND: env.GIT_SSH_COMMAND ?? 'ssh -o BatchMode=yes',
  });
  return Object.assign(env, extra);
}

/** Reasons git may not run in this process now (each holder of a refusal adds one). */
let refusals: { readonly reason: string }[] = [];
let refusedCount = 0;

/**
 * Refuses every git spawn in this process until the returned function is called: Restricted Mode,
 * where a repository's own Git config (hooks, fsmonitor, filters) could run code.
 */
export function refuseGitSpawns(reason: string): () => void {
  const holder = { reason };
  refusals = [...refusals, holder];
  return () => {
    refusals = refusals.filter((h) => h !== holder);
  };
}

/** How many git spawns were refused since the process started (tests prove Restricted Mode runs no git). */
export function refusedGitSpawns(): number {
  return refusedCount;
}

/** Runs `git <args>`; rejects with a GitError on a non-zero exit unless `allowFailure`. */
export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  const refusal = refusals[0];
  if (refusal !== undefined) {
    refusedCount++;
    return Promise.reject(new GitError(`git ${args[0] ?? ''} refused: ${refusal.reason}`, args, -1, '', false));
  }
  const fullArgs = [...NON_INTERACTIVE_CONFIG, ...args];
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      fullArgs,
      {
        cwd: options.cwd,
        env: nonInteractiveEnv(options.env),
        timeout: options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'buffer',
        windowsHide: true,
      },
      (error, stdoutBytes, stderrBytes) => {
        const stderr = stderrBytes.toString('utf8');
        const killed = error != null && (error as NodeJS.ErrnoException & { killed?: boolean }).killed === true;
        const rawCode = error == null ? 0 : (error as { code?: unknown }).code;
        const code = typeof rawCode === 'number' ? rawCode : error == null ? 0 : -1;
        const result: GitResult = {
          stdout: options.binary ? '' : stdoutBytes.toString('utf8'),
          stdoutBytes,
          stderr,
          code,
          timedOut: killed,
        };
        if (error == null || options.allowFailure) {
          resolve(result);
          return;
        }
        const what = killed ? `timed out after ${options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS} ms` : `failed (exit ${code})`;
        const detail = stderr.trim().split('\n').slice(-5).join('\n');
        reject(new GitError(`git ${args[0] ?? ''} ${what}${detail ? `: ${detail}` : ''}`, args, code, stderr, killed));
      },
    );
    child.stdin?.on('error', () => undefined);
    if (options.input != null) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}
