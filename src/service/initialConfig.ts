// Writing the first `.firebreak.yml` (VS Code asks where incidents live once, then writes it):
// atomically and never over an existing file, and checking a chosen incidents repository.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, type BranchMode } from '../core/config';
import { renderInitialConfig } from '../core/configTemplate';
import { runGit } from '../git';

/**
 * Writes `<root>/.firebreak.yml` for `mode` unless one exists (checked at the moment of writing: a
 * hard link of a complete temporary file, which fails rather than replaces). False when one existed.
 */
export async function writeInitialConfig(root: string, mode: BranchMode): Promise<boolean> {
  const target = path.join(root, CONFIG_FILE);
  const temporary = path.join(root, `${CONFIG_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.promises.writeFile(temporary, renderInitialConfig(mode), { flag: 'wx' });
  try {
    await fs.promises.link(temporary, target);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    // File systems without hard links: an exclusive copy still never replaces a file.
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errorCode(error) ?? '')) throw error;
    try {
      await fs.promises.copyFile(temporary, target, fs.constants.COPYFILE_EXCL);
      return true;
    } catch (copyError) {
      if (errorCode(copyError) === 'EEXIST') return false;
      throw copyError;
    }
  } finally {
    await fs.promises.rm(temporary, { force: true });
  }
}

/**
 * The `repository` mode for a folder the user picked: it must be the top of another Git
 * repository. The path is kept relative to `root` (shareable with the team) unless it is on
 * another drive. Throws a message for the user otherwise.
 */
export async function repositoryModeFor(root: string, folder: string): Promise<BranchMode> {
  const out = await runGit(['rev-parse', '--show-toplevel'], { cwd: folder, allowFailure: true });
  if (out.code !== 0) throw new Error(`${folder} is not a Git repository: pick the repository where incidents should be recorded (or run git init there first)`);
  const other = await fs.promises.realpath(out.stdout.trim());
  if (other === await fs.promises.realpath(root)) throw new Error('That is this repository: pick another one, or choose "Current branch"');
  const relative = path.relative(await fs.promises.realpath(root), other);
  const shown = path.isAbsolute(relative) ? other : relative.split(path.sep).join('/');
  // `.firebreak.yml` refuses a path starting with '-' (it could read as an option).
  return { kind: 'repository', path: shown.startsWith('-') ? `./${shown}` : shown };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
