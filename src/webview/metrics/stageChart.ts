// Stage durations per incident: one horizontal bar per incident, a segment per stage.
import { barsHeight, durationTicks, horizontalBars, linearScale, round } from '../chart/geometry';
import { chartRoot, mark, svg } from '../chart/svg';
import { empty, h } from '../dom';
import { MAX_STAGE_ROWS, shortLabel, type MetricsModel } from '../metricsModel';
import { formatAxisDuration, formatDuration, formatUtc } from '../time';
import { verticalGrid } from './axes';
import { dataTable } from './dataTable';
import { AXIS_HEIGHT, BAR, CHART_WIDTH, LABEL_WIDTH, VALUE_WIDTH } from './layout';

export function stageChart(model: MetricsModel): HTMLElement {
  const rows = model.stageRows;
  if (rows.length === 0) return empty('No stage has started yet.');
  const ticks = durationTicks(Math.max(...rows.map((r) => r.totalMs)));
  const layout = { ...BAR, left: LABEL_WIDTH, width: CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH, max: ticks[ticks.length - 1]! };
  const bars = horizontalBars(rows.map((r) => r.segments.map((s) => s.durationMs)), layout);
  const bottom = BAR.top + barsHeight(rows.length, BAR);
  const x = linearScale({ from: 0, to: layout.max }, { from: layout.left, to: layout.left + layout.width });
  const chart = chartRoot(CHART_WIDTH, bottom + AXIS_HEIGHT, 'Stage durations per incident',
    verticalGrid(ticks, x, 0, bottom + 4, formatAxisDuration),
    ...bars.map((bar, index) => {
      const row = rows[index]!;
      const middle = round(bar.y + bar.height / 2);
      const end = bar.segments.length > 0 ? bar.segments[bar.segments.length - 1]! : { x: layout.left, width: 0 };
      return svg('g', { class: 'bar-row' },
        svg('text', { class: 'label', x: LABEL_WIDTH - 8, y: middle, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, svg('title', {}, row.title), shortLabel(row.title)),
        ...bar.segments.flatMap((segment, i) => {
          const stage = row.segments[i]!;
          if (segment.width <= 0) return [];
          const label = `${row.title}: ${stage.title} ${formatDuration(stage.durationMs)}${stage.completed ? '' : ' (not completed)'}`;
          return [mark(svg('rect', { class: `series-${stage.series}${stage.completed ? '' : ' open'}`, 'data-incident': row.id, x: round(segment.x), y: bar.y, width: round(segment.width), height: bar.height }), label)];
        }),
        svg('text', { class: 'value', x: round(end.x + end.width + 6), y: middle, 'dominant-baseline': 'middle' }, formatDuration(row.totalMs)));
    }));
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
