// The runbook library: every runbook under the configured folders plus the built-in ones.
// Only front-matter is read to build the index (a full parse costs ~1.8 ms per 9 KB file and
// 10,000 runbooks must not be parsed at start), and of each file only its first bytes when they
// hold the whole front-matter; a runbook is fully parsed when opened. Both reads are cached by
// mtime + size, so a refresh re-reads only changed files.
import nodeFs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFrontMatter, readFrontMatterStart, type RunbookFormat } from './frontMatter';
import type { Diagnostic, Runbook } from './model';
import { parseRunbook } from './parse';

/** When a file last changed, as far as re-indexing cares. */
export interface Stamp {
  readonly mtimeMs: number;
  readonly size: number;
}

/**
 * The few file-system calls the library makes (a fake in tests). Synchronous: on this scale a
 * sync read costs about half an async one (no thread-pool round trips); the library yields to the
 * event loop between short slices of them.
 */
export interface LibraryFs {
  readdir(dir: string): readonly { readonly name: string; isFile(): boolean; isDirectory(): boolean }[];
  /**
   * The file's stamp, and its bytes unless the stamp equals `known` (then the file is not read).
   * With `firstBytes`, at least that many bytes or the whole file, whichever is shorter, may be
   * read, into a buffer the next call may reuse.
   */
  readIfChanged(file: string, known?: Stamp, firstBytes?: number): { readonly stamp: Stamp; readonly content?: Uint8Array };
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

/** What the index keeps of a runbook: little, since 10,000 of them stay in memory. */
export interface LibraryEntry {
  readonly id: string;
  readonly title: string;
  /** Absolute path of the runbook file. */
  readonly file: string;
  /** Path relative to the root (posix separators), or to the built-in folder for built-ins. */
  readonly relativePath: string;
  readonly builtin: boolean;
  readonly format: RunbookFormat;
  /** The front-matter's default severity for new incidents, if any. */
  readonly severity?: string;
  /** How many diagnostics the front-matter alone gave (the full lint runs when opened). */
  readonly diagnostics: number;
}

/** A diagnostic about the library as a whole, with the file it points at. */
export interface LibraryDiagnostic extends Diagnostic {
  readonly file: string;
}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);
/** Bytes read first when indexing: the front-matter of nearly every runbook fits (the whole file is read otherwise). */
const FIRST_BYTES = 4096;
/** Longest run of synchronous reads before the index yields to the event loop (an editor stays responsive). */
const SLICE_MS = 8;

/** The first bytes of each file go here: one buffer for the whole index, no allocation per file. */
const firstBytesBuffer = Buffer.allocUnsafe(FIRST_BYTES);

const defaultFs: LibraryFs = {
  readdir: (dir) => nodeFs.readdirSync(dir, { withFileTypes: true }),
  readIfChanged(file, known, firstBytes) {
    if (firstBytes === undefined || known) {
      const stamp = stampOf(nodeFs.statSync(file));
      if (known && sameStamp(stamp, known)) return { stamp };
      if (firstBytes === undefined) return { stamp, content: nodeFs.readFileSync(file) };
    }
    return readStart(file, firstBytes);
  },
};

