// The three-way merge of an events.jsonl: the union of both sides' events, each id once,
// sorted by (at, id), so every clone that merges the same histories gets byte-identical files.
import { eventAtOf, eventIdOf, splitEventLines } from './eventLines';

/**
 * Merges two descendants of `base`. Events are append-only, so the base only matters for lines
 * that one side removed: a line in the base that one side dropped stays dropped only if both did
 * (a removal is never a valid edit; verify reports it). Lines that do not parse are kept, after
 * the events, in their first-seen order.
 */
export function mergeEventLogs(base: string, ours: string, theirs: string): string {
  const byId = new Map<string, string>();
  const unparsed: string[] = [];
  const seenUnparsed = new Set<string>();
  const oursLines = splitEventLines(ours);
  const theirsLines = splitEventLines(theirs);
  const bothDropped = new Set(splitEventLines(base).filter((l) => !oursLines.includes(l) && !theirsLines.includes(l)));
  for (const line of [...oursLines, ...theirsLines]) {
    if (bothDropped.has(line)) continue;
    const id = eventIdOf(line);
    if (id == null) {
      if (!seenUnparsed.has(line)) unparsed.push(line);
      seenUnparsed.add(line);
      continue;
    }
    if (!byId.has(id)) byId.set(id, line);
  }
  const sorted = [...byId.entries()].sort(([idA, a], [idB, b]) => compare(eventAtOf(a) ?? '', eventAtOf(b) ?? '') || compare(idA, idB));
  return [...sorted.map(([, line]) => line), ...unparsed].map((l) => `${l}\n`).join('');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
