// SLA countdowns between two host messages: the host decides ok / warning (it knows the user's
// warning setting); the webview only notices a deadline passing while it ticks.
import type { SlaState, SlaView } from '../shared/dashboardProtocol';
import { formatCountdown, formatUtc } from './time';

export function liveSlaState(sla: SlaView, nowMs: number): SlaState {
  if (sla.state === 'met' || sla.state === 'missed') return sla.state;
  const deadline = Date.parse(sla.deadline);
  return !Number.isNaN(deadline) && nowMs >= deadline ? 'missed' : sla.state;
}

/** What the countdown shows: the time left or over, or when it was due once met. */
export function slaText(sla: SlaView, nowMs: number): string {
  if (sla.state === 'met') return `met (due ${formatUtc(sla.deadline)})`;
  return formatCountdown(sla.deadline, nowMs);
}

export const SLA_STATE_LABELS: Readonly<Record<SlaState, string>> = {
  ok: 'on track',
  warning: 'due soon',
  missed: 'missed',
  met: 'met',
};

export const SLA_STATE_ICONS: Readonly<Record<SlaState, string>> = {
  ok: 'clock',
  warning: 'warning',
  missed: 'error',
  met: 'pass',
};
