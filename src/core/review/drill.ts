// The drill review: what an exercise showed about its runbook. Facts come from the record (steps
// added, skipped, not applicable, blocked, done out of order, SLA results); the questions are for
// the people who ran the drill. Pure: the same events give the same review.
import { stepsInOrder, type IncidentState, type StepState } from '../incident';
import type { PostmortemModel, ReviewStep } from './postmortem';

/** Asked in every drill review, about the runbook rather than the (simulated) incident. */
export const DRILL_REVIEW_QUESTIONS = [
  'Which steps were unclear, and how should they be worded?',
  'Which steps were missing (see the steps added during the drill)?',
  'Were any steps in the wrong order, or in the wrong stage?',
  'Which tools, access or contacts were missing or did not work (tooling gaps)?',
  'How did the time taken compare with the runbook’s SLA, and is the SLA realistic?',
  'Which steps should be changed in the library runbook (name them as `runbook-id#step-id`)?',
] as const;

export interface DrillFindings {
  /** Steps added during the drill: what the runbook is missing. */
  readonly added: readonly ReviewStep[];
  /** Required steps left unchecked when a stage was advanced or the drill closed. */
  readonly skipped: readonly ReviewStep[];
  readonly notApplicable: readonly (ReviewStep & { readonly reason: string })[];
  /** Steps that were blocked at some point (a tooling or access gap), with the reasons given. */
  readonly blocked: readonly (ReviewStep & { readonly reasons: readonly string[] })[];
  /** Runbook steps checked before a step that comes earlier in the runbook. */
  readonly outOfOrder: readonly (ReviewStep & { readonly before: string })[];
  readonly sla: readonly { readonly stage: string; readonly limit: string; readonly status: 'met' | 'missed' | 'pending' }[];
  readonly questions: readonly string[];
}

export function drillFindings(state: IncidentState, model: PostmortemModel): DrillFindings {
  const steps = stepsInOrder(state);
  const reviewStep = (s: StepState): ReviewStep => ({ step: s.id, stage: s.stage, text: s.text, origin: s.origin });
  return {
    added: model.added.map(({ step, stage, text, origin }) => ({ step, stage, text, origin })),
    skipped: model.skipped,
    notApplicable: model.notApplicable,
    blocked: blockedSteps(state, steps).map(({ step, reasons }) => ({ ...reviewStep(step), reasons })),
    outOfOrder: outOfOrder(steps).map(({ step, before }) => ({ ...reviewStep(step), before: before.id })),
    sla: model.sla.map((e) => ({ stage: e.stage, limit: e.limit, status: e.status })),
    questions: [...DRILL_REVIEW_QUESTIONS],
  };
}

function blockedSteps(state: IncidentState, steps: readonly StepState[]): { step: StepState; reasons: string[] }[] {
  const reasons = new Map<string, string[]>();
  for (const event of state.events) {
    if (event.type !== 'step.blocked') continue;
    const list = reasons.get(event.step) ?? [];
    if (event.reason !== undefined && event.reason.trim() !== '') list.push(event.reason);
    reasons.set(event.step, list);
  }
  return steps.filter((s) => reasons.has(s.id)).map((step) => ({ step, reasons: reasons.get(step.id)! }));
}

/** For each checked runbook step, the first earlier runbook step that was checked after it. */
function outOfOrder(steps: readonly StepState[]): { step: StepState; before: StepState }[] {
  const checked = steps.filter((s) => s.origin === 'runbook' && s.checked && s.checkedChange !== undefined);
  const found: { step: StepState; before: StepState }[] = [];
  checked.forEach((step, index) => {
    const before = checked.slice(0, index).find((earlier) => earlier.checkedChange!.at > step.checkedChange!.at);
    if (before) found.push({ step, before });
  });
  return found;
}
