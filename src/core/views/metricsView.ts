// The Metrics webview's view model (src/shared/metricsProtocol.ts) from the reduced states of every
// incident of the repository. Pure: the same states always give the same view, but for `generatedAt`.
import type { MetricsIncident, MetricsView, RunbookSlaMisses } from '../../shared/metricsProtocol';
import type { IncidentState } from '../incident/state';
import { incidentTimes } from '../incident/times';
import { incidentMetrics, type KindMetrics } from '../review/metrics';
import { missedSlaStages } from '../review/slaMisses';
import { stageSpans } from '../review/stageSpans';

export function toMetricsView(states: readonly IncidentState[], now: Date, repositoryOf?: (state: IncidentState) => string | undefined): MetricsView {
  const incidents = states.flatMap((state) => {
    if (state.opened === undefined) return [];
    const repository = repositoryOf?.(state);
    return [{ ...metricsIncident(state, state.opened.at), ...(repository !== undefined ? { repository } : {}) }];
  });
  incidents.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.id.localeCompare(b.id) || (a.repository ?? '').localeCompare(b.repository ?? ''));
  const report = incidentMetrics(states);
  return { incidents, slaMisses: { real: slaMissesByRunbook(report.real), exercises: slaMissesByRunbook(report.exercises) }, generatedAt: now.toISOString() };
}

function metricsIncident(state: IncidentState, openedAt: string): MetricsIncident {
  const toContainMs = incidentTimes(state).durations.toContain;
  return {
    id: state.id,
    title: state.title,
    runbook: state.runbooks[0]?.id ?? 'unknown',
    severity: state.severity,
    exercise: state.exercise,
    closed: state.status === 'closed',
    openedAt,
    stages: stageSpans(state).map(({ stage, title, durationMs, completed }) => ({ stage, title, durationMs, completed })),
    ...(toContainMs !== undefined && toContainMs >= 0 ? { toContainMs } : {}),
    slaMissedStages: missedSlaStages(state),
  };
}

function slaMissesByRunbook(kind: KindMetrics): RunbookSlaMisses[] {
  return Object.entries(kind.byRunbook).map(([runbook, group]) => ({ runbook, incidents: group.incidents, misses: group.slaMisses }));
}
