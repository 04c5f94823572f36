// Stage durations per incident: one horizontal bar per incident, a segment per stage.
import { durationTicks, round } from '../chart/geometry';
import { mark, svg } from '../chart/svg';
import { empty, h } from '../dom';
import { MAX_STAGE_ROWS, type MetricsModel } from '../metricsModel';
import { formatAxisDuration, formatDuration, formatUtc } from '../time';
import { barChart } from './barChart';
import { dataTable } from './dataTable';

export function stageChart(model: MetricsModel): HTMLElement {
  const rows = model.stageRows;
  if (rows.length === 0) return empty('No stage has started yet.');
  const ticks = durationTicks(Math.max(...rows.map((r) => r.totalMs)));
  const chart = barChart({
    label: 'Stage durations per incident',
    ticks,
    tickLabel: formatAxisDuration,
    rows: rows.map((r) => r.segments.map((s) => s.durationMs)),
    row: (index, bar) => {
      const row = rows[index]!;
      const marks = bar.segments.flatMap((segment, i) => {
        const stage = row.segments[i]!;
        if (segment.width <= 0) return [];
        const label = `${row.title}: ${stage.title} ${formatDuration(stage.durationMs)}${stage.completed ? '' : ' (not completed)'}`;
        return [mark(svg('rect', { class: `series-${stage.series}${stage.completed ? '' : ' open'}`, 'data-incident': row.id, x: round(segment.x), y: bar.y, width: round(segment.width), height: bar.height }), label)];
      });
      return { label: row.title, value: formatDuration(row.totalMs), marks };
    },
  });
  return h('div', {},
    legend(model),
    h('div', { class: 'chart-frame' }, chart),
    model.counts.incidents > MAX_STAGE_ROWS ? h('p', { class: 'hint' }, `The ${MAX_STAGE_ROWS} most recent of ${model.counts.incidents} incidents.`) : null,
    dataTable('Stage durations per incident', ['Incident', 'Opened', ...model.stageLegend.map((s) => s.title), 'Total'],
      rows.map((row) => [row.title, formatUtc(row.openedAt),
        ...model.stageLegend.map((s) => {
          const segment = row.segments.find((seg) => seg.stage === s.stage);
          return segment ? `${formatDuration(segment.durationMs)}${segment.completed ? '' : ' (open)'}` : '—';
        }),
        formatDuration(row.totalMs)])));
}

function legend(model: MetricsModel): HTMLElement {
  return h('ul', { class: 'legend', 'aria-label': 'Stages' },
    ...model.stageLegend.map((entry) => h('li', {}, h('span', { class: `swatch series-${entry.series}`, 'aria-hidden': 'true' }), entry.title)));
}
