// `firebreak reconcile`: turn hand edits of incident.md into events (one commit per incident).
import { parseCommandArgs } from '../args';
import { ExitCode, type CliCommand } from '../context';
import { openService } from '../openService';
import { incidentArg } from './incidentAction';

export const reconcile: CliCommand = {
  name: 'reconcile',
  summary: 'record hand edits of incident.md as events',
  usage: 'firebreak reconcile [<incident>] [--json]',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, { options: { json: 'boolean' }, max: 1 });
    const service = await openService(context);
    const ids = positionals.length > 0 ? [incidentArg(positionals[0]!)] : await service.listIds();
    const results = [];
    for (const id of ids) {
      const result = await service.reconcile(id);
      results.push(result);
      if (!values.json) {
        context.stdout(result.commit === null
          ? `${id}: nothing to reconcile\n`
          : `${id}: ${result.eventIds.length} event${result.eventIds.length === 1 ? '' : 's'} recorded (${result.commit.slice(0, 10)})\n`);
      }
    }
    if (values.json) context.stdout(`${JSON.stringify(results)}\n`);
    return ExitCode.ok;
  },
};
