// Time arithmetic and formatting for the dashboard. Pure: no DOM, so it is unit-tested in Node.
// Times are shown in UTC (responders in several time zones read the same record).

const SECOND = 1000;

/** How far the host's clock is ahead of this one: add it to `Date.now()` to tick from `view.now`. */
export function clockOffset(hostNowIso: string, localNowMs: number): number {
  const host = Date.parse(hostNowIso);
  return Number.isNaN(host) ? 0 : host - localNowMs;
}

/** A compact duration: "45s", "12m 05s", "3h 07m", "2d 04h". Negative durations count as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days}d ${pad(hours)}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

/** An axis label: the two largest non-zero units, "0" for nothing: "45s", "15m", "1h 30m", "6h", "2d 12h". */
export function formatAxisDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / SECOND));
  const units: [number, string][] = [[Math.floor(total / 86_400), 'd'], [Math.floor((total % 86_400) / 3_600), 'h'], [Math.floor((total % 3_600) / 60), 'm'], [total % 60, 's']];
  const first = units.findIndex(([value]) => value > 0);
  if (first === -1) return '0';
  return units.slice(first, first + 2).filter(([value]) => value > 0).map(([value, unit]) => `${value}${unit}`).join(' ');
}

/** "12m 05s left" before the deadline, "3m 10s over" after it; the raw text for an invalid time. */
export function formatCountdown(deadlineIso: string, nowMs: number): string {
  const deadline = Date.parse(deadlineIso);
  if (Number.isNaN(deadline)) return deadlineIso;
  const remaining = deadline - nowMs;
  return remaining > 0 ? `${formatDuration(remaining)} left` : `${formatDuration(-remaining)} over`;
}

/** "2026-11-28 09:05 UTC"; text that is not a time is returned unchanged (never throws). */
export function formatUtc(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The value of an `<input type="datetime-local">` (the responder's local wall time) as ISO UTC.
 * Empty or impossible values (month 13, 25:00) give undefined.
 */
export function localInputToIso(value: string): string | undefined {
  const match = LOCAL_INPUT.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  const date = new Date(year, month - 1, day, hours, minutes, seconds, millis);
  // The Date constructor rolls over impossible parts (month 13 becomes January): reject those.
  const sameParts = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    && date.getHours() === hours && date.getMinutes() === minutes && date.getSeconds() === seconds;
  return sameParts ? date.toISOString() : undefined;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
