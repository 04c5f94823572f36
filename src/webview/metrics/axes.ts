// Gridlines with tick labels, shared by the Metrics charts.
import { round } from '../chart/geometry';
import { svg } from '../chart/svg';

/** Vertical gridlines at each tick's x, labelled under the plot (the value axis of horizontal bars, or time). */
export function verticalGrid(ticks: readonly number[], xOf: (tick: number) => number, top: number, bottom: number, label: (tick: number) => string): SVGGElement {
  return svg('g', { class: 'axis', 'aria-hidden': 'true' },
    ...ticks.flatMap((tick) => {
      const x = round(xOf(tick));
      return [
        svg('line', { class: 'grid', x1: x, x2: x, y1: top, y2: bottom }),
        svg('text', { x, y: bottom + 14, 'text-anchor': 'middle' }, label(tick)),
      ];
    }));
}

/** Horizontal gridlines at each tick's y, labelled left of the plot (the value axis of a time chart). */
export function horizontalGrid(ticks: readonly number[], yOf: (tick: number) => number, left: number, right: number, label: (tick: number) => string): SVGGElement {
  return svg('g', { class: 'axis', 'aria-hidden': 'true' },
    ...ticks.flatMap((tick) => {
      const y = round(yOf(tick));
      return [
        svg('line', { class: 'grid', x1: left, x2: right, y1: y, y2: y }),
        svg('text', { x: left - 6, y, 'text-anchor': 'end', 'dominant-baseline': 'middle' }, label(tick)),
      ];
    }));
}
