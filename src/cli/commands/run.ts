// `firebreak run`: runs a step's command after a person confirms it (PRODUCT.md §7). The exact
// command (hidden characters made visible) and the values it receives are printed first; without
// --yes the question is asked on the terminal, and with neither a terminal nor --yes nothing runs.
import { StringDecoder } from 'node:string_decoder';
import { parseCommandArgs } from '../args';
import { ExitCode, type CliCommand } from '../context';
import { openService } from '../openService';
import { describeRunPlan } from '../../service/runPlan';
import { incidentArg } from './incidentAction';

export const run: CliCommand = {
  name: 'run',
  summary: 'run a step\'s command after confirming it; its output becomes evidence',
  usage: 'firebreak run <incident> <step-id> [--yes]',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, { options: { yes: 'boolean' }, min: 2 });
    const incidentId = incidentArg(positionals[0]!);
    const service = await openService(context);
    const plan = await service.planRun(incidentId, positionals[1]!);
    context.stderr(`${describeRunPlan(plan)}\n`);
    if (values.yes !== true) {
      if (!context.ask) {
        context.stderr(`firebreak run: not run: confirm on a terminal, or pass --yes after reading the command above\n`);
        return ExitCode.usage;
      }
      const answer = (await context.ask('Run this command? [y/N] ')).trim().toLowerCase();
      if (answer !== 'y' && answer !== 'yes') {
        context.stderr('not run: nothing recorded\n');
        return ExitCode.failed;
      }
    }
    const controller = new AbortController();
    // A multi-byte character may be split between two chunks of output: decode across them.
    const decoder = new StringDecoder('utf8');
    const onInterrupt = () => controller.abort();
    process.once('SIGINT', onInterrupt);
    try {
      const result = await service.runStep(incidentId, plan.step, {
        trusted: true, confirmed: plan, signal: controller.signal,
        onOutput: (chunk) => context.stdout(decoder.write(chunk)),
      });
      context.stdout(decoder.end());
      for (const warning of result.warnings) context.stderr(`warning: ${warning}\n`);
      const ending = result.cancelled ? 'cancelled' : result.exitCode !== null ? `exit code ${result.exitCode}` : `ended by ${result.signal ?? 'a signal'}`;
      context.stderr(`${plan.step}: ${ending}; output ${result.evidenceId} (sha256 ${result.outputSha256}, ${result.outputSize} bytes${result.outOfGit ? ', kept out of Git' : ''}); ${result.commit === null ? 'not committed yet' : result.commit.slice(0, 10)}\n`);
      return !result.cancelled && result.exitCode === 0 ? ExitCode.ok : ExitCode.failed;
    } finally {
      process.removeListener('SIGINT', onInterrupt);
    }
  },
};
