// Reads and parses one runbook file; a file that cannot be read becomes a runbook with a
// `file-unreadable` diagnostic, so callers (CLI, library) report it like any other problem.
import fs from 'node:fs/promises';
import { idFromFile } from './frontMatter';
import { emptyMeta } from './metaFields';
import type { Runbook } from './model';
import { parseRunbook, type ParseOptions } from './parse';

export async function readRunbookFile(absolutePath: string, options: ParseOptions): Promise<Runbook> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(absolutePath);
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
