// The built-in runbook folder of this install, and whether a file is one of its runbooks. Built-in
// runbooks keep their `{{placeholders}}` on purpose: only a team's own copy is warned about them.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The built-in runbook folder: `dist/cli.js` → `../runbooks`; when run from source
 * (`src/cli/*.ts` under tsx) it is two levels up.
 */
export function builtinRunbooksDir(): string | undefined {
  const candidates = [path.resolve(__dirname, '..', 'runbooks'), path.resolve(__dirname, '..', '..', 'runbooks')];
  return candidates.find((dir) => fs.existsSync(dir) && fs.statSync(dir).isDirectory());
}

/**
 * A test for "is this file a built-in runbook", comparing real paths, so a symlink to the install's
 * folder counts and a copy elsewhere does not.
 */
export function builtinRunbookTest(): (absolutePath: string) => boolean {
  const dir = builtinRunbooksDir();
  if (dir === undefined) return () => false;
  const realDir = fs.realpathSync.native(dir);
  return (absolutePath) => {
    let real: string;
    try {
      real = fs.realpathSync.native(absolutePath);
    } catch {
      return false; // unreadable: reported as such by the reader
    }
    const relative = path.relative(realDir, real);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  };
}
