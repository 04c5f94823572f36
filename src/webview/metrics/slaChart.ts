// SLA misses per runbook: one horizontal bar per runbook, the stage deadlines its incidents missed.
import { countTicks, round } from '../chart/geometry';
import { mark, svg } from '../chart/svg';
import { empty, h } from '../dom';
import type { MetricsModel } from '../metricsModel';
import { barChart } from './barChart';
import { dataTable } from './dataTable';

export function slaChart(model: MetricsModel): HTMLElement {
  const rows = model.slaMisses;
  if (rows.length === 0) return empty('No runbook has been used yet.');
  const ticks = countTicks(Math.max(...rows.map((r) => r.misses)));
  const chart = barChart({
    label: 'SLA misses per runbook',
    ticks,
    tickLabel: String,
    rows: rows.map((r) => [r.misses]),
    row: (index, bar) => {
      const row = rows[index]!;
      const segment = bar.segments[0]!;
      const label = `${row.runbook}: ${row.misses} SLA miss(es) in ${row.incidents} incident(s)`;
      // A runbook without misses still gets a (thin) focusable mark, so every row can be reached.
      const marks = [mark(svg('rect', { class: row.misses > 0 ? 'miss' : 'miss none', x: round(segment.x), y: bar.y, width: round(Math.max(segment.width, 2)), height: bar.height }), label)];
      return { label: row.runbook, value: `${row.misses} / ${row.incidents}`, marks };
    },
  });
  return h('div', {},
    h('div', { class: 'chart-frame' }, chart),
    h('p', { class: 'hint' }, 'Stage deadlines missed / incidents, per runbook.'),
    dataTable('SLA misses per runbook', ['Runbook', 'SLA misses', 'Incidents'], rows.map((r) => [r.runbook, String(r.misses), String(r.incidents)])));
}
