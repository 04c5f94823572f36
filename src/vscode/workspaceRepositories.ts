// Which workspace folders are inside a Git repository, found on disk without running git
// (in Restricted Mode no git command may run, since a repository's config can execute code).
import fs from 'node:fs';
import path from 'node:path';

/** The nearest folder at or above `folder` that holds `.git` (a directory or a worktree file). */
export function findRepositoryRoot(folder: string): string | undefined {
  let current = path.resolve(folder);
  for (;;) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
