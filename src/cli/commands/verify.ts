// `firebreak verify`: the PR check. Reads files only; prints at most MAX_PROBLEMS problems,
// each bounded, then a count; exit 1 on any problem.
import { parseCommandArgs } from '../args';
import { ExitCode, UsageError, type CliCommand } from '../context';
import { openService } from '../openService';
import { incidentArg } from './incidentAction';
import type { VerifyProblem } from '../../service/types';

export const MAX_PROBLEMS = 50;
const MAX_MESSAGE = 300;

export const verify: CliCommand = {
  name: 'verify',
  summary: 'check incident records: parse, hashes, rendering, append-only against --base',
  usage: 'firebreak verify [<incident>...] [--base REF] [--json]',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, {
      options: { base: 'string', complete: 'boolean', json: 'boolean' },
      max: Number.MAX_SAFE_INTEGER,
    });
    if (values.complete) throw new UsageError('--complete is not available yet: it comes with the post-incident review');
    const incidents = positionals.map(incidentArg);
    const service = await openService(context);
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

/** Clips long text and escapes control characters, so a hostile file cannot flood or drive the terminal. */
function bounded(problem: VerifyProblem): VerifyProblem {
  return { file: clip(problem.file, 200), message: clip(problem.message, MAX_MESSAGE) };
}

function clip(text: string, limit: number): string {
  // eslint-disable-next-line no-control-regex
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return safe.length > limit ? `${safe.slice(0, limit)}…` : safe;
}
