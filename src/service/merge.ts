// Merging an incident file three ways (the Git merge driver). Until the recorder's merge lands,
// only `events.jsonl` is merged here: the union of both sides' events, each id once, ours first.
import { eventIdOf, splitEventLines } from '../git';
import { EVENTS_FILE } from './incidentFolder';

export interface MergeInput {
  /** The path in the repository (Git's %P). */
  readonly path: string;
  readonly ancestor: string;
  readonly ours: string;
  readonly theirs: string;
}

/** The merged text, or null when the file is not one this driver merges (Git then reports a conflict). */
export function mergeIncidentFile(input: MergeInput): string | null {
  if (input.path.split('/').pop() !== EVENTS_FILE) return null;
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const line of [...splitEventLines(input.ours), ...splitEventLines(input.theirs)]) {
    const key = eventIdOf(line) ?? line;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(line);
  }
  return merged.map((line) => `${line}\n`).join('');
}
