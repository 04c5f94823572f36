// `firebreak report`: the post-incident review of one incident, written to its postmortem.md in
// one commit (regeneration keeps what people wrote), or metrics across incidents with --all.
// Reads events only (the opening snapshot), never a runbook.
import { drillFindings, incidentMetrics, postmortemModel, TIME_METRICS, type GroupMetrics, type KindMetrics, type MetricsReport } from '../../core/review';
import { formatDuration } from '../../core/incident/format';
import type { IncidentService } from '../../service/incidentService';
import { parseCommandArgs } from '../args';
import { ExitCode, UsageError, type CliCommand, type CliContext } from '../context';
import { openService } from '../openService';
import { incidentArg } from './incidentAction';

export const report: CliCommand = {
  name: 'report',
  summary: 'write the post-incident review, or metrics across incidents',
  usage: 'firebreak report <incident> [--json] | firebreak report --all [--json] [--since DATE]',
  async run(context) {
    const { positionals, values } = parseCommandArgs(context.args, { options: { json: 'boolean', all: 'boolean', since: 'string' }, max: 1 });
    if ((values.all === true) === (positionals.length === 1)) throw new UsageError('give one incident id, or --all');
    if (values.since !== undefined && !values.all) throw new UsageError('--since goes with --all');
    const service = await openService(context);
    if (values.all) return allIncidents(context, service, values.since === undefined ? undefined : sinceTime(values.since), values.json === true);
    return oneIncident(context, service, incidentArg(positionals[0]!), values.json === true);
  },
};

/** `2026-11-01` or a full ISO time → ISO UTC. */
function sinceTime(text: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) throw new UsageError(`--since needs a date such as 2026-11-01 or 2026-11-01T09:00:00Z, not ${JSON.stringify(text.slice(0, 60))}`);
  return new Date(ms).toISOString();
}

async function oneIncident(context: CliContext, service: IncidentService, id: string, json: boolean): Promise<number> {
  const state = await service.state(id);
  // --json prints the review as data and writes nothing.
  if (json) {
    const model = postmortemModel(state);
    // An exercise's review also says what the drill showed about the runbook.
    context.stdout(`${JSON.stringify(state.exercise ? { ...model, drill: drillFindings(state, model) } : model)}\n`);
    return ExitCode.ok;
  }
  const written = await service.writePostmortem(id);
  for (const name of written.keptEdited) {
    context.stderr(`warning: kept the hand-edited section "${name}" of postmortem.md; delete that section (markers included) to regenerate it\n`);
  }
  for (const warning of written.warnings) context.stderr(`warning: ${warning}\n`);
  if (written.upToDate) {
    context.stdout(`${written.path} is up to date\n`);
    return ExitCode.ok;
  }
  context.stdout(`${id}: post-incident: ${written.path}${written.commit ? ` (${written.commit.slice(0, 7)})` : ''}\n`);
  return ExitCode.ok;
}

async function allIncidents(context: CliContext, service: IncidentService, since: string | undefined, json: boolean): Promise<number> {
  const states = [];
  for (const id of await service.listIds()) states.push(await service.state(id));
  const metrics = incidentMetrics(states, since === undefined ? {} : { since });
  context.stdout(json ? `${JSON.stringify(metrics)}\n` : formatMetrics(metrics));
  return ExitCode.ok;
}

function formatMetrics(metrics: MetricsReport): string {
  const lines = [metrics.since ? `Incidents opened since ${metrics.since}` : 'All incidents'];
  const kind = (title: string, k: KindMetrics) => {
    lines.push('', `== ${title}: ${k.overall.incidents} ==`);
    if (k.overall.incidents === 0) return;
    group('overall', k.overall);
    for (const [id, g] of Object.entries(k.byRunbook)) group(`runbook ${oneLine(id)}`, g);
    for (const [severity, g] of Object.entries(k.bySeverity)) group(`severity ${oneLine(severity)}`, g);
  };
  const group = (title: string, g: GroupMetrics) => {
    lines.push('', `${title}: ${g.incidents} incident(s), ${g.open} open, ${g.closed} closed; SLA missed ${g.slaMisses} time(s) in ${g.incidentsMissingSla} incident(s)`);
    for (const metric of TIME_METRICS) {
      const t = g.times[metric];
      if (t.count > 0) lines.push(`  ${metric}: median ${formatDuration(t.medianMs!)}, p90 ${formatDuration(t.p90Ms!)} (n=${t.count})`);
    }
    const top = (label: string, items: GroupMetrics['skipped']) => {
      if (items.length) lines.push(`  ${label}: ${items.slice(0, 5).map((i) => `${oneLine(i.key, 60)} ×${i.count}`).join(', ')}`);
    };
    top('most skipped', g.skipped);
    top('most not applicable', g.notApplicable);
    top('most added by hand', g.added);
  };
  kind('Real incidents', metrics.real);
  kind('Exercises', metrics.exercises);
  return `${lines.join('\n')}\n`;
}

/** Typed text on one terminal line: control characters replaced, long text clipped. */
function oneLine(text: string, limit = 120): string {
  // eslint-disable-next-line no-control-regex
  const safe = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return safe.length > limit ? `${safe.slice(0, limit)}…` : safe;
}
