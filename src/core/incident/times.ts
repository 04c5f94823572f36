// Time and SLA semantics of PRODUCT.md §3, as pure functions of the state (and a clock for SLA).
import { parseDurationMinutes } from '../runbook/duration';
import type { DraftOf, MilestoneName } from './events';
import { MILESTONE_STAGE } from './stages';
import type { IncidentState } from './state';

export interface IncidentTimes {
  readonly opened?: string;
  /** When it started, if known (`occurred-at`). */
  readonly occurred?: string;
  /** `detected-at`, defaulting to the opening time. */
  readonly detected?: string;
  /** The first event after the opening, by anyone (automatic `sla.missed` excluded). */
  readonly acknowledged?: string;
  readonly contained?: string;
  readonly eradicated?: string;
  readonly recovered?: string;
  readonly closed?: string;
  /** Milliseconds; absent when either end is unknown. */
  readonly durations: {
    readonly toDetect?: number;
    readonly toAcknowledge?: number;
    readonly toContain?: number;
    readonly toEradicate?: number;
    readonly toRecover?: number;
    readonly toClose?: number;
  };
}

/**
 * When a stage was completed: for containment, eradication and recovery the `milestone.set` time
 * when set (possibly backdated); otherwise the first time the incident advanced past the stage.
 */
export function stageCompletion(state: IncidentState, stage: string): string | undefined {
  const milestone = (Object.keys(MILESTONE_STAGE) as MilestoneName[]).find((m) => MILESTONE_STAGE[m] === stage);
  const set = milestone !== undefined ? state.milestones.get(milestone) : undefined;
  if (set) return set.time;
  const index = state.stages.findIndex((s) => s.id === stage);
  if (index < 0) return undefined;
  const past = state.advances.find((a) => state.stages.findIndex((s) => s.id === a.to) > index);
  return past?.at;
}

export function incidentTimes(state: IncidentState): IncidentTimes {
  const opened = state.opened?.at;
  const occurred = state.fields.get('occurred-at')?.value;
  const detected = state.fields.get('detected-at')?.value ?? opened;
  const acknowledged = state.events.find((e) => e.type !== 'incident.opened' && e.type !== 'sla.missed' && opened !== undefined && e.at >= opened)?.at;
  const contained = stageCompletion(state, 'containment');
  const eradicated = stageCompletion(state, 'eradication');
  const recovered = stageCompletion(state, 'recovery');
  const closed = state.closed?.at;
  const span = (from?: string, to?: string): number | undefined =>
    from !== undefined && to !== undefined ? Date.parse(to) - Date.parse(from) : undefined;
  const durations = omitUndefined({
    toDetect: span(occurred, detected),
    toAcknowledge: span(opened, acknowledged),
    toContain: span(detected, contained),
    toEradicate: span(detected, eradicated),
    toRecover: span(detected, recovered),
    toClose: span(opened, closed),
  });
  return { ...omitUndefined({ opened, occurred, detected, acknowledged, contained, eradicated, recovered, closed }), durations };
}

export interface SlaEntry {
  readonly stage: string;
  /** The limit as written in the runbook (`1h`), the strictest when several runbooks set one. */
  readonly limit: string;
  readonly deadline: string;
  readonly completedAt?: string;
  /** `met`/`missed` once complete; before that `pending` or `missed` (the deadline passed at `now`). */
  readonly status: 'met' | 'missed' | 'pending';
  /** Whether an `sla.missed` event was already recorded for this stage at this severity. */
  readonly missRecorded: boolean;
}

export interface SlaStatus {
  readonly severity: string;
  readonly entries: readonly SlaEntry[];
  /** The `sla.missed` events to record now (each stage's miss at a severity is recorded once). */
  readonly toRecord: readonly DraftOf<'sla.missed'>[];
}

/** The SLA limits (minutes) at a severity across the incident's runbooks: the strictest per stage. */
export function slaLimits(state: IncidentState, severity: string): Map<string, { limit: string; minutes: number }> {
  const limits = new Map<string, { limit: string; minutes: number }>();
  for (const { snapshot } of state.runbooks) {
    const table = snapshot.sla[severity] ?? Object.entries(snapshot.sla).find(([key]) => key.toLowerCase() === severity.toLowerCase())?.[1];
    if (!table) continue;
    for (const stage of Object.keys(table).sort()) {
      const minutes = parseDurationMinutes(table[stage]!);
      if (minutes === undefined) continue;
      const known = limits.get(stage);
      if (!known || minutes < known.minutes) limits.set(stage, { limit: table[stage]!, minutes });
    }
  }
  return limits;
}

