// Shared by the runbook tests: parse text quickly, list diagnostic codes, temporary folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Runbook } from '../../../src/core/runbook/model';
import { parseRunbook, type ParseOptions } from '../../../src/core/runbook/parse';

export const projectRoot = path.resolve(__dirname, '..', '..', '..');
export const fixtures = path.join(projectRoot, 'test', 'fixtures', 'runbooks');

export function parse(text: string | Uint8Array, options: Partial<ParseOptions> = {}): Runbook {
  return parseRunbook(text, { file: 'test.md', ...options });
}

export function parseFixture(name: string, options: Partial<ParseOptions> = {}): Runbook {
  return parseRunbook(fs.readFileSync(path.join(fixtures, name)), { file: name, ...options });
}

export function codes(runbook: Runbook): string[] {
  return runbook.diagnostics.map((d) => d.code);
}

export function diagnostic(runbook: Runbook, code: string) {
  return runbook.diagnostics.find((d) => d.code === code);
}

/** A native runbook: front-matter lines plus a body. */
export function native(frontMatter: string, body: string): string {
  return `---\nid: test\ntitle: Test\nversion: 1\n${frontMatter}${frontMatter && !frontMatter.endsWith('\n') ? '\n' : ''}---\n${body}`;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-runbook-'));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
