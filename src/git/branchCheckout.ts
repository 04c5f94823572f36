// A branch for work outside the incident record (a proposed runbook change): found where it is
// checked out, checked out in the user's checkout only when that is clean, else in a managed
// worktree, and one path committed on it. Branch names are validated; paths follow `--`.
import path from 'node:path';
import { runGit } from './exec';
import { ensureWorktree } from './location';
import { isSafeBranch } from './names';
import { repoPaths } from './repo';

export interface BranchCheckout {
  /** The worktree where the branch is checked out. */
  readonly root: string;
  /** True when it is a worktree Firebreak manages (the user's checkout was dirty or elsewhere). */
  readonly managedWorktree: boolean;
  /** True when this call created the branch. */
  readonly created: boolean;
}

/** The worktree (the user's checkout or another one) where `branch` is checked out, if any. */
export async function worktreeOfBranch(repoDir: string, branch: string): Promise<string | undefined> {
  assertBranch(branch);
  const out = await runGit(['worktree', 'list', '--porcelain'], { cwd: repoDir });
  let current: string | undefined;
  for (const line of out.stdout.split('\n')) {
    if (line.startsWith('worktree ')) current = line.slice('worktree '.length);
    else if (line === `branch refs/heads/${branch}` && current !== undefined) return path.resolve(current);
  }
  return undefined;
}

/** True when tracked files differ from HEAD (staged or not); untracked files do not count. */
export async function hasUncommittedChanges(root: string): Promise<boolean> {
  const out = await runGit(['status', '--porcelain', '--untracked-files=no'], { cwd: root });
  return out.stdout.trim() !== '';
}

/**
 * Checks `branch` out where the user can edit it: where it already is; in the user's checkout when
 * that is clean; otherwise in a managed worktree, so their checkout and files are never touched.
 * A new branch starts from the user's HEAD.
 */
export async function checkOutBranch(repoDir: string, branch: string, remote = 'origin'): Promise<BranchCheckout> {
  assertBranch(branch);
  const repo = await repoPaths(repoDir);
  const exists = (await runGit(['show-ref', '--verify', '--quiet', `refs/heads/${branch}`], { cwd: repo.root, allowFailure: true })).code === 0;
  const where = await worktreeOfBranch(repo.root, branch);
  if (where !== undefined) return { root: where, managedWorktree: where !== repo.root, created: false };
  if (!(await hasUncommittedChanges(repo.root))) {
    await runGit(exists ? ['checkout', '-q', branch, '--'] : ['checkout', '-q', '-b', branch], { cwd: repo.root });
    return { root: repo.root, managedWorktree: false, created: !exists };
  }
  return { root: await ensureWorktree(repo, branch, 'head', remote), managedWorktree: true, created: !exists };
}

/**
 * Commits exactly `file` (relative to `root`, added when new) with `message`; whatever else is staged
 * stays staged and uncommitted. Returns the commit, or null when the file has no change to commit.
 */
export async function commitOneFile(root: string, file: string, message: string): Promise<string | null> {
  await runGit(['add', '--', file], { cwd: root });
  const changed = await runGit(['diff', '--cached', '--quiet', 'HEAD', '--', file], { cwd: root, allowFailure: true });
  if (changed.code === 0) return null;
  await runGit(['commit', '-q', '--only', '-F', '-', '--', file], { cwd: root, input: message });
  return (await runGit(['rev-parse', 'HEAD'], { cwd: root })).stdout.trim();
}

function assertBranch(branch: string): void {
  if (!isSafeBranch(branch)) throw new TypeError(`Invalid branch name ${JSON.stringify(branch)}`);
}
