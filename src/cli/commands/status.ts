// `firebreak status`: incidents at a glance, or one incident's stages and steps. Reads events only
// (the opening snapshot), never a runbook.
import { parseCommandArgs } from '../args';
import { ExitCode, UsageError, type CliCommand, type CliContext } from '../context';
import { openService } from '../openService';
import { incidentArg, recordMissedDeadlines } from './incidentAction';
import type { IncidentStatus } from '../../core/incident';
import { STATUS_UPDATE_KINDS, statusUpdate, type StatusUpdateKind } from '../../core/review';
import type { IncidentSummary } from '../../service/types';

export const status: CliCommand = {
  name: 'status',
  summary: 'list incidents, or show one (stages, steps, SLA)',
  usage: 'firebreak status [<incident>] [--json] [--no-record] | firebreak status <incident> --update tactical|executive',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, { options: { json: 'boolean', update: 'string', 'no-record': 'boolean' }, max: 1 });
    const update = values.update === undefined ? undefined : updateKind(values.update);
    if (update !== undefined && (positionals.length === 0 || values.json)) throw new UsageError('--update needs one incident id, and no --json');
    const service = await openService(context);
    const incidentId = positionals.length > 0 ? incidentArg(positionals[0]!) : undefined;
    if (update !== undefined) {
      // A draft for stakeholders in Markdown (to paste); records nothing.
      context.stdout(statusUpdate(await service.state(incidentId!), update, context.now()));
      return ExitCode.ok;
    }
    // `--no-record` reads only (a CI job or a dashboard script must not add commits).
    if (!values['no-record']) await recordMissedDeadlines(context, service, incidentId);
    if (incidentId === undefined) {
      const list = await service.list();
      context.stdout(values.json ? `${JSON.stringify(list)}\n` : formatList(list));
      return ExitCode.ok;
    }
    const view = await service.status(incidentId);
    if (values.json) context.stdout(`${JSON.stringify(view)}\n`);
    else printIncident(context, view);
    return ExitCode.ok;
  },
};

function updateKind(text: string): StatusUpdateKind {
  const kind = STATUS_UPDATE_KINDS.find((k) => k === text);
  if (kind === undefined) throw new UsageError(`--update is ${STATUS_UPDATE_KINDS.join(' or ')}, not ${JSON.stringify(text.slice(0, 40))}`);
  return kind;
}

function formatList(list: readonly IncidentSummary[]): string {
  if (list.length === 0) return 'no incident\n';
  return list.map((i) => `${i.id}  ${i.severity}  ${i.status}  ${i.stage}${i.exercise ? '  (exercise)' : ''}  ${oneLine(i.title)}\n`).join('');
}

function printIncident(context: CliContext, view: IncidentStatus): void {
  const lines = [
    `${view.id}  ${oneLine(view.title)}${view.exercise ? '  (exercise)' : ''}`,
    `status ${view.status}, severity ${view.severity}, stage ${view.stage}${view.commander ? `, commander ${oneLine(view.commander)}` : ''}`,
    `steps ${view.steps.checked}/${view.steps.total} done, ${view.steps.na} n/a, ${view.steps.blocked} blocked, ${view.steps.requiredOpen} required open`,
  ];
  for (const sla of view.sla) lines.push(`SLA ${sla.stage} within ${sla.limit}: ${sla.status}, due ${sla.deadline}`);
  for (const stage of view.stages) {
    lines.push('', `${stage.title} (${stage.id})`);
    for (const step of stage.steps) {
      const mark = step.checked ? 'x' : step.na ? '-' : ' ';
      const extra = [step.required ? 'required' : '', step.blocked ? 'blocked' : '', step.claimed ? `claimed by ${oneLine(step.claimed.person)}` : '']
        .filter(Boolean).join(', ');
      lines.push(`  [${mark}] ${step.id}: ${oneLine(step.text)}${extra ? `  (${extra})` : ''}`);
    }
  }
  context.stdout(`${lines.join('\n')}\n`);
}

/** Typed text on one terminal line: control characters escaped, long text clipped. */
function oneLine(text: string, limit = 120): string {
  // eslint-disable-next-line no-control-regex
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return safe.length > limit ? `${safe.slice(0, limit)}…` : safe;
}
