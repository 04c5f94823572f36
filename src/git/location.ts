// Where incidents live (PRODUCT.md §3): the current branch, a dedicated branch or one branch per
// incident — each in its own worktree under the git dir, so the user's checkout is never switched —
// or another repository on disk.
import fs from 'node:fs';
import path from 'node:path';
import { runGit } from './exec';
import { isSafeBranch, isSafeName, isSafeRemoteName } from './names';
import { repoPaths, type RepoPaths } from './repo';
import type { BranchMode } from '../core/config';

export interface IncidentsLocation {
  /** The worktree where incident files are written and committed (give it to `new Recorder({ root })`). */
  readonly root: string;
  /** The incidents folder inside `root`, e.g. `incidents`. */
  readonly incidentsDir: string;
  /** The branch commits go to (null on a detached HEAD in current mode). */
  readonly branch: string | null;
  /** True when `root` is a worktree Firebreak manages (not the user's checkout). */
  readonly managedWorktree: boolean;
}

/**
 * Resolves (and creates when needed) where the incidents of `repoDir` live. Per-incident mode
 * needs the incident id. Rejects with a clear message on an unusable setting.
 */
export async function resolveIncidentsLocation(repoDir: string, mode: BranchMode, incidentsDir: string, incidentId?: string, remote = 'origin'): Promise<IncidentsLocation> {
  const repo = await repoPaths(repoDir);
  switch (mode.kind) {
    case 'current':
      return { root: repo.root, incidentsDir, branch: await currentBranch(repo.root), managedWorktree: false };
    case 'dedicated':
      return { root: await ensureWorktree(repo, mode.branch, 'orphan', remote), incidentsDir, branch: mode.branch, managedWorktree: true };
    case 'per-incident': {
      if (incidentId == null || !isSafeName(incidentId)) throw new TypeError('Per-incident branches need a valid incident id');
      const branch = `${mode.prefix}/${incidentId}`;
      return { root: await ensureWorktree(repo, branch, 'head', remote), incidentsDir, branch, managedWorktree: true };
    }
    case 'repository': {
      const other = path.resolve(repo.root, mode.path);
      let otherRepo: RepoPaths;
      try {
        otherRepo = await repoPaths(other);
      } catch {
        throw new Error(`The incidents repository ${other} (branch.path in .firebreak.yml) is not a Git repository`);
      }
      return { root: otherRepo.root, incidentsDir, branch: await currentBranch(otherRepo.root), managedWorktree: false };
    }
  }
}

/** The folder of the managed worktree of `branch`: `<git dir>/firebreak/worktrees/<branch>`. */
export function worktreePath(repo: RepoPaths, branch: string): string {
  return path.join(repo.commonDir, 'firebreak', 'worktrees', ...branch.split('/'));
}

/**
 * Makes sure `branch` is checked out in its managed worktree and returns the folder. A new
 * branch starts from the remote's branch when there is one, else from an empty root commit
 * (`orphan`) or from HEAD (`head`).
 */
export async function ensureWorktree(repo: RepoPaths, branch: string, start: 'orphan' | 'head', remote = 'origin'): Promise<string> {
  if (!isSafeBranch(branch)) throw new TypeError(`Invalid branch name ${JSON.stringify(branch)}`);
  if (!isSafeRemoteName(remote)) throw new TypeError(`Invalid remote name ${JSON.stringify(remote)}`);
  const dir = worktreePath(repo, branch);
  if (fs.existsSync(path.join(dir, '.git'))) return dir;
  await runGit(['worktree', 'prune'], { cwd: repo.root });
  const git = (args: string[]) => runGit(args, { cwd: repo.root });
  const exists = (ref: string) => runGit(['show-ref', '--verify', '--quiet', ref], { cwd: repo.root, allowFailure: true }).then((r) => r.code === 0);
  if (!(await exists(`refs/heads/${branch}`))) {
    let startPoint: string;
    if (await exists(`refs/remotes/${remote}/${branch}`)) startPoint = `refs/remotes/${remote}/${branch}`;
    else if (start === 'head' && (await runGit(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { cwd: repo.root, allowFailure: true })).code === 0) startPoint = 'HEAD';
    else {
      const emptyTree = (await runGit(['mktree'], { cwd: repo.root, input: '' })).stdout.trim();
      startPoint = (await git(['commit-tree', emptyTree, '-m', 'firebreak: setup: incidents branch'])).stdout.trim();
    }
    await git(['branch', '--no-track', branch, startPoint]);
  }
  await fs.promises.mkdir(path.dirname(dir), { recursive: true });
  await git(['worktree', 'add', '-q', dir, branch]);
  return dir;
}

async function currentBranch(root: string): Promise<string | null> {
  const out = await runGit(['symbolic-ref', '-q', '--short', 'HEAD'], { cwd: root, allowFailure: true });
  return out.code === 0 ? out.stdout.trim() : null;
}
