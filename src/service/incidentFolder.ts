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

export interface LoadedIncident {
  readonly events: readonly IncidentEvent[];
  readonly state: IncidentState;
  /** The latest `at` among the events (the hybrid logical clock's input). */
  readonly latestAt: string | undefined;
}

/** Parses and reduces an incident's events; an unknown incident or a corrupt log is a clear error. */
export async function loadIncident(absDir: string, incidentId: string): Promise<LoadedIncident> {
  let text: string;
  try {
    text = await fs.promises.readFile(path.join(absDir, EVENTS_FILE), 'utf8');
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
  return { events, state, latestAt: latestAt(events) };
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
