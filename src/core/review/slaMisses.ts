// Which stages missed their SLA: those with a recorded `sla.missed`, and those the record shows
// missed (completed late, or still open past the deadline) at the closing, or at the latest event
// of an open incident — never the wall clock, so the same events always give the same answer.
import { slaStatus, type IncidentState } from '../incident';

export function missedSlaStages(state: IncidentState): string[] {
  const judgedAt = new Date(state.closed?.at ?? state.latestAt ?? state.opened?.at ?? 0);
  const missed = new Set(state.slaMissed.flatMap((m) => (m.step === undefined ? [m.stage] : [])));
  for (const entry of slaStatus(state, judgedAt).entries) if (entry.status === 'missed') missed.add(entry.stage);
  return [...missed].sort();
}
