// Status-update drafts for stakeholders, as Markdown from the current state: tactical (for the
// people working the incident) and executive (for those who need impact and an ETA).
import { CANONICAL_STAGE_TITLES, commanderOf, incidentTimes, slaStatus, stepsInOrder, type IncidentState, type StepState } from '../incident';
import { formatDuration } from '../incident/format';
import { escapeInline, runbookInline } from '../incident/markdownText';

export type StatusUpdateKind = 'tactical' | 'executive';
export const STATUS_UPDATE_KINDS: readonly StatusUpdateKind[] = ['tactical', 'executive'];

/** How many recently done steps the tactical update lists. */
const RECENT_DONE = 10;

export function statusUpdate(state: IncidentState, kind: StatusUpdateKind, now: Date): string {
  const lines = kind === 'tactical' ? tactical(state, now) : executive(state, now);
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

const stageTitle = (state: IncidentState, id: string): string =>
  escapeInline(state.stages.find((s) => s.id === id)?.title ?? CANONICAL_STAGE_TITLES[id] ?? id);
const stepText = (step: StepState): string => (step.origin === 'added' ? escapeInline(step.text) : runbookInline(step.text));
const heading = (state: IncidentState, kind: string, now: Date): string =>
  `## ${kind} update: ${escapeInline(state.title || state.id)} (${state.id}), ${now.toISOString()}`;

function tactical(state: IncidentState, now: Date): string[] {
  const steps = stepsInOrder(state);
  const done = steps
    .filter((s) => s.checked && s.checkedChange !== undefined)
    .sort((a, b) => (a.checkedChange!.at < b.checkedChange!.at ? 1 : a.checkedChange!.at > b.checkedChange!.at ? -1 : 0))
    .slice(0, RECENT_DONE);
  const next = steps.filter((s) => s.stage === state.stage && !s.checked && s.na === undefined && s.blocked === undefined);
  const blocked = steps.filter((s) => !s.checked && s.blocked !== undefined);
  const unowned = next.filter((s) => s.required && s.claimed === undefined);
  const pendingHandoffs = state.handoffs.filter((h) => h.acknowledged === undefined);
  const pendingSla = slaStatus(state, now).entries.filter((e) => e.status !== 'met' && e.completedAt === undefined);
  const out = [
    heading(state, 'Tactical', now),
    '',
    `**Stage:** ${stageTitle(state, state.stage)} · **Severity:** ${escapeInline(state.severity)} · **Status:** ${state.status}${state.exercise ? ' · **Exercise**' : ''}`,
    `**Commander:** ${escapeInline(commanderOf(state) ?? 'unassigned')}`,
    '',
    '### Done',
  ];
  out.push(...(done.length ? done.map((s) => `- ${stepText(s)} (${escapeInline(s.checkedChange!.actor.name)}, ${s.checkedChange!.at})`) : ['- nothing yet']));
  out.push('', '### Next');
  out.push(...(next.length ? next.map((s) => `- ${stepText(s)}${s.required ? ' (required)' : ''}${s.claimed ? `, ${escapeInline(s.claimed.person)}` : ''}`) : ['- no open step in this stage']));
  out.push('', '### Needs');
  const needs = [
    ...blocked.map((s) => `- Unblock: ${stepText(s)}${s.blocked!.reason ? ` (${escapeInline(s.blocked!.reason)})` : ''}`),
    ...unowned.map((s) => `- An owner for: ${stepText(s)}`),
    ...pendingHandoffs.map((h) => `- ${escapeInline(h.to)} to acknowledge the hand-off from ${escapeInline(h.from)}`),
    ...pendingSla.map((e) => `- ${stageTitle(state, e.stage)} ${e.status === 'missed' ? 'is past its SLA deadline' : 'due by'} ${e.deadline} (SLA ${escapeInline(e.limit)})`),
  ];
  out.push(...(needs.length ? needs : ['- nothing']));
  return out;
}

function executive(state: IncidentState, now: Date): string[] {
  const times = incidentTimes(state);
  const impact = state.fields.get('impact')?.value.trim();
  const summary = state.fields.get('summary')?.value.trim();
  const out = [
    heading(state, 'Executive', now),
    '',
    `**Severity:** ${escapeInline(state.severity)} · **Status:** ${state.status} · **Stage:** ${stageTitle(state, state.stage)}${state.exercise ? ' · **Exercise** (a drill)' : ''}`,
    '',
    `**Impact:** ${impact ? escapeInline(impact, 1000) : 'not assessed yet'}`,
  ];
  if (summary) out.push('', `**Summary:** ${escapeInline(summary, 1000)}`);
  out.push('', `**Detected:** ${times.detected ?? 'unknown'} · **Contained:** ${times.contained ?? 'not yet'}`, '', `**ETA to recovery:** ${recoveryEta(state, now)}`);
  return out;
}

/** Recovered already, else the recovery SLA deadline as the target, else not estimated. */
function recoveryEta(state: IncidentState, now: Date): string {
  const times = incidentTimes(state);
  if (times.recovered !== undefined) return `recovered at ${times.recovered}${times.durations.toRecover !== undefined ? ` (${formatDuration(times.durations.toRecover)} after detection)` : ''}`;
  if (state.closed) return `closed at ${state.closed.at} without a recovery time`;
  const target = slaStatus(state, now).entries.find((e) => e.stage === 'recovery');
  if (target === undefined) return 'not estimated (no recovery target for this severity)';
  const left = Date.parse(target.deadline) - now.getTime();
  return left >= 0 ? `target ${target.deadline} (SLA ${escapeInline(target.limit)}, ${formatDuration(left)} from now)` : `target ${target.deadline} has passed (SLA ${escapeInline(target.limit)}); no new estimate`;
}
