// The words the dashboard shows for protocol values. Pure: unit-tested in Node.
import type { DashboardView, FieldName, IndicatorType, MilestoneName, StepState, StepView } from '../shared/dashboardProtocol';
import { formatUtc } from './time';

export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  summary: 'Summary',
  impact: 'Impact',
  related: 'Related incidents',
  contacts: 'Contacts',
  'next-steps': 'Next steps',
  'occurred-at': 'Occurred at',
  'detected-at': 'Detected at',
};

export const FIELD_PLACEHOLDERS: Partial<Readonly<Record<FieldName, string>>> = {
  'occurred-at': 'ISO time, e.g. 2026-11-28T09:00Z',
  'detected-at': 'ISO time, e.g. 2026-11-28T09:00Z',
};

export const MILESTONE_LABELS: Readonly<Record<MilestoneName, string>> = {
  contained: 'Contained',
  eradicated: 'Eradicated',
  recovered: 'Recovered',
};

export const INDICATOR_LABELS: Readonly<Record<IndicatorType, string>> = {
  ip: 'IP address',
  domain: 'Domain',
  url: 'URL',
  hash: 'File hash',
  email: 'Email address',
  account: 'Account',
  host: 'Host',
  other: 'Other',
};

export const TLP_LEVELS: readonly string[] = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];

const STEP_STATE_WORDS: Readonly<Record<StepState, { label: string; verb: string }>> = {
  open: { label: 'open', verb: '' },
  checked: { label: 'done', verb: 'Done' },
  skipped: { label: 'skipped', verb: 'Skipped' },
  na: { label: 'not applicable', verb: 'Marked not applicable' },
  blocked: { label: 'blocked', verb: 'Blocked' },
};

export function stepStateLabel(state: StepState): string {
  return STEP_STATE_WORDS[state].label;
}

/** "Done by Ana Lima · 2026-11-28 09:05 UTC"; empty for an open step nobody touched. */
export function stepWhoWhen(step: Pick<StepView, 'state' | 'by' | 'at'>): string {
  const verb = STEP_STATE_WORDS[step.state].verb;
  if (!verb || (!step.by && !step.at)) return '';
  return [verb, step.by ? ` by ${step.by}` : '', step.at ? ` · ${formatUtc(step.at)}` : ''].join('');
}

/** The Advance button's label and the warning shown before advancing. */
export function advanceSummary(advance: DashboardView['advance']): { label: string; warning?: string } {
  const label = advance.nextStageTitle ? `Advance to ${advance.nextStageTitle}` : 'Advance';
  const count = advance.skippedRequired.length;
  if (count === 0) return { label };
  const noun = count === 1 ? 'required step' : 'required steps';
  return { label, warning: `${count} ${noun} will be recorded as skipped` };
}

/** The steps Advance would skip, by text: the protocol's strings may be step ids or texts. */
export function skippedStepTexts(view: Pick<DashboardView, 'advance' | 'stages'>): string[] {
  const textById = new Map(view.stages.flatMap((stage) => stage.steps.map((step) => [step.id, step.text] as const)));
  return view.advance.skippedRequired.map((entry) => textById.get(entry) ?? entry);
}
