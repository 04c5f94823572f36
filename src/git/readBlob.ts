// Safe reads for verify: the bytes of a file at a ref, through `git cat-file` only (no checkout,
// so no hook, filter or fsmonitor runs), refusing symlinks and anything but a regular file.
import { runGit } from './exec';

export type BlobRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly problem: 'missing' | 'symlink' | 'not-a-file' | 'too-large' | 'invalid' };

const SAFE_READ = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null'];

/**
 * Reads `path` (repository-relative, `/`-separated) at `ref` (a commit-ish that does not start
 * with `-`). Never throws for a missing file, a symlink, a submodule or a tree: says which.
 */
export async function readBlobAtRef(repo: string, ref: string, path: string, maxBytes = 64 * 1024 * 1024): Promise<BlobRead> {
  if (ref.startsWith('-') || /[\s:\0]/.test(ref) || !/^[\x21-\x7e]+$/.test(path) || path.startsWith('-') || path.split('/').some((s) => s === '..' || s === '')) {
    return { ok: false, problem: 'invalid' };
  }
  const tree = await runGit([...SAFE_READ, 'ls-tree', '-z', '-l', `${ref}`, '--', path], { cwd: repo, allowFailure: true });
  if (tree.code !== 0 || tree.stdout === '') return { ok: false, problem: 'missing' };
  const entry = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t/.exec(tree.stdout);
  if (!entry) return { ok: false, problem: 'missing' };
  const [, mode, type, oid, size] = entry;
  if (mode === '120000') return { ok: false, problem: 'symlink' };
  if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) return { ok: false, problem: 'not-a-file' };
  if (Number(size) > maxBytes) return { ok: false, problem: 'too-large' };
  const blob = await runGit([...SAFE_READ, 'cat-file', 'blob', oid!], { cwd: repo, binary: true });
  return { ok: true, bytes: blob.stdoutBytes };
}
