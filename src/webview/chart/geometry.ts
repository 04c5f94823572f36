// Chart geometry for the Metrics webview: scales, ticks and bar layouts as plain numbers.
// Pure (no DOM), so known inputs give known coordinates in the unit tests.

export interface Range {
  readonly from: number;
  readonly to: number;
}

/** Maps the domain onto the range linearly; an empty domain maps everything to the range's start. */
export function linearScale(domain: Range, range: Range): (value: number) => number {
  const span = domain.to - domain.from;
  if (span === 0) return () => range.from;
  const factor = (range.to - range.from) / span;
  return (value) => range.from + (value - domain.from) * factor;
}

/** Round steps for counts: 1, 2, 5, 10, 20, 50… */
function niceCountStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** Whole-number ticks from 0 to a round top ≥ max, about `count` intervals (at least 1, never fractional). */
export function countTicks(max: number, count = 4): number[] {
  const step = Math.max(1, niceCountStep(Math.max(max, 1) / count));
  const top = Math.max(step, Math.ceil(max / step) * step);
  return ticksTo(top, step);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Steps a responder reads at a glance. */
const DURATION_STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY];

/** Duration ticks (ms) from 0 to a round top ≥ maxMs: the finest readable step giving at most `count` intervals. */
export function durationTicks(maxMs: number, count = 5): number[] {
  const step = DURATION_STEPS.find((s) => Math.ceil(maxMs / s) <= count) ?? Math.ceil(maxMs / count / (30 * DAY)) * 30 * DAY;
  const top = Math.max(step, Math.ceil(maxMs / step) * step);
  return ticksTo(top, step);
}

function ticksTo(top: number, step: number): number[] {
  const ticks: number[] = [];
  for (let i = 0; i * step <= top; i++) ticks.push(i * step);
  return ticks;
}

/** `count` + 1 evenly spaced times from `from` to `to` (one tick when they are equal). */
export function timeTicks(from: number, to: number, count = 4): number[] {
  if (to <= from) return [from];
  return Array.from({ length: count + 1 }, (_, i) => from + ((to - from) * i) / count);
}

export interface BarLayout {
  /** Where bars start (after the label column) and how wide the full scale is. */
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly rowHeight: number;
  readonly gap: number;
  /** The value at the right end of the scale. */
  readonly max: number;
}

export interface BarSegment {
  readonly x: number;
  readonly width: number;
  readonly value: number;
}

export interface BarRow {
  readonly y: number;
  readonly height: number;
  readonly segments: readonly BarSegment[];
}

/**
 * Horizontal bars, one row per entry, each made of stacked segments (a single bar has one segment).
 * Negative values count as zero; rows follow one another from `top`.
 */
export function horizontalBars(rows: readonly (readonly number[])[], layout: BarLayout): BarRow[] {
  const scale = linearScale({ from: 0, to: layout.max }, { from: 0, to: layout.width });
  return rows.map((values, index) => {
    let offset = 0;
    const segments = values.map((raw) => {
      const value = Math.max(0, raw);
      const segment = { x: layout.left + scale(offset), width: scale(value), value };
      offset += value;
      return segment;
    });
    return { y: layout.top + index * (layout.rowHeight + layout.gap), height: layout.rowHeight, segments };
  });
}

/** The height a chart of `rows` bars needs between its top and its axis. */
export function barsHeight(rows: number, layout: Pick<BarLayout, 'rowHeight' | 'gap'>): number {
  return rows === 0 ? 0 : rows * layout.rowHeight + (rows - 1) * layout.gap;
}

export interface PlotArea {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Places (time, value) points in the plot area: time left to right, value bottom (0) to top (maxValue). */
export function plotPoints(values: readonly { readonly at: number; readonly value: number }[], area: PlotArea, time: Range, maxValue: number): Point[] {
  const x = time.to > time.from
    ? linearScale(time, { from: area.left, to: area.left + area.width })
    : () => area.left + area.width / 2;
  const y = linearScale({ from: 0, to: maxValue }, { from: area.top + area.height, to: area.top });
  return values.map((v) => ({ x: x(v.at), y: y(v.value) }));
}

/** An SVG path through the points in order ("M x y L x y …"), empty for no points. */
export function linePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${round(p.x)} ${round(p.y)}`).join(' ');
}

/** Two decimals are plenty for screen coordinates and keep the SVG text short. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
