// Facts about a repository (worktree root, its git dir, the shared git dir) and a cheap HEAD read
// straight from the ref files, so checking that a commit happened costs no extra process.
import fs from 'node:fs';
import path from 'node:path';
import { runGit } from './exec';

export interface RepoPaths {
  /** Absolute worktree root (`git rev-parse --show-toplevel`). */
  readonly root: string;
  /** This worktree's git dir (holds HEAD, index, index.lock). */
  readonly gitDir: string;
  /** The git dir shared by all worktrees (holds refs, objects, config). */
  readonly commonDir: string;
}

/** Resolves the repository containing `dir`; rejects with a GitError when there is none. */
export async function repoPaths(dir: string): Promise<RepoPaths> {
  const out = await runGit(['rev-parse', '--show-toplevel', '--git-dir', '--git-common-dir'], { cwd: dir });
  const [root, gitDir, commonDir] = out.stdout.split('\n');
  return {
    root: path.resolve(dir, root!),
    gitDir: path.resolve(dir, gitDir!),
    commonDir: path.resolve(dir, commonDir!),
  };
}

/** The commit HEAD points to, or null on an unborn branch. Reads ref files; falls back to git. */
export async function readHead(repo: RepoPaths): Promise<string | null> {
  try {
    const head = (await fs.promises.readFile(path.join(repo.gitDir, 'HEAD'), 'utf8')).trim();
    if (!head.startsWith('ref: ')) return /^[0-9a-f]{40,64}$/.test(head) ? head : null;
    const ref = head.slice(5);
    if (!/^refs\/[A-Za-z0-9._/-]+$/.test(ref)) return await headFromGit(repo);
    try {
      const value = (await fs.promises.readFile(path.join(repo.commonDir, ref), 'utf8')).trim();
      if (/^[0-9a-f]{40,64}$/.test(value)) return value;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return await headFromGit(repo);
  } catch {
    return await headFromGit(repo);
  }
}

async function headFromGit(repo: RepoPaths): Promise<string | null> {
  const out = await runGit(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { cwd: repo.root, allowFailure: true });
  return out.code === 0 ? out.stdout.trim() : null;
}
