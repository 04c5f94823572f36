// The Metrics charts' shared frame, in SVG user units (the SVG scales to the page width).
export const CHART_WIDTH = 720;
/** Room for incident titles or runbook ids left of horizontal bars. */
export const LABEL_WIDTH = 200;
/** Room for the total right of the longest bar. */
export const VALUE_WIDTH = 64;
export const BAR = { rowHeight: 18, gap: 8, top: 8 } as const;
/** Below the plot: tick labels. */
export const AXIS_HEIGHT = 24;
