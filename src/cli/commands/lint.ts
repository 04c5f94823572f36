// `firebreak lint <file-or-folder>... [--json] [--now T] [--base REF]`: compiler-style
// diagnostics for runbooks, exit 1 when any is an error. With --base, a runbook whose steps
// changed since REF without a version bump is an error.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseCommandArgs, quote } from '../args';
import { builtinRunbookTest } from '../builtinRunbooks';
import { ExitCode, UsageError, type CliCommand, type CliContext } from '../context';
import type { Diagnostic, Runbook } from '../../core/runbook/model';
import { parseRunbook } from '../../core/runbook/parse';
import { readRunbookFile } from '../../core/runbook/readRunbookFile';
import { checkVersionBump } from '../../core/runbook/versionBump';

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** The Markdown files a path names: itself, or every *.md under it (sorted, symlinked folders not followed). */
async function markdownFiles(given: string, cwd: string): Promise<string[]> {
  const absolute = path.resolve(cwd, given);
  const stat = await fs.stat(absolute).catch(() => undefined);
  if (!stat?.isDirectory()) return [given];
  const found: string[] = [];
  const pending = [''];
  while (pending.length > 0) {
    const relative = pending.pop()!;
    const entries = await fs.readdir(path.join(absolute, relative), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const child = path.join(relative, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) pending.push(child);
      else if (entry.isFile() && /\.md$/i.test(entry.name)) found.push(path.join(given, child));
    }
  }
  return found.sort();
}

function runGit(args: string[], cwd: string): Promise<{ ok: boolean; stdout: Buffer }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, timeout: 30_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout) => resolve({ ok: !error, stdout }));
  });
}

/** The runbook as it was at `ref`, or undefined when the file did not exist there. */
async function runbookAtBase(ref: string, file: string, cwd: string): Promise<Runbook | undefined> {
  const relative = path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
  const shown = await runGit(['show', '--no-textconv', `${ref}:./${relative}`, '--'], cwd);
  return shown.ok ? parseRunbook(shown.stdout, { file }) : undefined;
}

function parseNow(text: string | undefined, context: CliContext): Date {
  if (text === undefined) return context.now();
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--now ${quote(text)} is not a date/time (use ISO 8601, e.g. 2026-11-28 or 2026-11-28T10:00:00Z)`);
  return date;
}

export const command: CliCommand = {
  name: 'lint',
  summary: 'check runbooks; exit 1 when any has an error',
  usage: 'firebreak lint <file-or-folder>... [--json] [--now T] [--base REF]',
  async run(context: CliContext): Promise<number> {
    const { positionals, values } = parseCommandArgs(context.args, {
      options: { json: 'boolean', now: 'string', base: 'string' },
      min: 1,
      max: Infinity,
    });
    const now = parseNow(values.now, context);
    const base = values.base;
    if (base !== undefined) {
      const verified = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${base}^{commit}`], context.cwd);
      if (!verified.ok) throw new UsageError(`--base ${quote(base)} is not a commit in this repository`);
    }

    const results: { file: string; diagnostics: Diagnostic[] }[] = [];
    const isBuiltin = builtinRunbookTest();
    for (const given of positionals) {
      for (const file of await markdownFiles(given, context.cwd)) {
        const absolute = path.resolve(context.cwd, file);
        const runbook = readRunbookFile(absolute, { file, now, builtin: isBuiltin(absolute) });
        const diagnostics = [...runbook.diagnostics];
        if (base !== undefined) {
          const before = await runbookAtBase(base, file, context.cwd);
          const bump = before && checkVersionBump(before, runbook, base);
          if (bump) diagnostics.unshift(bump);
        }
        results.push({ file, diagnostics });
      }
    }

    if (values.json) {
      context.stdout(`${JSON.stringify(results, null, 2)}\n`);
    } else {
      for (const { file, diagnostics } of results) {
        for (const d of diagnostics) context.stdout(`${file}:${d.line}: ${d.severity} ${d.code}: ${d.message}\n`);
      }
    }
    const failed = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
    return failed ? ExitCode.failed : ExitCode.ok;
  },
};
