// The runbook library: every runbook under the configured folders plus the built-in ones.
// Only front-matter is read to build the index (a full parse costs ~1.8 ms per 9 KB file and
// 10,000 runbooks must not be parsed at start), and of each file only its first bytes when they
// hold the whole front-matter; a runbook is fully parsed when opened. Both reads are cached by
// mtime + size, so a refresh re-reads only changed files.
import nodeFsCallbacks from 'node:fs';
import nodeFs from 'node:fs/promises';
import path from 'node:path';
import { readFrontMatter, readFrontMatterStart, type RunbookFormat } from './frontMatter';
import type { Diagnostic, Runbook, RunbookMeta } from './model';
import { parseRunbook } from './parse';

/** When a file last changed, as far as re-indexing cares. */
export interface Stamp {
  readonly mtimeMs: number;
  readonly size: number;
}

/** The few file-system calls the library makes (a fake in tests). */
export interface LibraryFs {
  readdir(dir: string): Promise<readonly { readonly name: string; isFile(): boolean; isDirectory(): boolean }[]>;
  /**
   * The file's stamp, and its bytes unless the stamp equals `known` (then the file is not read).
   * With `firstBytes`, at least that many bytes or the whole file, whichever is shorter, may be read.
   */
  readIfChanged(file: string, known?: Stamp, firstBytes?: number): Promise<{ readonly stamp: Stamp; readonly content?: Uint8Array }>;
}

export interface LibraryOptions {
  /** The repository root; folders and relative paths are resolved against it. */
  readonly root: string;
  /** Runbook folders from `.firebreak.yml`, relative to root (or absolute). */
  readonly folders: readonly string[];
  /** Where the built-in runbooks live (absolute), if any. */
  readonly builtinFolder?: string;
  readonly fs?: LibraryFs;
}

export interface LibraryEntry {
  readonly id: string;
  readonly title: string;
  /** Absolute path of the runbook file. */
  readonly file: string;
  /** Path relative to the root (posix separators), or to the built-in folder for built-ins. */
  readonly relativePath: string;
  readonly builtin: boolean;
  readonly format: RunbookFormat;
  readonly meta: RunbookMeta;
  /** How many diagnostics the front-matter alone gave (the full lint runs when opened). */
  readonly diagnostics: number;
}

/** A diagnostic about the library as a whole, with the file it points at. */
export interface LibraryDiagnostic extends Diagnostic {
  readonly file: string;
}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);
/** Files read at once while indexing: enough to overlap I/O, few enough to bound open files. */
const PARALLEL_READS = 32;
/** Bytes read first when indexing: the front-matter of nearly every runbook fits (the whole file is read otherwise). */
const FIRST_BYTES = 4096;

const defaultFs: LibraryFs = {
  readdir: (dir) => nodeFs.readdir(dir, { withFileTypes: true }),
  async readIfChanged(file, known, firstBytes) {
    if (firstBytes === undefined || known) {
      const stamp = stampOf(await nodeFs.stat(file));
      if (known && sameStamp(stamp, known)) return { stamp };
      if (firstBytes === undefined) return { stamp, content: await nodeFs.readFile(file) };
    }
    return readStart(file, firstBytes);
  },
};

/**
 * A file's stamp and first bytes: open, one fstat, one read, close. Callbacks on a plain
 * descriptor, one promise per file: a FileHandle and a promise per call (fs/promises) cost more
 * CPU than the reading itself.
 */
function readStart(file: string, firstBytes: number): Promise<{ stamp: Stamp; content: Uint8Array }> {
  return new Promise((resolve, reject) => {
    nodeFsCallbacks.open(file, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: Error | null, result?: { stamp: Stamp; content: Uint8Array }) =>
        nodeFsCallbacks.close(fd, () => (error ? reject(error) : resolve(result!)));
      nodeFsCallbacks.fstat(fd, (statError, stat) => {
        if (statError) return finish(statError);
        const buffer = Buffer.allocUnsafe(Math.min(stat.size, firstBytes));
        nodeFsCallbacks.read(fd, buffer, 0, buffer.length, 0, (readError, bytesRead) =>
          finish(readError, { stamp: stampOf(stat), content: buffer.subarray(0, bytesRead) }));
      });
    });
  });
}

export class RunbookLibrary {
  private readonly fs: LibraryFs;
  private entries = new Map<string, { entry: LibraryEntry; stamp: Stamp }>();
  private readonly parsed = new Map<string, { runbook: Runbook; stamp: Stamp }>();
  private refreshing: Promise<void> = Promise.resolve();
  private sorted: LibraryEntry[] | undefined;

  constructor(private readonly options: LibraryOptions) {
    this.fs = options.fs ?? defaultFs;
  }

  /** Re-indexes the folders; unchanged files (same mtime and size) are not read again. */
  refresh(): Promise<void> {
    // Serialised, so overlapping refreshes never interleave their updates.
    this.refreshing = this.refreshing.then(() => this.reindex(), () => this.reindex());
    return this.refreshing;
  }

  /** Every runbook, workspace ones first, each group sorted by path. */
  list(): LibraryEntry[] {
    this.sorted ??= [...this.entries.values()].map((e) => e.entry).sort((a, b) => Number(a.builtin) - Number(b.builtin) || compare(a.relativePath, b.relativePath));
    return [...this.sorted];
  }