/** A file's stamp and first bytes (up to FIRST_BYTES): open, one fstat, one read, close. */
function readStart(file: string, firstBytes: number): { stamp: Stamp; content: Uint8Array } {
  const fd = nodeFs.openSync(file, 'r');
  try {
    const stamp = stampOf(nodeFs.fstatSync(fd));
    const buffer = firstBytes <= firstBytesBuffer.length ? firstBytesBuffer : Buffer.allocUnsafe(firstBytes);
    const bytesRead = nodeFs.readSync(fd, buffer, 0, Math.min(stamp.size, firstBytes), 0);
    return { stamp, content: buffer.subarray(0, bytesRead) };
  } finally {
    nodeFs.closeSync(fd);
  }
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
    const { stamp, content } = this.fs.readIfChanged(file, cached?.stamp);
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
    const next = new Map<string, { entry: LibraryEntry; stamp: Stamp }>();
    // The built-in folder first: a file also under a workspace folder counts as built-in.
    const builtinFolder = this.options.builtinFolder === undefined ? undefined : path.resolve(this.options.builtinFolder);
    const folders = builtinFolder ? [{ folder: builtinFolder, relativeTo: builtinFolder, builtin: true }] : [];
    for (const folder of this.options.folders) folders.push({ folder: path.resolve(this.options.root, folder), relativeTo: this.options.root, builtin: false });
    let sliceStart = performance.now();
    for (const { folder, relativeTo, builtin } of folders) {
      const folderPath = toPosix(path.relative(relativeTo, folder));
      for (const file of this.markdownFilesUnder(folder)) {
        if (next.has(file.absolute)) continue; // already indexed from a folder listed earlier
        const indexed = this.indexFile(file.absolute, folderPath === '' ? file.relative : `${folderPath}/${file.relative}`, builtin);
        if (indexed) next.set(file.absolute, indexed);
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    }
    this.entries = next;
    this.sorted = undefined;
    for (const file of this.parsed.keys()) if (!next.has(file)) this.parsed.delete(file);
  }

  private indexFile(file: string, relativePath: string, builtin: boolean): { entry: LibraryEntry; stamp: Stamp } | undefined {
    const known = this.entries.get(file);
    let stamp: Stamp;
    let header;
    try {
      const start = this.fs.readIfChanged(file, known?.entry.builtin === builtin ? known.stamp : undefined, FIRST_BYTES);
      if (start.content === undefined) return known;
      stamp = start.stamp;
      if (start.content.byteLength >= stamp.size) header = readFrontMatter(start.content, { file: relativePath });
      else header = readFrontMatterStart(start.content, { file: relativePath });
      if (!header) {
        // A long front-matter, or a title that comes from a heading: the whole file.
        const whole = this.fs.readIfChanged(file);
        stamp = whole.stamp;
        header = readFrontMatter(whole.content ?? new Uint8Array(), { file: relativePath });
      }
    } catch {
      return undefined; // deleted or unreadable since the folder was listed
    }
    const { meta } = header;
    // Copies, so the entry does not keep the front-matter text its strings were cut from alive.
    const entry: { -readonly [K in keyof LibraryEntry]: LibraryEntry[K] } = {
      id: detached(meta.id), title: detached(meta.title), file, relativePath, builtin, format: header.format, diagnostics: header.diagnostics.length,
    };
    if (meta.severity !== undefined) entry.severity = detached(meta.severity);
    return { entry, stamp };
  }

  /** Every *.md under a folder (none when it does not exist), with its path relative to the folder (posix); symlinks are not followed. */
  private *markdownFilesUnder(folder: string): Generator<{ absolute: string; relative: string }> {
    const pending = [{ dir: folder, relative: '' }];
    while (pending.length > 0) {
      const { dir, relative } = pending.pop()!;
      let children;
      try {
        children = this.fs.readdir(dir);
      } catch {
        continue;
      }
      for (const child of children) {
        const childRelative = relative === '' ? child.name : `${relative}/${child.name}`;
        // dir is normalised and a name holds no separator: a join needs no path.join (which normalises again).
        const absolute = dir.endsWith(path.sep) ? `${dir}${child.name}` : `${dir}${path.sep}${child.name}`;
        if (child.isDirectory() && !SKIPPED_FOLDERS.has(child.name)) pending.push({ dir: absolute, relative: childRelative });
        else if (child.isFile() && /\.md$/i.test(child.name)) yield { absolute, relative: childRelative };
      }
    }
  }
}

/**
 * A string that shares no memory with the (longer) text it may have been sliced from: V8 keeps
 * the whole parent of a slice alive. The concatenation is flattened into a fresh copy by slice().
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
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
