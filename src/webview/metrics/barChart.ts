// The frame both horizontal bar charts share: bars laid out on the scale the ticks end at,
// gridlines with tick labels, a label left of each row and the row's value right of its bar.
import { barsHeight, horizontalBars, linearScale, round, type BarLayout, type BarRow } from '../chart/geometry';
import { chartRoot, svg } from '../chart/svg';
import { shortLabel } from '../metricsModel';
import { verticalGrid } from './axes';
import { AXIS_HEIGHT, BAR, CHART_WIDTH, LABEL_WIDTH, VALUE_WIDTH } from './layout';

export interface BarChartSpec {
  readonly label: string;
  readonly ticks: readonly number[];
  readonly tickLabel: (tick: number) => string;
  /** One entry per row: its stacked values. */
  readonly rows: readonly (readonly number[])[];
  /** The row's label (full text in its tooltip), its value text and its marks. */
  readonly row: (index: number, bar: BarRow) => { label: string; value: string; marks: SVGElement[] };
}

export function barChart(spec: BarChartSpec): SVGSVGElement {
  const layout: BarLayout = { ...BAR, left: LABEL_WIDTH, width: CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH, max: spec.ticks[spec.ticks.length - 1]! };
  const bottom = BAR.top + barsHeight(spec.rows.length, BAR);
  const x = linearScale({ from: 0, to: layout.max }, { from: layout.left, to: layout.left + layout.width });
  return chartRoot(CHART_WIDTH, bottom + AXIS_HEIGHT, spec.label,
    verticalGrid(spec.ticks, x, 0, bottom + 4, spec.tickLabel),
    ...horizontalBars(spec.rows, layout).map((bar, index) => {
      const { label, value, marks } = spec.row(index, bar);
      const middle = round(bar.y + bar.height / 2);
      const end = Math.max(layout.left, ...marks.map((m) => Number(m.getAttribute('x') ?? 0) + Number(m.getAttribute('width') ?? 0)));
      return svg('g', { class: 'bar-row' },
        svg('text', { class: 'label', x: LABEL_WIDTH - 8, y: middle, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, svg('title', {}, label), shortLabel(label)),
        ...marks,
        svg('text', { class: 'value', x: round(end + 6), y: middle, 'dominant-baseline': 'middle' }, value));
    }));
}
