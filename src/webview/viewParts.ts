// The dashboard is built from parts; each part is rebuilt only when what it shows changes, so a
// state update touches a few sections instead of the whole page (layout cost grows with the
// page: a long timeline must not slow down ticking a checkbox). Pure: unit-tested in Node.
import type { DashboardView } from '../shared/dashboardProtocol';
import type { UiState } from './render/context';

export type PartKey =
  | 'banners' | 'header' | 'stepper' | 'checklists' | 'notes' | 'fields' | 'indicators' | 'decisions'
  | 'sla' | 'people' | 'milestones' | 'timeline' | 'evidence' | 'review';

export interface PartState {
  readonly view: DashboardView;
  readonly ui: Readonly<UiState>;
  readonly error: string | undefined;
}

/** What each part shows. Clock-driven texts are excluded: the tick repaints those. */
const PART_INPUTS: Readonly<Record<PartKey, (state: PartState) => unknown>> = {
  banners: ({ view, error }) => [view.incident.exercise, view.pendingHandoff, error],
  header: ({ view, ui }) => [view.incident, view.severities, view.advance, view.lastSync, ui.confirmingAdvance,
    view.advance.skippedRequired.length ? view.stages : null],
  stepper: ({ view }) => view.stages.map((s) => [s.id, s.title, s.state, s.done, s.total]),
  checklists: ({ view, ui }) => [view.stages, ui.stepPrompt],
  notes: () => null,
  fields: ({ view, ui }) => [view.fields, ui.editingField],
  indicators: ({ view }) => view.indicators,
  decisions: ({ view }) => view.decisions,
  sla: ({ view }) => view.sla,
  people: ({ view }) => [view.roles, view.escalation],
  milestones: ({ view }) => view.milestones,
  timeline: ({ view, ui }) => [view.timeline, ui.showFullTimeline === true],
  evidence: ({ view }) => view.evidence,
  review: () => null,
};

export const PART_KEYS = Object.keys(PART_INPUTS) as PartKey[];

export type PartSignatures = ReadonlyMap<PartKey, string>;

/** One comparable string per part; Restricted Mode and closing change every part (controls are disabled). */
export function partSignatures(state: PartState): PartSignatures {
  const { canRecord, incident } = state.view;
  return new Map(PART_KEYS.map((key) => [key, JSON.stringify([canRecord, incident.status, PART_INPUTS[key](state)])]));
}

/** Parts whose every recording control is refused on a closed incident (steps, roles, milestones). */
export const READ_ONLY_WHEN_CLOSED: ReadonlySet<PartKey> = new Set(['checklists', 'people', 'milestones']);

/** The parts to rebuild: all of them the first time, then only those whose signature changed. */
export function changedParts(previous: PartSignatures | undefined, next: PartSignatures): PartKey[] {
  return PART_KEYS.filter((key) => previous?.get(key) !== next.get(key));
}
