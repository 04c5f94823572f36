// Time to contain over time: one point per contained incident at its opening date, joined in order.
import { durationTicks, linePath, linearScale, plotPoints, round, timeTicks } from '../chart/geometry';
import { chartRoot, mark, svg } from '../chart/svg';
import { empty, h } from '../dom';
import type { MetricsModel } from '../metricsModel';
import { formatAxisDuration, formatDuration, formatUtc } from '../time';
import { horizontalGrid, verticalGrid } from './axes';
import { dataTable } from './dataTable';
import { AXIS_HEIGHT, CHART_WIDTH } from './layout';

const AREA = { left: 72, top: 10, width: CHART_WIDTH - 72 - 40, height: 180 } as const;
const TWO_DAYS = 2 * 86_400_000;

export function containChart(model: MetricsModel): HTMLElement {
  const points = model.contain;
  const notContained = model.notContained > 0 ? h('p', { class: 'hint' }, `${model.notContained} incident(s) not contained yet.`) : null;
  if (points.length === 0) return h('div', {}, empty('No incident has completed containment yet.'), notContained);
  const ticks = durationTicks(Math.max(...points.map((p) => p.toContainMs)));
  const max = ticks[ticks.length - 1]!;
  const time = { from: points[0]!.openedMs, to: points[points.length - 1]!.openedMs };
  const placed = plotPoints(points.map((p) => ({ at: p.openedMs, value: p.toContainMs })), AREA, time, max);
  const bottom = AREA.top + AREA.height;
  const y = linearScale({ from: 0, to: max }, { from: bottom, to: AREA.top });
  const x = linearScale(time, { from: AREA.left, to: AREA.left + AREA.width });
  const dateLabel = (ms: number) => {
    const text = formatUtc(new Date(ms).toISOString());
    return time.to - time.from >= TWO_DAYS ? text.slice(0, 10) : text.slice(5, 16);
  };
  const chart = chartRoot(CHART_WIDTH, bottom + AXIS_HEIGHT, 'Time to contain by incident opening date',
    horizontalGrid(ticks, y, AREA.left, AREA.left + AREA.width, formatAxisDuration),
    time.to > time.from ? verticalGrid(timeTicks(time.from, time.to), x, bottom, bottom + 4, dateLabel) : verticalGrid([time.from], () => placed[0]!.x, bottom, bottom + 4, dateLabel),
    points.length > 1 ? svg('path', { class: 'line', d: linePath(placed) }) : null,
    ...placed.map((p, i) => {
      const point = points[i]!;
      return mark(svg('circle', { class: 'point', 'data-incident': point.id, cx: round(p.x), cy: round(p.y), r: 4 }),
        `${point.title}, opened ${formatUtc(point.openedAt)}: contained in ${formatDuration(point.toContainMs)}`);
    }));
  return h('div', {},
    h('div', { class: 'chart-frame' }, chart),
    notContained,
    dataTable('Time to contain by incident', ['Incident', 'Opened', 'Time to contain'],
      points.map((p) => [p.title, formatUtc(p.openedAt), formatDuration(p.toContainMs)])));
}
