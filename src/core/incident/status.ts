// The JSON view of an incident (`firebreak status --json`, the dashboard): state with its Maps as
// plain objects and arrays, the times, the SLA at a given clock, and step counts.
import { commanderOf, stepsInOrder } from './reduce';
import type { IncidentState, StepState } from './state';
import { incidentTimes, slaStatus, stepDeadlines, type IncidentTimes, type SlaEntry, type StepDeadline } from './times';

export interface IncidentStatus {
  readonly id: string;
  readonly title: string;
  readonly severity: string;
  readonly status: 'open' | 'closed';
  readonly stage: string;
  readonly exercise: boolean;
  readonly commander?: string;
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly closedByCommander?: boolean;
  readonly steps: { readonly total: number; readonly checked: number; readonly na: number; readonly blocked: number; readonly requiredOpen: number };
  readonly times: IncidentTimes;
  readonly sla: readonly SlaEntry[];
  /** Steps with their own deadline (a regulator's clock), judged at the given clock. */
  readonly deadlines: readonly StepDeadline[];
  readonly stages: readonly { readonly id: string; readonly title: string; readonly steps: readonly StepState[] }[];
  readonly roles: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, string>>;
  readonly indicators: number;
  readonly evidence: number;
  readonly notes: number;
  readonly lastEventAt?: string;
}

export function incidentStatus(state: IncidentState, now: Date): IncidentStatus {
  const steps = stepsInOrder(state);
  const commander = commanderOf(state);
  return {
    id: state.id,
    title: state.title,
    severity: state.severity,
    status: state.status,
    stage: state.stage,
    exercise: state.exercise,
    ...(commander !== undefined ? { commander } : {}),
    ...(state.opened ? { openedAt: state.opened.at } : {}),
    ...(state.closed ? { closedAt: state.closed.at, closedByCommander: state.closed.byCommander } : {}),
    steps: {
      total: steps.length,
      checked: steps.filter((s) => s.checked).length,
      na: steps.filter((s) => s.na && !s.checked).length,
      blocked: steps.filter((s) => s.blocked).length,
      requiredOpen: steps.filter((s) => s.required && !s.checked && !s.na).length,
    },
    times: incidentTimes(state),
    sla: slaStatus(state, now).entries,
    deadlines: stepDeadlines(state, now),
    stages: state.stages.map((stage) => ({ id: stage.id, title: stage.title, steps: stage.steps.map((id) => state.steps.get(id)!) })),
    roles: Object.fromEntries([...state.roles].map(([role, held]) => [role, held.person])),
    fields: Object.fromEntries([...state.fields].map(([field, set]) => [field, set.value])),
    indicators: state.indicators.filter((i) => !i.retracted).length,
    evidence: state.evidence.length,
    notes: state.notes.length,
    ...(state.latestAt !== undefined ? { lastEventAt: state.latestAt } : {}),
  };
}