  /** An error for every workspace runbook whose id another one already uses (built-ins may be overridden). */
  duplicates(): LibraryDiagnostic[] {
    const byId = new Map<string, LibraryEntry[]>();
    for (const entry of this.list()) byId.set(`${entry.builtin}:${entry.id}`, [...(byId.get(`${entry.builtin}:${entry.id}`) ?? []), entry]);
    const found: LibraryDiagnostic[] = [];
    for (const group of byId.values()) {
      for (const entry of group.slice(1)) {
        found.push({
          severity: 'error',
          code: 'runbook-duplicate-id',
          message: `The runbook id ${JSON.stringify(entry.id)} is also used by ${group[0]!.relativePath}; ids must be unique in the library.`,
          line: 1,
          file: entry.file,
        });
      }
    }
    return found;
  }

  /** A runbook by id (a workspace runbook wins over a built-in one) or by path (relative to the root, or absolute). */
  resolve(idOrPath: string): LibraryEntry | undefined {
    const list = this.list();
    const byId = list.find((e) => e.id === idOrPath);
    if (byId) return byId;
    const absolute = path.resolve(this.options.root, idOrPath);
    return list.find((e) => e.file === absolute);
  }

  /** The full parse of a runbook (cached until the file changes). A path outside the library may be loaded too. */
  async load(idOrPath: string): Promise<Runbook> {
    const entry = this.resolve(idOrPath);
    const file = entry?.file ?? (looksLikePath(idOrPath) ? path.resolve(this.options.root, idOrPath) : undefined);
    if (!file) throw new Error(`No runbook with the id ${JSON.stringify(idOrPath.slice(0, 80))} in the library.`);
    const cached = this.parsed.get(file);
    const { stamp, content } = await this.fs.readIfChanged(file, cached?.stamp);
    if (cached && content === undefined) return cached.runbook;
    const runbook = parseRunbook(content ?? new Uint8Array(), { file: entry?.relativePath ?? path.relative(this.options.root, file), builtin: entry?.builtin ?? this.isBuiltin(file) });
    this.parsed.set(file, { runbook, stamp });
    return runbook;
  }

  private isBuiltin(file: string): boolean {
    const folder = this.options.builtinFolder;
    return folder !== undefined && !path.relative(folder, file).startsWith('..');
  }

  private async reindex(): Promise<void> {
    const found: { file: string; relativePath: string; builtin: boolean }[] = [];
    for (const folder of this.options.folders) {
      for (const file of await this.markdownFilesUnder(path.resolve(this.options.root, folder))) {
        found.push({ file, relativePath: toPosix(path.relative(this.options.root, file)), builtin: false });
      }
    }
    if (this.options.builtinFolder) {
      for (const file of await this.markdownFilesUnder(this.options.builtinFolder)) {
        found.push({ file, relativePath: toPosix(path.relative(this.options.builtinFolder, file)), builtin: true });
      }
    }

    const next = new Map<string, { entry: LibraryEntry; stamp: Stamp }>();
    const unique = [...new Map(found.map((f) => [f.file, f])).values()];
    // A pool of readers, each taking the next file: no reader waits for the slowest of a batch.
    let taken = 0;
    const reader = async () => {
      while (taken < unique.length) {
        const item = unique[taken++]!;
        const indexed = await this.indexFile(item.file, item.relativePath, item.builtin);
        if (indexed) next.set(item.file, indexed);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, unique.length) }, reader));
    this.entries = next;
    this.sorted = undefined;
    for (const file of this.parsed.keys()) if (!next.has(file)) this.parsed.delete(file);
  }

  private async indexFile(file: string, relativePath: string, builtin: boolean) {
    const known = this.entries.get(file);
    let stamp: Stamp;
    let header;
    try {
      const start = await this.fs.readIfChanged(file, known?.entry.builtin === builtin ? known.stamp : undefined, FIRST_BYTES);
      if (start.content === undefined) return known;
      stamp = start.stamp;
      if (start.content.byteLength >= stamp.size) header = readFrontMatter(start.content, { file: relativePath });
      else header = readFrontMatterStart(start.content, { file: relativePath });
      if (!header) {
        // A long front-matter, or a title that comes from a heading: the whole file.
        const whole = await this.fs.readIfChanged(file);
        stamp = whole.stamp;
        header = readFrontMatter(whole.content ?? new Uint8Array(), { file: relativePath });
      }
    } catch {
      return undefined; // deleted or unreadable since the folder was listed
    }
    const entry: LibraryEntry = {
      id: header.meta.id, title: header.meta.title, file, relativePath, builtin, format: header.format, meta: header.meta, diagnostics: header.diagnostics.length,
    };
    return { entry, stamp };
  }

  /** Every *.md under a folder (none when it does not exist); symlinks are not followed. */
  private async markdownFilesUnder(folder: string): Promise<string[]> {
    const files: string[] = [];
    const pending = [folder];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let children;
      try {
        children = await this.fs.readdir(dir);
      } catch {
        continue;
      }
      for (const child of children) {
        if (child.isDirectory() && !SKIPPED_FOLDERS.has(child.name)) pending.push(path.join(dir, child.name));
        else if (child.isFile() && /\.md$/i.test(child.name)) files.push(path.join(dir, child.name));
      }
    }
    return files;
  }
}

function stampOf(stat: { mtimeMs: number; size: number }): Stamp {
  return { mtimeMs: stat.mtimeMs, size: stat.size };
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.mtimeMs === b.mtimeMs && a.size === b.size;
}

function looksLikePath(text: string): boolean {
  return /[\\/]/.test(text) || /\.md$/i.test(text);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
