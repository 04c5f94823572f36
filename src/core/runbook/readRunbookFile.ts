// Reads and parses one runbook file; a file that cannot be read becomes a runbook with a
// `file-unreadable` diagnostic, so callers (CLI, library) report it like any other problem.
import fs from 'node:fs';
import { idFromFile } from './frontMatter';
import { emptyMeta } from './metaFields';
import type { Runbook } from './model';
import { parseRunbook, type ParseOptions } from './parse';

/**
 * Synchronous on purpose: the CLI reads files one after another, and an awaited async read per
 * file left the lint of 1,000 runbooks idle for 40% of its time. The library (editor) reads async.
 */
export function readRunbookFile(absolutePath: string, options: ParseOptions): Runbook {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(absolutePath);
  } catch (error) {
    return unreadableRunbook(options.file, error);
  }
  return parseRunbook(bytes, options);
}

export function unreadableRunbook(file: string, error: unknown): Runbook {
  const reason = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
  const id = idFromFile(file);
  return {
    ...emptyMeta(id, id),
    file,
    format: 'imported',
    stages: [],
    placeholders: [],
    diagnostics: [{ severity: 'error', code: 'file-unreadable', message: `The file could not be read (${reason}).`, line: 1 }],
  };
}
