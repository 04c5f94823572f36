// Which Git repositories a window's workspace folders are in: one per repository (two folders of
// the same repository share it, a folder outside any repository has none), found on disk without
// running git, so that Restricted Mode and activation stay git-free.
import fs from 'node:fs';
import { findRepositoryRoot } from './repoOnDisk';

export interface WorkspaceFolderPath {
  readonly name: string;
  readonly path: string;
}

export interface WorkspaceRepository {
  readonly root: string;
  /** The folder name the UI shows: the folder that is the repository's root, else its first folder. */
  readonly name: string;
  /** The workspace folders inside it, in workspace order. */
  readonly folders: readonly string[];
}

/** The repositories of `folders`, in the order of their first folder; names made unique. */
export function workspaceRepositories(folders: readonly WorkspaceFolderPath[]): WorkspaceRepository[] {
  const byRoot = new Map<string, { root: string; name: string; named: boolean; folders: string[] }>();
  for (const folder of folders) {
    const root = findRepositoryRoot(folder.path);
    if (root === undefined) continue;
    // One repository reached through two paths (a symlink) is still one repository.
    const key = realPath(root);
    const isRoot = realPath(folder.path) === key;
    const known = byRoot.get(key);
    if (!known) {
      byRoot.set(key, { root, name: folder.name, named: isRoot, folders: [folder.path] });
      continue;
    }
    known.folders.push(folder.path);
    if (isRoot && !known.named) Object.assign(known, { name: folder.name, named: true });
  }
  const repositories = [...byRoot.values()];
  const taken = new Map<string, number>();
  for (const r of repositories) taken.set(r.name, (taken.get(r.name) ?? 0) + 1);
  return repositories.map((r) => ({ root: r.root, name: (taken.get(r.name) ?? 0) > 1 ? `${r.name} (${r.root})` : r.name, folders: r.folders }));
}

function realPath(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return folder;
  }
}
