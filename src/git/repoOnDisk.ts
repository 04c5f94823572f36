// A repository's paths read from the files on disk, without running git: all that Restricted Mode
// may do (a downloaded repository's Git config can run code as soon as git starts).
import fs from 'node:fs';
import path from 'node:path';
import type { RepoPaths } from './repo';

/** The nearest folder at or above `folder` that holds `.git` (a directory or a worktree's file). */
export function findRepositoryRoot(folder: string): string | undefined {
  let current = path.resolve(folder);
  for (;;) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Worktree root, git dir and common dir of the repository containing `folder`, from `.git` and `commondir` files. */
export function repoPathsOnDisk(folder: string): RepoPaths | undefined {
  const root = findRepositoryRoot(folder);
  if (root === undefined) return undefined;
  const dotGit = path.join(root, '.git');
  let gitDir = dotGit;
  try {
    if (fs.statSync(dotGit).isFile()) {
      const match = /^gitdir: (.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'));
      if (!match) return undefined;
      gitDir = path.resolve(root, match[1]!.trim());
    }
  } catch {
    return undefined;
  }
  let commonDir = gitDir;
  try {
    commonDir = path.resolve(gitDir, fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    // No commondir file: this is the main worktree's git dir.
  }
  return { root, gitDir, commonDir };
}
