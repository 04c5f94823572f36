// `firebreak start`: open an incident from a runbook and print its id (alone, for scripts).
import fs from 'node:fs';
import path from 'node:path';
import { MAX_ALERT_BYTES } from '../../core/alert';
import { parseCommandArgs } from '../args';
import { ExitCode, UsageError, type CliCommand } from '../context';
import { openService } from '../openService';
import { optional, requiredOption } from './incidentAction';
import { initRepository } from '../../service/repository';

export const start: CliCommand = {
  name: 'start',
  summary: 'open an incident from a runbook and print its id',
  usage: 'firebreak start <runbook-id|path> --title T [--severity S] [--exercise] [--from-alert F] [--init]\n'
    + '  --from-alert F: an alert JSON mapped onto title, severity, source link, occurred-at and indicators (alert: in .firebreak.yml); --title is then optional',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, {
      options: { title: 'string', severity: 'string', exercise: 'boolean', 'from-alert': 'string', init: 'boolean', json: 'boolean' },
      min: 1,
    });
    const alertFile = values['from-alert'];
    const title = alertFile === undefined ? requiredOption(values.title, 'title') : (values.title ?? '');
    const alert = alertFile === undefined ? undefined : await readAlert(path.resolve(context.cwd, alertFile), alertFile);
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
      ...optional('alert', alert),
    });
    for (const warning of result.warnings) context.stderr(`warning: ${warning}\n`);
    context.stdout(values.json ? `${JSON.stringify(result)}\n` : `${result.incidentId}\n`);
    return ExitCode.ok;
  },
};

/** The alert file's text: a regular file of at most 1 MB (a FIFO or device would hang). */
async function readAlert(file: string, given: string): Promise<string> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw new UsageError(`--from-alert: ${JSON.stringify(given)} does not exist`);
  }
  if (!stat.isFile()) throw new UsageError(`--from-alert: ${JSON.stringify(given)} is not a regular file`);
  if (stat.size > MAX_ALERT_BYTES) throw new UsageError(`--from-alert: ${JSON.stringify(given)} is larger than 1 MB`);
  return fs.promises.readFile(file, 'utf8');
}
