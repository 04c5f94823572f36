// The post-incident review: a model built from the record alone (no clock, so the same events
// always give the same review), for `report --json`, and its Markdown rendering for postmortem.md.
import {
  commanderOf, describeEvent, incidentTimes, slaStatus, stepsInOrder,
  type Actor, type IncidentState, type IncidentTimes, type IndicatorType, type SlaEntry, type Tlp,
} from '../incident';
import { parseDurationMinutes } from '../runbook/duration';
import { stageSpans, type StageSpan } from './stageSpans';

/** NIST SP 800-61's lessons-learned questions, asked in every review. */
export const LESSONS_LEARNED_QUESTIONS = [
  'Exactly what happened, and at what times?',
  'How well did staff and management perform in dealing with the incident?',
  'Were the documented procedures followed? Were they adequate?',
  'What information was needed sooner?',
  'Were any steps or actions taken that might have inhibited the recovery?',
  'What would the staff and management do differently the next time a similar incident occurs?',
  'How could information sharing with other organizations have been improved?',
  'What corrective actions can prevent similar incidents in the future?',
  'What precursors or indicators should be watched for in the future to detect similar incidents?',
] as const;

export interface ReviewStep {
  readonly step: string;
  readonly stage: string;
  readonly text: string;
  readonly origin: 'runbook' | 'added';
}

export interface PostmortemModel {
  readonly incident: string;
  readonly title: string;
  readonly exercise: boolean;
  readonly status: 'open' | 'closed';
  readonly severity: string;
  readonly runbooks: readonly { readonly id: string; readonly version: number | null }[];
  readonly summary?: string;
  readonly impact?: string;
  readonly severityHistory: readonly { readonly at: string; readonly severity: string; readonly actor: Actor }[];
  readonly roles: readonly { readonly role: string; readonly person: string }[];
  readonly times: IncidentTimes;
  /** Deadlines at the final severity, judged at the closing (or the latest event of an open incident). */
  readonly sla: readonly SlaEntry[];
  readonly stages: readonly StageSpan[];
  /** Who did what and when; `description` is Markdown (escaped). */
  readonly timeline: readonly { readonly at: string; readonly actor: Actor; readonly type: string; readonly description: string }[];
  readonly evidence: readonly {
    readonly evidence: string; readonly name: string; readonly sha256: string; readonly size: number; readonly collectedAt: string;
    readonly collectedBy: Actor; readonly holder: string; readonly location?: string;
    readonly custody: readonly { readonly at: string; readonly from: string; readonly to: string }[];
  }[];
  /** Required steps left unchecked when a stage was advanced or the incident closed. */
  readonly skipped: readonly ReviewStep[];
  readonly notApplicable: readonly (ReviewStep & { readonly reason: string })[];
  /** Steps added during the incident (what the runbook is missing). */
  readonly added: readonly (ReviewStep & { readonly by: Actor; readonly at: string })[];
  /** Steps with a deadline (relative to detection) checked after it, or still unchecked past it. */
  readonly late: readonly (ReviewStep & { readonly deadline: string; readonly due: string; readonly checkedAt?: string })[];
  readonly decisions: readonly { readonly at: string; readonly what: string; readonly approvedBy: string; readonly why?: string }[];
  readonly indicators: readonly {
    readonly indicator: IndicatorType; readonly value: string; readonly firstSeen?: string; readonly source?: string; readonly tlp?: Tlp; readonly retracted: boolean;
  }[];
  readonly handoffs: readonly { readonly at: string; readonly from: string; readonly to: string; readonly summary?: string; readonly acknowledgedAt?: string }[];
  readonly lessonsLearned: readonly string[];
}

