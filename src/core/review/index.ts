// Public API of the post-incident review (issue 7): pure, no VS Code, no Git.
//
//   postmortem      `postmortemModel(state)`: the review as data (`report --json`)
//   render          `renderPostmortem(state)`: postmortem.md, deterministic
//   regenerate      `mergePostmortem(existing, fresh)`: keeps text people wrote and edited sections
//   gantt           `stageGantt(state)`: the Mermaid gantt of stage durations
//   metrics         `incidentMetrics(states, {since})`: per runbook and severity, exercises apart
//   statusUpdate    `statusUpdate(state, 'tactical' | 'executive', now)`: Markdown drafts
//   completeness    `completeness(state)`: NIST SP 800-61 §3.2.5 fields missing, required steps unchecked
//   actionItems     `actionItemLinks(postmortem.md)`: action items naming a runbook step (`runbook#step`)
//   closeWarning    `closeQuestion(completeness)`: the close confirmation's warning and list
//   drill           `drillFindings(state, model)`: what an exercise showed about its runbook (rendered in its review)
export { postmortemModel, LESSONS_LEARNED_QUESTIONS, type PostmortemModel, type ReviewStep } from './postmortem';
export { renderPostmortem, POSTMORTEM_VERSION } from './renderPostmortem';
export { mergePostmortem, type MergedPostmortem } from './regenerate';
export { stageGantt, ganttLabel } from './gantt';
export { stageSpans, type StageSpan } from './stageSpans';
export { incidentMetrics, TIME_METRICS, type MetricsReport, type MetricsOptions, type KindMetrics, type GroupMetrics, type TimeSummary, type TimeMetric, type StepCount } from './metrics';
export { median, percentile } from './stats';
export { statusUpdate, STATUS_UPDATE_KINDS, type StatusUpdateKind } from './statusUpdate';
export { drillFindings, DRILL_REVIEW_QUESTIONS, type DrillFindings } from './drill';
export { completeness, NIST_FIELDS, NIST_FIELD_LABELS, type Completeness, type NistField } from './completeness';
export { closeQuestion, type CloseQuestion } from './closeWarning';
export { actionItemLinks, type ActionItemLink } from './actionItems';
