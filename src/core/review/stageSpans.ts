// When each stage of an incident started and ended, from the record only (no clock), for the
// stage-duration table and the Mermaid gantt of the post-incident review.
import { stageCompletion, type IncidentState } from '../incident';

export interface StageSpan {
  readonly stage: string;
  readonly title: string;
  /** When the incident entered the stage: the opening for the first stage, else the first advance into it. */
  readonly start: string;
  /** When it was completed (milestone or advance past it), else the closing, else the latest event. */
  readonly end: string;
  /** False when the stage is not completed yet (the end is the closing or the latest event). */
  readonly completed: boolean;
  readonly durationMs: number;
}

/** The spans of the stages the incident reached, in runbook order. Stages never entered are left out. */
export function stageSpans(state: IncidentState): StageSpan[] {
  const opened = state.opened?.at;
  if (opened === undefined) return [];
  const spans: StageSpan[] = [];
  state.stages.forEach((stage, index) => {
    const start = index === 0 ? opened : state.advances.find((a) => a.to === stage.id)?.at;
    if (start === undefined) return;
    const completion = stageCompletion(state, stage.id);
    const end = completion ?? state.closed?.at ?? state.latestAt ?? start;
    // A backdated milestone may lie before the stage was entered: the span is then empty, not negative.
    const durationMs = Math.max(0, Date.parse(end) - Date.parse(start));
    spans.push({ stage: stage.id, title: stage.title, start, end: durationMs === 0 ? start : end, completed: completion !== undefined, durationMs });
  });
  return spans;
}
