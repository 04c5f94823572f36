// SLA misses per runbook: one horizontal bar per runbook, the stage deadlines its incidents missed.
import { barsHeight, countTicks, horizontalBars, linearScale, round } from '../chart/geometry';
import { chartRoot, mark, svg } from '../chart/svg';
import { empty, h } from '../dom';
import { shortLabel, type MetricsModel } from '../metricsModel';
import { verticalGrid } from './axes';
import { dataTable } from './dataTable';
import { AXIS_HEIGHT, BAR, CHART_WIDTH, LABEL_WIDTH, VALUE_WIDTH } from './layout';

export function slaChart(model: MetricsModel): HTMLElement {
  const rows = model.slaMisses;
  if (rows.length === 0) return empty('No runbook has been used yet.');
  const ticks = countTicks(Math.max(...rows.map((r) => r.misses)));
  const layout = { ...BAR, left: LABEL_WIDTH, width: CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH, max: ticks[ticks.length - 1]! };
  const bars = horizontalBars(rows.map((r) => [r.misses]), layout);
  const bottom = BAR.top + barsHeight(rows.length, BAR);
  const x = linearScale({ from: 0, to: layout.max }, { from: layout.left, to: layout.left + layout.width });
  const chart = chartRoot(CHART_WIDTH, bottom + AXIS_HEIGHT, 'SLA misses per runbook',
    verticalGrid(ticks, x, 0, bottom + 4, String),
    ...bars.map((bar, index) => {
      const row = rows[index]!;
      const segment = bar.segments[0]!;
      const middle = round(bar.y + bar.height / 2);
      const label = `${row.runbook}: ${row.misses} SLA miss(es) in ${row.incidents} incident(s)`;
      return svg('g', { class: 'bar-row' },
        svg('text', { class: 'label', x: LABEL_WIDTH - 8, y: middle, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, svg('title', {}, row.runbook), shortLabel(row.runbook)),
        // A runbook without misses still gets a (thin) focusable mark, so every row can be reached.
        mark(svg('rect', { class: row.misses > 0 ? 'miss' : 'miss none', x: round(segment.x), y: bar.y, width: round(Math.max(segment.width, 2)), height: bar.height }), label),
        svg('text', { class: 'value', x: round(segment.x + Math.max(segment.width, 2) + 6), y: middle, 'dominant-baseline': 'middle' }, `${row.misses} / ${row.incidents}`));
    }));
  return h('div', {},
    h('div', { class: 'chart-frame' }, chart),
    h('p', { class: 'hint' }, 'Stage deadlines missed / incidents, per runbook.'),
    dataTable('SLA misses per runbook', ['Runbook', 'SLA misses', 'Incidents'], rows.map((r) => [r.runbook, String(r.misses), String(r.incidents)])));
}
