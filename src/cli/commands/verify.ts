// `firebreak verify`: the PR check. Reads files only; prints at most MAX_PROBLEMS problems,
// each bounded, then a count; exit 1 on any problem.
import { parseCommandArgs } from '../args';
import { ExitCode, UsageError, type CliCommand, type CliContext } from '../context';
import { completeness } from '../../core/review';
import type { IncidentService } from '../../service/incidentService';
import { openService } from '../openService';
import { incidentArg } from './incidentAction';
import type { VerifyProblem } from '../../service/types';

export const MAX_PROBLEMS = 50;
const MAX_MESSAGE = 300;

export const verify: CliCommand = {
  name: 'verify',
  summary: 'check incident records: parse, hashes, rendering, append-only against --base',
  usage: 'firebreak verify [<incident>...] [--base REF] [--json] | firebreak verify --complete [<incident>...] [--json]',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, {
      options: { base: 'string', complete: 'boolean', json: 'boolean' },
      max: Number.MAX_SAFE_INTEGER,
    });
    if (values.complete && values.base !== undefined) throw new UsageError('--complete checks what the record holds; it does not go with --base');
    const incidents = positionals.map(incidentArg);
    const service = await openService(context);
    if (values.complete) return verifyComplete(context, service, incidents.length > 0 ? incidents : await service.listIds(), values.json === true);
    const result = await service.verify({ incidents, ...(values.base !== undefined ? { base: values.base } : {}) });
    const shownProblems = result.problems.slice(0, MAX_PROBLEMS).map(bounded);
    if (values.json) {
      context.stdout(`${JSON.stringify({ checked: result.checked, problems: shownProblems, total: result.problems.length })}\n`);
    } else {
      for (const problem of shownProblems) context.stdout(`${problem.file}: ${problem.message}\n`);
      const hidden = result.problems.length - shownProblems.length;
      if (hidden > 0) context.stdout(`… and ${hidden} more problem${hidden === 1 ? '' : 's'}\n`);
      const count = result.checked.length;
      context.stdout(result.problems.length === 0
        ? `verified ${count} incident${count === 1 ? '' : 's'}: no problem\n`
        : `${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${count} incident${count === 1 ? '' : 's'}\n`);
    }
    return result.problems.length === 0 ? ExitCode.ok : ExitCode.failed;
  },
};

/** NIST SP 800-61 §3.2.5: the record fields still empty and the required steps unchecked; exit 1 when any. */
async function verifyComplete(context: CliContext, service: IncidentService, ids: readonly string[], json: boolean): Promise<number> {
  const results = [];
  for (const id of ids) results.push({ incident: id, ...completeness(await service.state(id)) });
  if (json) {
    context.stdout(`${JSON.stringify(results)}\n`);
  } else {
    for (const r of results) {
      if (r.complete) {
        context.stdout(`${r.incident}: complete\n`);
        continue;
      }
      if (r.missing.length > 0) context.stdout(`${r.incident}: missing ${r.missing.map((m) => `${m.label} (${m.field})`).join(', ')}\n`);
      for (const step of r.uncheckedRequired) context.stdout(`${r.incident}: required step unchecked: ${step.step} in ${clip(step.stage, 60)}: ${clip(step.text, 120)}\n`);
    }
    const incomplete = results.filter((r) => !r.complete).length;
    context.stdout(`${results.length - incomplete} of ${results.length} incident${results.length === 1 ? '' : 's'} complete\n`);
  }
  return results.every((r) => r.complete) ? ExitCode.ok : ExitCode.failed;
}

/** Clips long text and escapes control characters, so a hostile file cannot flood or drive the terminal. */
function bounded(problem: VerifyProblem): VerifyProblem {
  return { file: clip(problem.file, 200), message: clip(problem.message, MAX_MESSAGE) };
}

function clip(text: string, limit: number): string {
  // eslint-disable-next-line no-control-regex
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > limit ? `${safe.slice(0, limit)}…` : safe;
}
