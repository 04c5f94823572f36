// Atomic, durable file writes: temp file + fsync + rename + directory fsync. After a crash a
// file is either the old or the new version, never torn, and an acknowledged write survives.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Temporary files start with this prefix; `recover()` deletes leftovers. */
export const TEMP_PREFIX = '.firebreak-tmp-';

function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `${TEMP_PREFIX}${path.basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** A complete, synced temporary file beside `target` holding `data` (mode 0644); its path. */
async function writeTempFor(target: string, data: string | Uint8Array): Promise<string> {
  const temp = tempPathFor(target);
  const handle = await fs.promises.open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return temp;
}

/** Writes `data` to `target` atomically and durably, mode 0644 (never executable). Does not fsync the directory. */
export async function writeFileDurable(target: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeTempFor(target, data);
  try {
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/** File systems without hard links: an exclusive copy still never replaces a file. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Like writeFileDurable, but only when nothing is at `target`, checked at the moment of writing: a
 * hard link of the complete temporary file fails rather than replaces. False when something was there.
 */
export async function writeFileIfAbsent(target: string, data: string | Uint8Array): Promise<boolean> {
  const temp = await writeTempFor(target, data);
  try {
    try {
      await fs.promises.link(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (!NO_HARD_LINKS.has(code)) throw error;
      await fs.promises.copyFile(temp, target, fs.constants.COPYFILE_EXCL);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
}

/** Copies `source` to `target` atomically and durably (streamed, mode 0644). */
export async function copyFileDurable(source: string, target: string): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await fs.promises.copyFile(source, temp, fs.constants.COPYFILE_EXCL);
    await fs.promises.chmod(temp, 0o644);
    const handle = await fs.promises.open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/** Makes renames inside `dir` durable (no-op where directories cannot be opened, e.g. Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}
