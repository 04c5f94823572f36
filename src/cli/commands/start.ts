// `firebreak start`: open an incident from a runbook and print its id (alone, for scripts).
import fs from 'node:fs';
import { parseCommandArgs } from '../args';
import { ExitCode, type CliCommand } from '../context';
import { openService } from '../openService';
import { optional, requiredOption } from './incidentAction';
import { initRepository } from '../../service/repository';

export const start: CliCommand = {
  name: 'start',
  summary: 'open an incident from a runbook and print its id',
  usage: 'firebreak start <runbook-id|path> --title T [--severity S] [--exercise] [--from-alert F] [--init]',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, {
      options: { title: 'string', severity: 'string', exercise: 'boolean', 'from-alert': 'string', init: 'boolean', json: 'boolean' },
      min: 1,
    });
    const title = requiredOption(values.title, 'title');
    if (values.init) {
      fs.mkdirSync(context.cwd, { recursive: true });
      if (await initRepository(context.cwd)) context.stderr(`firebreak: created a Git repository in ${context.cwd}\n`);
    }
    const service = await openService(context);
    const result = await service.start({
      runbook: positionals[0]!,
      title,
      exercise: values.exercise === true,
      ...optional('severity', values.severity),
      ...optional('fromAlert', values['from-alert']),
    });
    for (const warning of result.warnings) context.stderr(`warning: ${warning}\n`);
    context.stdout(values.json ? `${JSON.stringify(result)}\n` : `${result.incidentId}\n`);
    return ExitCode.ok;
  },
};
