// Public API of the incident model (PRODUCT.md §3): pure, no VS Code, no Git.
//
//   events        event types and their data; `stampEvent` adds the envelope to a draft
//   eventLog      `parseEventLog(text)` (never throws; line-numbered errors), `serializeEvent(e)`
//   ids           `newIncidentId(now)`, `newEventId(now)` (ULID), `isSafeName(s)`
//   clock         `stampAfter(latestSeenAt, now)`: the hybrid logical clock
//   snapshot      `snapshotRunbook(runbook)`: what the opening event keeps of the runbook
//   reduce        `reduceIncident(events)`: (at, id) order, last wins per field, duplicate ids once
//   times         `incidentTimes(state)`, `slaStatus(state, now)`
//   render        `renderIncidentMarkdown(state | events)`: deterministic incident.md
//   reconcile     `reconcileIncidentMarkdown(edited, state, actor)`: hand edits → event drafts
//   handoff       `handoffSummary(state)`, `formatHandoffSummary(summary)`
//   actions       `buildAction(state, request, {actor, now})` and friends → {draft, stage, action, warnings}; ActionError
//   verify        `verifyIncidentFiles(files)`, `verifyAgainstBase(files)` → problems
//   status        `incidentStatus(state, now)`: the JSON view for `status --json`
export * from './events';
export { parseEventLog, serializeEvent, eventProblem, type EventLogError, type ParsedEventLog } from './eventLog';
export { newIncidentId, newEventId, isSafeName, isIncidentId, isEventId, type RandomSource } from './ids';
export { stampAfter, isIsoUtcMs, normaliseTime } from './clock';
export { snapshotRunbook, type RunbookSnapshot, type SnapshotStage, type SnapshotStep } from './snapshot';
export type * from './state';
export { reduceIncident, orderEvents, stepsInOrder, commanderOf } from './reduce';
export { incidentTimes, missedDeadlinesToRecord, slaMissKey, slaStatus, slaLimits, stageCompletion, stepDeadlines, type IncidentTimes, type SlaEntry, type SlaStatus, type StepDeadline } from './times';
export { renderIncidentMarkdown, RENDERER_VERSION } from './render';
export { reconcileIncidentMarkdown } from './reconcile';
export { handoffSummary, formatHandoffSummary, type HandoffSummary, type HandoffStep } from './handoff';
export {
  buildAction, buildOpening, buildRunbookAdded, buildEvidenceAdded, buildSlaMissed, evidenceIdFor, ActionError,
  type ActionErrorCode, type BuiltAction, type IncidentAction, type ActionContext, type OpeningInput, type EvidenceInput,
} from './actions';
export { verifyIncidentFiles, verifyAgainstBase, sha256Hex, MAX_PROBLEMS, type IncidentFiles, type BaseFiles, type IncidentFileProblem } from './verify';
export { describeEvent } from './describe';
export { indicatorKey } from './indicators';
export { isSamePerson, CANONICAL_STAGE_TITLES } from './stages';
export { incidentStatus, type IncidentStatus } from './status';
