// Commit subject and trailers, built only from validated ids so that nothing a responder typed
// can reach the message (and so nothing can forge a trailer).
import { assertSafe, isSafeName, isSafeToken } from './names';

export interface CommitSubject {
  /** `20261128-k7f3qa` */
  readonly incidentId: string;
  /** Stage id, e.g. `containment`. */
  readonly stage: string;
  /**
   * The action: the event type then, optionally, the runbook step id, separated by one space,
   * e.g. `step.checked isolate-host`. Every word must be a safe name.
   */
  readonly action: string;
}

export interface CommitTrailers {
  /** Event ids (ULIDs) the commit records. */
  readonly events: readonly string[];
}

/** True when `action` is one to three safe-name words separated by single spaces. */
export function isSafeAction(action: string): boolean {
  const words = action.split(' ');
  return words.length >= 1 && words.length <= 3 && words.every(isSafeName);
}

/** `<incident-id>: <stage>: <action>` plus the trailers; throws a TypeError on any unsafe value. */
export function buildCommitMessage(subject: CommitSubject, trailers: CommitTrailers): string {
  assertSafe(isSafeName, subject.incidentId, 'incident id');
  assertSafe(isSafeName, subject.stage, 'stage');
  assertSafe(isSafeAction, subject.action, 'action');
  for (const id of trailers.events) assertSafe(isSafeToken, id, 'event id');
  const lines = [
    `${subject.incidentId}: ${subject.stage}: ${subject.action}`,
    '',
    `Incident: ${subject.incidentId}`,
    ...trailers.events.map((id) => `Event: ${id}`),
    `Stage: ${subject.stage}`,
    `Action: ${subject.action}`,
  ];
  return `${lines.join('\n')}\n`;
}

export interface RunbookChangeLink {
  readonly runbook: string;
  readonly incidentId: string;
  /** The runbook step the lesson is about. */
  readonly step?: string;
}

/** The message of a runbook change proposed after an incident: ids only, with the `Incident:` trailer. */
export function buildRunbookChangeMessage(link: RunbookChangeLink): string {
  assertSafe(isSafeName, link.runbook, 'runbook id');
  assertSafe(isSafeName, link.incidentId, 'incident id');
  if (link.step !== undefined) assertSafe(isSafeName, link.step, 'step id');
  const about = link.step !== undefined ? `step ${link.step}` : 'runbook';
  const lines = [
    `runbook ${link.runbook}: change ${about} after incident ${link.incidentId}`,
    '',
    `Incident: ${link.incidentId}`,
    `Runbook: ${link.runbook}`,
    ...(link.step !== undefined ? [`Step: ${link.step}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
