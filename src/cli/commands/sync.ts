// `firebreak sync`: fetch, integrate incident files (union of events, re-render), push.
import { parseCommandArgs } from '../args';
import { ExitCode, type CliCommand } from '../context';
import { openService } from '../openService';
import { incidentArg } from './incidentAction';

export const sync: CliCommand = {
  name: 'sync',
  summary: 'fetch, merge incident records and push',
  usage: 'firebreak sync [<incident>] [--json]',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, { options: { json: 'boolean' }, max: 1 });
    const incidentId = positionals.length > 0 ? incidentArg(positionals[0]!) : undefined;
    const service = await openService(context);
    const result = await service.sync(incidentId);
    context.stdout(values.json ? `${JSON.stringify(result)}\n` : `${result.message}\n`);
    // Offline or blocked: nothing is lost (actions stay committed locally), but the sync did not happen.
    return result.state === 'offline' || result.state === 'blocked' ? ExitCode.failed : ExitCode.ok;
  },
};
