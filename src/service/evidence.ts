// Evidence files: checking the source, hashing while copying (streamed, never read whole),
// and naming the stored copy with a safe name.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError, shown } from './errors';

export interface EvidenceSource {
  /** The file to read (the link target when the given path is a symbolic link). */
  readonly path: string;
  readonly size: number;
  /** The name as the responder gave it (basename), for the record. */
  readonly originalName: string;
  readonly warnings: readonly string[];
}

/**
 * Checks what the responder wants to attach: a regular file (a FIFO or device would hang or
 * never end). A symbolic link is followed, and the responder is told when it points outside `root`.
 */
export async function inspectEvidenceSource(file: string, cwd: string, root: string): Promise<EvidenceSource> {
  const given = path.resolve(cwd, file);
  // The name is kept for people; control characters (a newline in a file name) become U+FFFD.
  // eslint-disable-next-line no-control-regex
  const originalName = path.basename(given).replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  let link: fs.Stats;
  try {
    link = await fs.promises.lstat(given);
  } catch {
    throw new ServiceError(`cannot read evidence file ${shown(file)}: it does not exist`);
  }
  const warnings: string[] = [];
  let real = given;
  if (link.isSymbolicLink()) {
    try {
      real = await fs.promises.realpath(given);
    } catch {
      throw new ServiceError(`evidence file ${shown(file)} is a symbolic link to nothing`);
    }
    const relative = path.relative(await fs.promises.realpath(root), real);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      warnings.push(`${shown(file)} is a symbolic link to ${shown(real, 200)}, outside the repository: its content was copied`);
    }
  }
  const stat = await fs.promises.stat(real);
  if (!stat.isFile()) throw new ServiceError(`evidence ${shown(file)} is not a regular file`);
  return { path: real, size: stat.size, originalName, warnings };
}

export interface HashedFile {
  readonly sha256: string;
  readonly size: number;
}

/** Read size: one buffer of this size is reused for the whole file, so memory stays flat. */
const CHUNK = 1024 * 1024;

/** Reads `file` in order through one reused buffer, handing each filled part to `each`. */
async function eachChunk(file: string, each: (bytes: Buffer) => Promise<void> | void): Promise<void> {
  const buffer = Buffer.allocUnsafe(CHUNK);
  const handle = await fs.promises.open(file, 'r');
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) return;
      await each(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

/** Told the bytes read so far, after each chunk (for a progress bar). */
export type ReadProgress = (bytesRead: number) => void;

/** SHA-256 and size of a file, streamed. */
export async function hashFile(file: string, onProgress?: ReadProgress): Promise<HashedFile> {
  const hash = createHash('sha256');
  let size = 0;
  await eachChunk(file, (bytes) => {
    hash.update(bytes);
    size += bytes.length;
    onProgress?.(size);
  });
  return { sha256: hash.digest('hex'), size };
}

/**
 * Copies `source` to `target` (created, mode 0644, fsynced) while hashing it: one streamed read.
 * The target must not exist.
 */
export async function copyWithHash(source: string, target: string, onProgress?: ReadProgress): Promise<HashedFile> {
  const hash = createHash('sha256');
  let size = 0;
  const handle = await fs.promises.open(target, 'wx', 0o644);
  try {
    await eachChunk(source, async (bytes) => {
      hash.update(bytes);
      size += bytes.length;
      let written = 0;
      while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written)).bytesWritten;
      onProgress?.(size);
    });
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), size };
}
