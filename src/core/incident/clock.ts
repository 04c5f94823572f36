// The hybrid logical clock of PRODUCT.md §3: a writer never stamps an event earlier than the
// latest event it has seen, so a machine with a slow clock cannot undo what it has already seen.

/** ISO-8601 UTC with milliseconds: `2026-11-28T10:15:00.000Z`. */
export const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isIsoUtcMs(value: unknown): value is string {
  return typeof value === 'string' && ISO_UTC_MS.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * The `at` for a new event: `now` when it is later than `latestSeenAt`, otherwise one millisecond
 * after it (ties included). An absent or unreadable `latestSeenAt` is ignored.
 */
export function stampAfter(latestSeenAt: string | undefined, now: Date): string {
  const nowMs = Math.floor(now.getTime());
  const seenMs = latestSeenAt !== undefined && isIsoUtcMs(latestSeenAt) ? Date.parse(latestSeenAt) : Number.NEGATIVE_INFINITY;
  return new Date(nowMs > seenMs ? nowMs : seenMs + 1).toISOString();
}

/** Parses a user-given time (ISO-8601 with a zone, or a date) to ISO UTC ms; undefined when it is not one. */
export function normaliseTime(text: string): string | undefined {
  const trimmed = text.trim();
  // Require an explicit zone (or a bare date, read as UTC) so the result never depends on the machine's zone.
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/i.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed.replace(' ', 'T').replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString();
}
