// `firebreak inspect <file>... [--json]`: the runbook model and diagnostics of each file. The JSON
// shape is a contract (issue 3): other tools and CI read it, so fields are never renamed.
import path from 'node:path';
import { parseCommandArgs } from '../args';
import { builtinRunbookTest } from '../builtinRunbooks';
import { ExitCode, type CliCommand, type CliContext } from '../context';
import type { Runbook } from '../../core/runbook/model';
import { readRunbookFile } from '../../core/runbook/readRunbookFile';

/** One entry of `inspect --json`, exactly as documented. */
export function inspectJson(runbook: Runbook) {
  return {
    file: runbook.file,
    id: runbook.id,
    title: runbook.title,
    version: runbook.version,
    format: runbook.format,
    stages: runbook.stages.map((stage) => ({
      id: stage.id,
      title: stage.title,
      canonical: stage.canonical,
      line: stage.line,
      steps: stage.steps.map((step) => ({ id: step.id, text: step.text, line: step.line, required: step.required, role: step.role ?? null })),
    })),
    diagnostics: runbook.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message, line: d.line })),
  };
}

function describe(runbook: Runbook): string {
  const lines = [`${runbook.file}: ${runbook.title} (${runbook.id}, ${runbook.format}${runbook.version !== null ? `, version ${runbook.version}` : ''})`];
  for (const stage of runbook.stages) {
    lines.push(`  ${stage.title} [${stage.canonical ?? stage.id}] line ${stage.line}, ${stage.steps.length} step(s)`);
    for (const step of stage.steps) lines.push(`    - ${step.id}${step.required ? ' (required)' : ''}${step.role ? ` @${step.role}` : ''}: ${step.text}`);
  }
  for (const d of runbook.diagnostics) lines.push(`  ${d.line}: ${d.severity} ${d.code}: ${d.message}`);
  return `${lines.join('\n')}\n`;
}

export const command: CliCommand = {
  name: 'inspect',
  summary: 'show how runbooks are read: stages, steps, diagnostics',
  usage: 'firebreak inspect <file>... [--json]',
  async run(context: CliContext): Promise<number> {
    const { positionals, values } = parseCommandArgs(context.args, { options: { json: 'boolean' }, min: 1, max: Infinity });
    const runbooks: Runbook[] = [];
    const isBuiltin = builtinRunbookTest();
    for (const file of positionals) {
      const absolute = path.resolve(context.cwd, file);
      runbooks.push(readRunbookFile(absolute, { file, now: context.now(), builtin: isBuiltin(absolute) }));
    }
    if (values.json) context.stdout(`${JSON.stringify(runbooks.map(inspectJson), null, 2)}\n`);
    else for (const runbook of runbooks) context.stdout(describe(runbook));
    const unreadable = runbooks.some((r) => r.diagnostics.some((d) => d.code === 'file-unreadable'));
    return unreadable ? ExitCode.failed : ExitCode.ok;
  },
};
