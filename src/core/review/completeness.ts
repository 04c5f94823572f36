// NIST SP 800-61 §3.2.5 completeness of an incident record: which record fields are still empty,
// and which required steps are unchecked (neither done nor marked not applicable).
import { stepsInOrder, type IncidentState } from '../incident';

export const NIST_FIELDS = [
  'status', 'summary', 'indicators', 'related', 'actions', 'custody', 'impact', 'contacts', 'evidence', 'comments', 'next-steps',
] as const;
export type NistField = (typeof NIST_FIELDS)[number];

export const NIST_FIELD_LABELS: Readonly<Record<NistField, string>> = {
  status: 'Status',
  summary: 'Summary',
  indicators: 'Indicators',
  related: 'Related incidents',
  actions: 'Actions taken',
  custody: 'Chain of custody',
  impact: 'Impact',
  contacts: 'Contacts',
  evidence: 'Evidence',
  comments: 'Handler comments',
  'next-steps': 'Next steps',
};

export interface Completeness {
  /** True when nothing is missing and no required step is unchecked. */
  readonly complete: boolean;
  readonly missing: readonly { readonly field: NistField; readonly label: string }[];
  readonly uncheckedRequired: readonly { readonly step: string; readonly stage: string; readonly text: string }[];
}

// Events that are someone doing something (the opening and automatic SLA records are not).
const ACTION_TYPES = new Set(['step.checked', 'step.na', 'step.added', 'decision.recorded', 'milestone.set', 'stage.advanced', 'evidence.added', 'indicator.added', 'command.finished']);

function filled(state: IncidentState, field: NistField): boolean {
  const text = (name: 'summary' | 'impact' | 'related' | 'contacts' | 'next-steps') => (state.fields.get(name)?.value.trim() ?? '') !== '';
  switch (field) {
    case 'status': return state.opened !== undefined;
    case 'indicators': return state.indicators.some((i) => i.retracted === undefined);
    case 'actions': return state.events.some((e) => ACTION_TYPES.has(e.type));
    // Custody starts with the collector of each item: it exists exactly when evidence does.
    case 'custody':
    case 'evidence': return state.evidence.length > 0;
    case 'comments': return state.notes.length > 0;
    default: return text(field);
  }
}

export function completeness(state: IncidentState): Completeness {
  const missing = NIST_FIELDS.filter((field) => !filled(state, field)).map((field) => ({ field, label: NIST_FIELD_LABELS[field] }));
  const uncheckedRequired = stepsInOrder(state)
    .filter((step) => step.required && !step.checked && step.na === undefined)
    .map((step) => ({ step: step.id, stage: step.stage, text: step.text }));
  return { complete: missing.length === 0 && uncheckedRequired.length === 0, missing, uncheckedRequired };
}
