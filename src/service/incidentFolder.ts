// Reading an incident folder's events and rendering its files: the pieces every action shares.
import fs from 'node:fs';
import path from 'node:path';
import {
  parseEventLog, reduceIncident, renderIncidentMarkdown,
  type IncidentEvent, type IncidentState,
} from '../core/incident';
import type { RenderFn } from '../git';
import { ServiceError } from './errors';

export const EVENTS_FILE = 'events.jsonl';
export const RECORD_FILE = 'incident.md';
export const POSTMORTEM_FILE = 'postmortem.md';

export interface LoadedIncident {
  readonly events: readonly IncidentEvent[];
  readonly state: IncidentState;
  /** The latest `at` among the events (the hybrid logical clock's input). */
  readonly latestAt: string | undefined;
}

/**
 * Loaded incidents by folder, valid while events.jsonl keeps its inode, size and modification time
 * (every write replaces the file by a rename), so reading an incident twice parses it once. Cached
 * states are shared: callers treat them as read-only.
 */
export type LoadCache = Map<string, { readonly version: string; readonly loaded: LoadedIncident }>;

/** Parses and reduces an incident's events; an unknown incident or a corrupt log is a clear error. */
export async function loadIncident(absDir: string, incidentId: string, cache?: LoadCache): Promise<LoadedIncident> {
  let text: string;
  let version: string;
  try {
    const handle = await fs.promises.open(path.join(absDir, EVENTS_FILE), 'r');
    try {
      const stat = await handle.stat({ bigint: true });
      version = `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
      const cached = cache?.get(absDir);
      if (cached?.version === version) return cached.loaded;
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    throw new ServiceError(`unknown incident ${incidentId}`);
  }
  const { events, errors } = parseEventLog(text);
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new ServiceError(`incident ${incidentId}: ${EVENTS_FILE} line ${first.line}: ${first.message} (run \`firebreak verify ${incidentId}\`)`);
  }
  const state = reduceIncident(events);
  if (!state.opened) throw new ServiceError(`incident ${incidentId} has no opening event`);
  const loaded = { events, state, latestAt: latestAt(events) };
  cache?.set(absDir, { version, loaded });
  return loaded;
}

export function latestAt(events: readonly IncidentEvent[]): string | undefined {
  let latest: string | undefined;
  for (const event of events) if (latest === undefined || event.at > latest) latest = event.at;
  return latest;
}

/** The recorder's render callback: `incident.md` from all event lines (a pure function of them). */
export const renderIncidentFiles: RenderFn = (lines) => {
  const { events } = parseEventLog(lines.map((l) => `${l}\n`).join(''));
  return { [RECORD_FILE]: renderIncidentMarkdown(reduceIncident(events)) };
};
