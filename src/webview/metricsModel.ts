// What each Metrics chart shows, from the host's view and the page's toggle (real incidents or
// exercises). Pure: no DOM, unit-tested in Node.
import type { MetricsIncident, MetricsView, RunbookSlaMisses } from '../shared/metricsProtocol';

/** The charts.* theme colours, in the order stages take them. */
export const SERIES_COLOURS = ['blue', 'orange', 'green', 'purple', 'yellow', 'red'] as const;
/** Stacked bars beyond this many rows stop being readable: the most recent incidents are charted, all are in the table. */
export const MAX_STAGE_ROWS = 20;

export interface StageLegendEntry {
  readonly stage: string;
  readonly title: string;
  /** Index into SERIES_COLOURS. */
  readonly series: number;
}

export interface StageRow {
  readonly id: string;
  readonly title: string;
  readonly openedAt: string;
  readonly totalMs: number;
  readonly segments: readonly { readonly stage: string; readonly title: string; readonly durationMs: number; readonly completed: boolean; readonly series: number }[];
}

export interface ContainPoint {
  readonly id: string;
  readonly title: string;
  readonly openedAt: string;
  readonly openedMs: number;
  readonly toContainMs: number;
}

export interface MetricsModel {
  readonly exercises: boolean;
  readonly counts: { readonly incidents: number; readonly open: number; readonly closed: number; readonly real: number; readonly exercises: number };
  readonly stageLegend: readonly StageLegendEntry[];
  /** Most recent last, at most MAX_STAGE_ROWS. */
  readonly stageRows: readonly StageRow[];
  /** Oldest first. */
  readonly contain: readonly ContainPoint[];
  /** Incidents of this kind not contained (yet). */
  readonly notContained: number;
  /** Most misses first, then by runbook. */
  readonly slaMisses: readonly RunbookSlaMisses[];
}

/** An incident's label: its title, and its repository in a window with several (ids and titles can repeat). */
function titleOf(incident: MetricsView['incidents'][number]): string {
  return incident.repository !== undefined ? `${incident.title} (${incident.repository})` : incident.title;
}

export function metricsModel(view: MetricsView, exercises: boolean): MetricsModel {
  const incidents = view.incidents.filter((i) => i.exercise === exercises);
  const stageLegend = legendOf(incidents);
  const seriesOf = new Map(stageLegend.map((entry) => [entry.stage, entry.series]));
  const contain = incidents.flatMap((i) => {
    const openedMs = Date.parse(i.openedAt);
    return i.toContainMs === undefined || Number.isNaN(openedMs) ? [] : [{ id: i.id, title: titleOf(i), openedAt: i.openedAt, openedMs, toContainMs: i.toContainMs }];
  });
  const closed = incidents.filter((i) => i.closed).length;
  return {
    exercises,
    counts: {
      incidents: incidents.length,
      open: incidents.length - closed,
      closed,
      real: view.incidents.filter((i) => !i.exercise).length,
      exercises: view.incidents.filter((i) => i.exercise).length,
    },
    stageLegend,
    stageRows: incidents.slice(-MAX_STAGE_ROWS).map((i) => ({
      id: i.id,
      title: titleOf(i),
      openedAt: i.openedAt,
      totalMs: i.stages.reduce((sum, s) => sum + s.durationMs, 0),
      segments: i.stages.map((s) => ({ ...s, series: seriesOf.get(s.stage)! })),
    })),
    contain: contain.sort((a, b) => a.openedMs - b.openedMs),
    notContained: incidents.length - contain.length,
    slaMisses: [...(exercises ? view.slaMisses.exercises : view.slaMisses.real)]
      .sort((a, b) => b.misses - a.misses || (a.runbook < b.runbook ? -1 : a.runbook > b.runbook ? 1 : 0)),
  };
}

/** Stages in the order they first appear, each with its colour (colours repeat past six stages). */
function legendOf(incidents: readonly MetricsIncident[]): StageLegendEntry[] {
  const legend: StageLegendEntry[] = [];
  const seen = new Set<string>();
  for (const incident of incidents) {
    for (const stage of incident.stages) {
      if (seen.has(stage.stage)) continue;
      seen.add(stage.stage);
      legend.push({ stage: stage.stage, title: stage.title, series: legend.length % SERIES_COLOURS.length });
    }
  }
  return legend;
}

/** A label that fits a chart's label column; the full text stays in the mark's title. */
export function shortLabel(text: string, max = 28): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
