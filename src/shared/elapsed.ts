// An incident's elapsed time, one way for every surface (tree, status bar, dashboard).
// Pure: used by the extension host and bundled into the webview.

/** Elapsed time of an incident: until it closed, or until now. Invalid times give undefined. */
export function elapsedMs(openedAt: string, closedAt: string | undefined, nowMs: number): number | undefined {
  const opened = Date.parse(openedAt);
  if (Number.isNaN(opened)) return undefined;
  const end = closedAt === undefined ? nowMs : Date.parse(closedAt);
  return Number.isNaN(end) ? undefined : end - opened;
}

/**
 * A clock reading: "0:05:09", past a day "1d 03:03:00". With `seconds: false` (surfaces that
 * refresh every half minute, not every second) "0:05", "1d 03:03". Negative durations count as zero.
 */
export function formatElapsed(ms: number, options: { readonly seconds?: boolean } = {}): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const hoursAndMinutes = `${days > 0 ? pad(hours) : hours}:${pad(Math.floor((total % 3_600) / 60))}`;
  const clock = options.seconds === false ? hoursAndMinutes : `${hoursAndMinutes}:${pad(total % 60)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
