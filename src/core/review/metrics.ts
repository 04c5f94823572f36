// Metrics across incidents (issue 7): per runbook and per severity, counts, median/p90 of the
// times of PRODUCT.md §3, SLA misses, and the steps most often skipped, marked not applicable or
// added by hand. Exercises are kept apart from real incidents. Reads reduced states only.
import { incidentTimes, type IncidentState } from '../incident';
import { missedSlaStages } from './slaMisses';
import { median, percentile } from './stats';

export const TIME_METRICS = ['toDetect', 'toAcknowledge', 'toContain', 'toEradicate', 'toRecover', 'toClose'] as const;
export type TimeMetric = (typeof TIME_METRICS)[number];

export interface TimeSummary {
  /** How many incidents have this time. */
  readonly count: number;
  /** Milliseconds; absent when no incident has the time. */
  readonly medianMs?: number;
  readonly p90Ms?: number;
}

export interface StepCount {
  /** The step id (runbook steps) or the normalised text (steps added by hand, whose ids differ per incident). */
  readonly key: string;
  readonly text: string;
  readonly count: number;
}

export interface GroupMetrics {
  readonly incidents: number;
  readonly open: number;
  readonly closed: number;
  readonly times: Readonly<Record<TimeMetric, TimeSummary>>;
  /** Stage deadlines missed, each incident's stage counted once. */
  readonly slaMisses: number;
  /** Incidents with at least one missed deadline. */
  readonly incidentsMissingSla: number;
  readonly slaMissesByStage: Readonly<Record<string, number>>;
  readonly skipped: readonly StepCount[];
  readonly notApplicable: readonly StepCount[];
  readonly added: readonly StepCount[];
}

export interface KindMetrics {
  readonly overall: GroupMetrics;
  readonly byRunbook: Readonly<Record<string, GroupMetrics>>;
  readonly bySeverity: Readonly<Record<string, GroupMetrics>>;
}

export interface MetricsReport {
  /** Only incidents opened at or after this time, when given. */
  readonly since?: string;
  readonly real: KindMetrics;
  readonly exercises: KindMetrics;
}

export interface MetricsOptions {
  /** ISO time: incidents opened before it are left out. */
  readonly since?: string;
  /** How many steps each "most often" list keeps. Default 10. */
  readonly top?: number;
}

/** The facts one incident contributes, extracted once so grouping does not recompute them. */
interface IncidentFacts {
  readonly runbook: string;
  readonly severity: string;
  readonly closed: boolean;
  readonly times: Partial<Record<TimeMetric, number>>;
  readonly missedStages: readonly string[];
  readonly skipped: readonly { key: string; text: string }[];
  readonly na: readonly { key: string; text: string }[];
  readonly added: readonly { key: string; text: string }[];
}

export function incidentMetrics(states: readonly IncidentState[], options: MetricsOptions = {}): MetricsReport {
  const sinceMs = options.since !== undefined ? Date.parse(options.since) : undefined;
  const top = options.top ?? 10;
  const real: IncidentFacts[] = [];
  const exercises: IncidentFacts[] = [];
  for (const state of states) {
    const opened = state.opened?.at;
    if (opened === undefined) continue;
    if (sinceMs !== undefined && Date.parse(opened) < sinceMs) continue;
    (state.exercise ? exercises : real).push(factsOf(state));
  }
  return { ...(options.since !== undefined ? { since: options.since } : {}), real: kindMetrics(real, top), exercises: kindMetrics(exercises, top) };
}

function factsOf(state: IncidentState): IncidentFacts {
  const { durations } = incidentTimes(state);
  const skipped: { key: string; text: string }[] = [];
  const na: { key: string; text: string }[] = [];
  const added: { key: string; text: string }[] = [];
  const skippedIds = new Set([...state.advances.flatMap((a) => a.skipped), ...(state.closed?.uncheckedRequired ?? [])]);
  for (const step of state.steps.values()) {
    if (step.origin === 'added') added.push({ key: normaliseText(step.text), text: step.text });
    else if (step.na !== undefined) na.push({ key: step.id, text: step.text });
    if (step.origin === 'runbook' && (step.skipped !== undefined || skippedIds.has(step.id)) && !step.checked) skipped.push({ key: step.id, text: step.text });
  }
  return {
    runbook: state.runbooks[0]?.id ?? 'unknown',
    severity: state.severity,
    closed: state.status === 'closed',
    times: durations,
    missedStages: missedSlaStages(state),
    skipped, na, added,
  };
}

function kindMetrics(facts: readonly IncidentFacts[], top: number): KindMetrics {
  return {
    overall: groupMetrics(facts, top),
    byRunbook: groupBy(facts, (f) => f.runbook, top),
    bySeverity: groupBy(facts, (f) => f.severity, top),
  };
}

function groupBy(facts: readonly IncidentFacts[], keyOf: (f: IncidentFacts) => string, top: number): Record<string, GroupMetrics> {
  const groups = new Map<string, IncidentFacts[]>();
  for (const f of facts) {
    const key = keyOf(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  // A null-prototype record: runbook ids and severities are user text (`__proto__` stays a plain key).
  const out: Record<string, GroupMetrics> = Object.create(null) as Record<string, GroupMetrics>;
  for (const key of [...groups.keys()].sort()) out[key] = groupMetrics(groups.get(key)!, top);
  return out;
}

function groupMetrics(facts: readonly IncidentFacts[], top: number): GroupMetrics {
  const times = {} as Record<TimeMetric, TimeSummary>;
  for (const metric of TIME_METRICS) {
    const values = facts.map((f) => f.times[metric]).filter((v): v is number => v !== undefined);
    const medianMs = median(values);
    const p90Ms = percentile(values, 0.9);
    times[metric] = { count: values.length, ...(medianMs !== undefined ? { medianMs } : {}), ...(p90Ms !== undefined ? { p90Ms } : {}) };
  }
  const byStage = new Map<string, number>();
  for (const f of facts) for (const stage of f.missedStages) byStage.set(stage, (byStage.get(stage) ?? 0) + 1);
  const slaMissesByStage: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const stage of [...byStage.keys()].sort()) slaMissesByStage[stage] = byStage.get(stage)!;
  const closed = facts.filter((f) => f.closed).length;
  return {
    incidents: facts.length,
    open: facts.length - closed,
    closed,
    times,
    slaMisses: facts.reduce((sum, f) => sum + f.missedStages.length, 0),
    incidentsMissingSla: facts.filter((f) => f.missedStages.length > 0).length,
    slaMissesByStage,
    skipped: mostOften(facts.map((f) => f.skipped), top),
    notApplicable: mostOften(facts.map((f) => f.na), top),
    added: mostOften(facts.map((f) => f.added), top),
  };
}

/** Counts each key once per incident; most frequent first, then by key. The text shown is the first seen. */
function mostOften(perIncident: readonly (readonly { key: string; text: string }[])[], top: number): StepCount[] {
  const counts = new Map<string, { text: string; count: number }>();
  for (const items of perIncident) {
    for (const key of new Set(items.map((i) => i.key))) {
      const known = counts.get(key);
      if (known) known.count++;
      else counts.set(key, { text: items.find((i) => i.key === key)!.text, count: 1 });
    }
  }
  return [...counts]
    .map(([key, { text, count }]) => ({ key, text, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, top);
}

/** Steps added by hand match across incidents by their text, ignoring case and spacing. */
function normaliseText(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
