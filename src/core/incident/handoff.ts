// The shift hand-off summary (PRODUCT.md §6): everything since the last hand-off, as plain data
// for the CLI and the dashboard, and as text for the `handoff` event's default summary.
import { describeEvent } from './describe';
import type { Actor } from './events';
import { commanderOf, stepsInOrder } from './reduce';
import type { CommandRunState, DecisionState, EvidenceState, HandoffState, IncidentState } from './state';
import { slaStatus, type SlaEntry } from './times';

export interface HandoffStep {
  readonly id: string;
  readonly text: string;
  readonly stage: string;
  readonly required: boolean;
  readonly claimedBy?: string;
  readonly blocked?: string;
}

export interface HandoffSummary {
  /** The outgoing person (the commander now). */
  readonly from?: string;
  /** Start of the period: the last hand-off's time, else the opening. */
  readonly since?: string;
  readonly stage: string;
  readonly severity: string;
  readonly status: 'open' | 'closed';
  /** What happened since, oldest first (descriptions are Markdown-escaped one-liners). */
  readonly changes: readonly { readonly at: string; readonly actor: Actor; readonly description: string }[];
  /** Unchecked, applicable steps (claimed ones included, with who). */
  readonly openSteps: readonly HandoffStep[];
  readonly claimedSteps: readonly HandoffStep[];
  /** Decisions recorded since the last hand-off (there is no "pending" decision event: these need carrying over). */
  readonly decisions: readonly DecisionState[];
  /** A hand-off that was given and not yet acknowledged. */
  readonly unacknowledged?: HandoffState;
  /** Evidence held by the outgoing person, to transfer to the incoming one. */
  readonly evidenceToTransfer: readonly EvidenceState[];
  /** SLA deadlines not yet met at `now` (pending or missed); empty when no clock was given. */
  readonly openDeadlines: readonly SlaEntry[];
  /** Step commands started and not ended (still running, or their runner stopped): someone must look. */
  readonly runningCommands: readonly CommandRunState[];
}

/** `now` (optional) adds the SLA deadlines still open at that time. */
export function handoffSummary(state: IncidentState, now?: Date): HandoffSummary {
  const last = state.handoffs.at(-1);
  const since = last?.at ?? state.opened?.at;
  const from = commanderOf(state);
  const changes = state.events
    .filter((e) => since === undefined || e.at > since)
    .map((e) => ({ at: e.at, actor: e.actor, description: describeEvent(e) }));
  const openSteps = stepsInOrder(state)
    .filter((s) => !s.checked && !s.na)
    .map((s) => ({
      id: s.id, text: s.text, stage: s.stage, required: s.required,
      ...(s.claimed ? { claimedBy: s.claimed.person } : {}),
      ...(s.blocked ? { blocked: s.blocked.reason ?? 'blocked' } : {}),
    }));
  const holder = from?.trim().toLowerCase();
  return {
    ...(from !== undefined ? { from } : {}),
    ...(since !== undefined ? { since } : {}),
    stage: state.stage,
    severity: state.severity,
    status: state.status,
    changes,
    openSteps,
    claimedSteps: openSteps.filter((s) => s.claimedBy !== undefined),
    decisions: state.decisions.filter((d) => since === undefined || d.at > since),
    ...(state.handoffs.some((h) => !h.acknowledged) ? { unacknowledged: [...state.handoffs].reverse().find((h) => !h.acknowledged)! } : {}),
    evidenceToTransfer: state.evidence.filter((e) => holder !== undefined && e.holder.trim().toLowerCase() === holder),
    openDeadlines: now === undefined ? [] : slaStatus(state, now).entries.filter((e) => e.completedAt === undefined),
    runningCommands: state.commands.filter((c) => c.ended === undefined),
  };
}

/** Plain text for a terminal or the `handoff` event's summary. */
export function formatHandoffSummary(summary: HandoffSummary): string {
  const lines = [
    `Stage ${summary.stage}, severity ${summary.severity}, ${summary.status}${summary.from !== undefined ? `, commander ${summary.from}` : ''}.`,
    `Since ${summary.since ?? 'the start'}: ${summary.changes.length} change(s).`,
  ];
  for (const c of summary.changes.slice(-50)) lines.push(`- ${c.at} ${c.actor.name}: ${c.description}`);
  lines.push(`Open steps: ${summary.openSteps.length}.`);
  for (const s of summary.openSteps) lines.push(`- ${s.id}${s.required ? ' (required)' : ''}${s.claimedBy !== undefined ? `, claimed by ${s.claimedBy}` : ''}${s.blocked !== undefined ? `, blocked: ${s.blocked}` : ''}`);
  if (summary.decisions.length) lines.push(`Decisions since: ${summary.decisions.map((d) => d.what).join('; ')}`);
  for (const d of summary.openDeadlines) lines.push(`SLA ${d.stage}: ${d.status === 'missed' ? 'missed' : 'due'} ${d.deadline}`);
  for (const c of summary.runningCommands) lines.push(`Command of ${c.step} started by ${c.actor.name} at ${c.at}: no end recorded`);
  if (summary.evidenceToTransfer.length) lines.push(`Evidence to transfer: ${summary.evidenceToTransfer.map((e) => e.evidence).join(', ')}`);
  return lines.join('\n');
}