/**
 * Deadlines at the current severity, counted from detection (a severity change re-computes them),
 * and whether each is met, missed or pending at `now`. A closed incident is judged at its closing.
 */
export function slaStatus(state: IncidentState, now: Date): SlaStatus {
  const detected = incidentTimes(state).detected;
  if (detected === undefined) return { severity: state.severity, entries: [], toRecord: [] };
  const clock = state.closed ? Math.min(now.getTime(), Date.parse(state.closed.at)) : now.getTime();
  const entries: SlaEntry[] = [];
  const toRecord: DraftOf<'sla.missed'>[] = [];
  for (const [stage, { limit, minutes }] of [...slaLimits(state, state.severity)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const deadlineMs = Date.parse(detected) + minutes * 60_000;
    const deadline = new Date(deadlineMs).toISOString();
    const completedAt = stageCompletion(state, stage);
    const status = completedAt !== undefined ? (Date.parse(completedAt) <= deadlineMs ? 'met' : 'missed') : clock > deadlineMs ? 'missed' : 'pending';
    const missRecorded = state.slaMissed.some((m) => slaMissKey(m) === slaMissKey({ stage, severity: state.severity }));
    entries.push({ stage, limit, deadline, ...(completedAt !== undefined ? { completedAt } : {}), status, missRecorded });
    if (status === 'missed' && !missRecorded) toRecord.push({ type: 'sla.missed', stage, severity: state.severity, deadline });
  }
  return { severity: state.severity, entries, toRecord };
}

/**
 * What makes two `sla.missed` events the same miss: a step's deadline by the step (it does not
 * depend on severity), a stage's SLA by stage and severity (a severity change sets new deadlines).
 */
export function slaMissKey(miss: { readonly stage: string; readonly step?: string; readonly severity: string }): string {
  return miss.step !== undefined ? `deadline of step "${miss.step}"` : `SLA of "${miss.stage}" at ${miss.severity}`;
}

/**
 * Every missed deadline not recorded yet at `now`: stage SLAs at the current severity, then steps'
 * own deadlines. A closed incident has nothing more to record.
 */
export function missedDeadlinesToRecord(state: IncidentState, now: Date): DraftOf<'sla.missed'>[] {
  if (state.status === 'closed') return [];
  const recorded = new Set(state.slaMissed.map(slaMissKey));
  const steps = stepDeadlines(state, now)
    .filter((d) => d.status === 'missed')
    .map((d): DraftOf<'sla.missed'> => ({ type: 'sla.missed', stage: state.steps.get(d.step)?.stage ?? state.stage, step: d.step, severity: state.severity, deadline: d.deadline }))
    .filter((draft) => !recorded.has(slaMissKey(draft)));
  return [...slaStatus(state, now).toRecord, ...steps];
}

function omitUndefined<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}

export interface StepDeadline {
  readonly step: string;
  /** As written in the runbook (`72h`). */
  readonly limit: string;
  /** Detection + limit. */
  readonly deadline: string;
  /** When the step was checked (it counts only while it stays checked). */
  readonly completedAt?: string;
  /** Without a clock, an unchecked step before or after its deadline is `pending`. */
  readonly status: 'met' | 'missed' | 'pending';
}

/**
 * Steps with their own deadline relative to detection (a regulator's clock, e.g. `72h` to notify),
 * in checklist order. With `now`, an unchecked step past its deadline is `missed`.
 */
export function stepDeadlines(state: IncidentState, now?: Date): StepDeadline[] {
  const detected = incidentTimes(state).detected;
  if (detected === undefined) return [];
  const out: StepDeadline[] = [];
  for (const stage of state.stages) {
    for (const id of stage.steps) {
      const step = state.steps.get(id)!;
      const minutes = step.deadline !== undefined ? parseDurationMinutes(step.deadline) : undefined;
      if (minutes === undefined) continue;
      const deadlineMs = Date.parse(detected) + minutes * 60_000;
      const completedAt = step.checked ? step.checkedChange?.at : undefined;
      const status = completedAt !== undefined
        ? (Date.parse(completedAt) <= deadlineMs ? 'met' : 'missed')
        : now !== undefined && now.getTime() > deadlineMs ? 'missed' : 'pending';
      out.push({ step: id, limit: step.deadline!, deadline: new Date(deadlineMs).toISOString(), ...(completedAt !== undefined ? { completedAt } : {}), status });
    }
  }
  return out;
}
