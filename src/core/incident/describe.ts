// One-line, Markdown-safe descriptions of events, for the "Actions taken" timeline and hand-offs.
import type { Actor, IncidentEvent } from './events';
import { formatDuration } from './format';
import { cleanControls, escapeInline } from './markdownText';

const SHORT = 160;

/** `Alice (alice@example.com)`, escaped. */
export function actorLabel(actor: Actor): string {
  return actor.email ? `${escapeInline(actor.name, 120)} (${escapeInline(actor.email, 120)})` : escapeInline(actor.name, 120);
}

const code = (id: string): string => `\`${cleanControls(id).replace(/[`\n]/g, "'").slice(0, 120)}\``;
const text = (value: string): string => escapeInline(value, SHORT);
const suffix = (label: string, value: string | undefined): string => (value !== undefined && value !== '' ? ` (${label}: ${text(value)})` : '');

export function describeEvent(event: IncidentEvent): string {
  switch (event.type) {
    case 'incident.opened':
      return `opened the incident${event.exercise ? ' as an exercise' : ''} at ${text(event.severity)} from runbook ${code(event.runbook.id)}`;
    case 'runbook.added':
      return `added runbook ${code(event.runbook.id)}`;
    case 'step.checked':
      return `checked ${code(event.step)}${suffix('note', event.note)}`;
    case 'step.unchecked':
      return `unchecked ${code(event.step)}${suffix('note', event.note)}`;
    case 'step.added':
      return `added step ${code(event.step)} to ${code(event.stage)}: ${text(event.text)}${suffix('owner', event.owner)}`;
    case 'step.claimed':
      return `${event.person !== undefined ? `gave ${code(event.step)} to ${text(event.person)}` : `claimed ${code(event.step)}`}${suffix('reason', event.reason)}`;
    case 'step.blocked':
      return `marked ${code(event.step)} blocked${suffix('reason', event.reason)}`;
    case 'step.unblocked':
      return `unblocked ${code(event.step)}${suffix('reason', event.reason)}`;
    case 'step.na':
      return `marked ${code(event.step)} not applicable${suffix('reason', event.reason)}`;
    case 'note.added':
      return `added a note: ${text(event.text)}`;
    case 'severity.changed':
      return `changed severity to ${text(event.severity)}`;
    case 'role.assigned':
      return `assigned ${text(event.role)} to ${text(event.person)}`;
    case 'stage.advanced':
      return `advanced from ${code(event.from)} to ${code(event.to)}${event.skipped.length ? `, skipping required ${event.skipped.map(code).join(', ')}` : ''}`;
    case 'milestone.set':
      return `set ${event.milestone} at ${event.time}`;
    case 'field.set':
      return `set ${event.field}: ${text(event.value)}`;
    case 'indicator.added':
      return `added indicator ${event.indicator} ${text(event.value)}`;
    case 'indicator.retracted':
      return `retracted indicator ${event.indicator} ${text(event.value)}${suffix('reason', event.reason)}`;
    case 'decision.recorded':
      return `recorded decision: ${text(event.what)} (approved by ${text(event.approvedBy)})`;
    case 'handoff':
      return `handed off from ${text(event.from)} to ${text(event.to)}`;
    case 'handoff.acknowledged':
      return 'acknowledged the hand-off';
    case 'evidence.added':
      return `added evidence ${code(event.evidence)}${event.location !== undefined ? ' (kept out of Git)' : ''}`;
    case 'evidence.transferred':
      return `transferred ${code(event.evidence)} from ${text(event.from)} to ${text(event.to)}`;
    case 'sla.missed':
      return event.step !== undefined
        ? `deadline missed: step ${code(event.step)} (deadline ${event.deadline})`
        : `SLA missed: ${code(event.stage)} at ${text(event.severity)} (deadline ${event.deadline})`;
    case 'incident.closed':
      return `closed the incident${event.uncheckedRequired.length ? ` with required steps unchecked: ${event.uncheckedRequired.map(code).join(', ')}` : ''}`;
    case 'incident.reopened':
      return `reopened the incident${suffix('reason', event.reason)}`;
    case 'command.started':
      return `started the command of ${code(event.step)} (sha256 ${event.sha256.slice(0, 12)})`;
    case 'command.finished':
      return `command of ${code(event.step)} ${event.exitCode !== null ? `exited with code ${event.exitCode}` : `was ended by ${text(event.signal ?? 'a signal')}`} after ${formatDuration(event.durationMs)}${event.evidence !== undefined ? `; output in ${code(event.evidence)}` : ''}`;
    case 'command.cancelled':
      return `cancelled the command of ${code(event.step)} after ${formatDuration(event.durationMs)}${event.evidence !== undefined ? `; output so far in ${code(event.evidence)}` : ''}`;
  }
}
