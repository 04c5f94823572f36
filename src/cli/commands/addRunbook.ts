// `firebreak add-runbook`: a second runbook joins an incident.
import { parseCommandArgs } from '../args';
import { ExitCode, type CliCommand } from '../context';
import { openService } from '../openService';
import { incidentArg, printResult, recordMissedDeadlines } from './incidentAction';

export const addRunbook: CliCommand = {
  name: 'add-runbook',
  summary: 'join a second runbook to an incident',
  usage: 'firebreak add-runbook <incident> <runbook-id|path>',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, { options: { json: 'boolean' }, min: 2 });
    const incidentId = incidentArg(positionals[0]!);
    const service = await openService(context);
    printResult(context, await service.addRunbook(incidentId, positionals[1]!), values.json === true);
    await recordMissedDeadlines(context, service, incidentId);
    return ExitCode.ok;
  },
};
