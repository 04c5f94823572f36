// Small text formatting for the dashboard. Pure: unit-tested in Node.

/** The first characters of a hash for display; the full hash goes in a title. */
export function shortHash(sha256: string, length = 12): string {
  return sha256.length > length ? `${sha256.slice(0, length)}…` : sha256;
}

const UNITS = ['KB', 'MB', 'GB', 'TB'];

/** "512 B", "1.5 KB", "10 MB" (binary units, one decimal below 10). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) return `${Math.max(0, Math.round(bytes || 0))} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${UNITS[unit]}`;
}

/** Entries newest first; entries with the same time keep the later-recorded one first. */
export function newestFirst<T extends { readonly at: string }>(entries: readonly T[]): T[] {
  const keyed = entries.map((entry, index) => ({ entry, index, ms: Date.parse(entry.at) }));
  keyed.sort((a, b) => timeOrder(b.ms, a.ms) || b.index - a.index);
  return keyed.map((k) => k.entry);
}

/** Unparseable times sort as the oldest. */
function timeOrder(a: number, b: number): number {
  const x = Number.isNaN(a) ? -Infinity : a;
  const y = Number.isNaN(b) ? -Infinity : b;
  return x === y ? 0 : x < y ? -1 : 1;
}
