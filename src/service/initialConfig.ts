// Writing the first `.firebreak.yml` (VS Code asks where incidents live once, then writes it):
// atomically and never over an existing file, and checking a chosen incidents repository.
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, type BranchMode } from '../core/config';
import { renderInitialConfig } from '../core/configTemplate';
import { runGit, writeFileIfAbsent } from '../git';

/**
 * Writes `<root>/.firebreak.yml` for `mode` unless one exists (checked at the moment of writing,
 * never replaced). False when one existed.
 */
export async function writeInitialConfig(root: string, mode: BranchMode): Promise<boolean> {
  return writeFileIfAbsent(path.join(root, CONFIG_FILE), renderInitialConfig(mode));
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
