// One line per event for timelines: what happened, in words a responder reads at a glance.
// Names steps by their text, never by raw ids alone.
import type { IncidentEvent } from '../incident/events';
import type { IncidentState } from '../incident/state';

export function describeEvent(event: IncidentEvent, state: IncidentState): string {
  const step = (id: string) => `“${state.steps.get(id)?.text ?? id}”`;
  switch (event.type) {
    case 'incident.opened': return `Opened “${event.title}” at ${event.severity}${event.exercise ? ' (exercise)' : ''} from runbook ${event.runbook.id}`;
    case 'step.checked': return `Checked ${step(event.step)}${event.note ? ` — ${event.note}` : ''}`;
    case 'step.unchecked': return `Unchecked ${step(event.step)}${event.note ? ` — ${event.note}` : ''}`;
    case 'step.added': return `Added step “${event.text}” to ${event.stage}`;
    case 'step.claimed': return `${event.person ?? event.actor.name} claimed ${step(event.step)}`;
    case 'step.blocked': return `Blocked ${step(event.step)}${event.reason ? `: ${event.reason}` : ''}`;
    case 'step.unblocked': return `Unblocked ${step(event.step)}`;
    case 'step.na': return `Marked ${step(event.step)} not applicable: ${event.reason}`;
    case 'note.added': return `Note: ${event.text}`;
    case 'severity.changed': return `Severity changed to ${event.severity}`;
    case 'role.assigned': return `${event.person} is ${event.role}`;
    case 'stage.advanced': return `Advanced from ${event.from} to ${event.to}${event.skipped.length ? ` (${event.skipped.length} required step(s) skipped)` : ''}`;
    case 'milestone.set': return `Milestone ${event.milestone} at ${event.time}`;
    case 'field.set': return `Set ${event.field}`;
    case 'indicator.added': return `Indicator ${event.indicator} ${event.value}`;
    case 'indicator.retracted': return `Retracted indicator ${event.indicator} ${event.value}`;
    case 'decision.recorded': return `Decision: ${event.what} (approved by ${event.approvedBy})`;
    case 'handoff': return `Hand-off from ${event.from} to ${event.to}`;
    case 'handoff.acknowledged': return 'Hand-off acknowledged';
    case 'evidence.added': return `Evidence ${event.name} (${event.sha256.slice(0, 12)}…)`;
    case 'evidence.transferred': return `Evidence ${event.evidence} handed from ${event.from} to ${event.to}`;
    case 'sla.missed': return event.step !== undefined
      ? `Deadline missed: step ${event.step} (deadline ${event.deadline})`
      : `SLA missed: ${event.stage} at ${event.severity} (deadline ${event.deadline})`;
    case 'incident.closed': return `Closed${event.uncheckedRequired.length ? ` with ${event.uncheckedRequired.length} required step(s) unchecked` : ''}`;
    case 'incident.reopened': return `Reopened${event.reason ? `: ${event.reason}` : ''}`;
    case 'runbook.added': return `Runbook ${event.runbook.id} joined`;
    case 'command.started': return `Started the command of ${step(event.step)}`;
    case 'command.finished': return `Command of ${step(event.step)} ${event.exitCode !== null ? `exited with code ${event.exitCode}` : `ended by ${event.signal ?? 'a signal'}`}`;
    case 'command.cancelled': return `Cancelled the command of ${step(event.step)}`;
  }
}