export function postmortemModel(state: IncidentState): PostmortemModel {
  const times = incidentTimes(state);
  const judgedAt = new Date(state.closed?.at ?? state.latestAt ?? state.opened?.at ?? 0);
  const steps = stepsInOrder(state);
  const reviewStep = (s: (typeof steps)[number]): ReviewStep => ({ step: s.id, stage: s.stage, text: s.text, origin: s.origin });
  const skippedIds = new Set([...state.advances.flatMap((a) => a.skipped), ...(state.closed?.uncheckedRequired ?? [])]);
  const opening = state.opened ? [{ at: state.opened.at, severity: openingSeverity(state), actor: state.opened.actor }] : [];
  const summary = state.fields.get('summary')?.value;
  const impact = state.fields.get('impact')?.value;
  const roles = [...state.roles].map(([role, held]) => ({ role, person: held.person })).sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
  if (!state.roles.has('commander')) {
    const commander = commanderOf(state);
    if (commander !== undefined) roles.unshift({ role: 'commander', person: commander });
  }
  return {
    incident: state.id,
    title: state.title,
    exercise: state.exercise,
    status: state.status,
    severity: state.severity,
    runbooks: state.runbooks.map((r) => ({ id: r.id, version: r.version })),
    ...(summary !== undefined ? { summary } : {}),
    ...(impact !== undefined ? { impact } : {}),
    severityHistory: [...opening, ...state.severityChanges.map((c) => ({ at: c.at, severity: c.severity, actor: c.actor }))],
    roles,
    times,
    sla: slaStatus(state, judgedAt).entries,
    stages: stageSpans(state),
    timeline: state.events.map((e) => ({ at: e.at, actor: e.actor, type: e.type, description: describeEvent(e) })),
    evidence: state.evidence.map((e) => ({
      evidence: e.evidence, name: e.name, sha256: e.sha256, size: e.size, collectedAt: e.at, collectedBy: e.actor, holder: e.holder,
      ...(e.location !== undefined ? { location: e.location } : {}),
      custody: e.custody.map((c) => ({ at: c.at, from: c.from, to: c.to })),
    })),
    skipped: steps.filter((s) => !s.checked && (s.skipped !== undefined || skippedIds.has(s.id))).map(reviewStep),
    notApplicable: steps.filter((s) => s.na !== undefined).map((s) => ({ ...reviewStep(s), reason: s.na!.reason })),
    added: steps.filter((s) => s.origin === 'added' && s.addedBy !== undefined).map((s) => ({ ...reviewStep(s), by: s.addedBy!.actor, at: s.addedBy!.at })),
    late: lateSteps(steps, times.detected, judgedAt, reviewStep),
    decisions: state.decisions.map((d) => ({ at: d.at, what: d.what, approvedBy: d.approvedBy, ...(d.why !== undefined ? { why: d.why } : {}) })),
    indicators: state.indicators.map((i) => ({
      indicator: i.indicator, value: i.value,
      ...(i.firstSeen !== undefined ? { firstSeen: i.firstSeen } : {}), ...(i.source !== undefined ? { source: i.source } : {}), ...(i.tlp !== undefined ? { tlp: i.tlp } : {}),
      retracted: i.retracted !== undefined,
    })),
    handoffs: state.handoffs.map((h) => ({
      at: h.at, from: h.from, to: h.to, ...(h.summary !== undefined ? { summary: h.summary } : {}), ...(h.acknowledged ? { acknowledgedAt: h.acknowledged.at } : {}),
    })),
    lessonsLearned: [...LESSONS_LEARNED_QUESTIONS],
  };
}

/** The severity the incident was opened at: the opening event's, before any change. */
function openingSeverity(state: IncidentState): string {
  const opening = state.events.find((e) => e.type === 'incident.opened');
  return opening?.type === 'incident.opened' ? opening.severity : state.severity;
}

function lateSteps<S extends { deadline?: string; checked: boolean; checkedChange?: { at: string }; na?: unknown }>(
  steps: readonly S[], detected: string | undefined, judgedAt: Date, reviewStep: (s: S) => ReviewStep,
): PostmortemModel['late'] {
  if (detected === undefined) return [];
  const late: (ReviewStep & { deadline: string; due: string; checkedAt?: string })[] = [];
  for (const step of steps) {
    const minutes = step.deadline !== undefined ? parseDurationMinutes(step.deadline) : undefined;
    if (minutes === undefined || step.na !== undefined) continue;
    const dueMs = Date.parse(detected) + minutes * 60_000;
    const due = new Date(dueMs).toISOString();
    const checkedAt = step.checked ? step.checkedChange?.at : undefined;
    const isLate = checkedAt !== undefined ? Date.parse(checkedAt) > dueMs : judgedAt.getTime() > dueMs;
    if (isLate) late.push({ ...reviewStep(step), deadline: step.deadline!, due, ...(checkedAt !== undefined ? { checkedAt } : {}) });
  }
  return late;
}
