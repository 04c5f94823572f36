// The pure half of `firebreak verify` (PRODUCT.md §3): given the bytes of an incident's files,
// the problems with them. Reading the files safely (no hooks, no symlinks) is the caller's job.
import { createHash } from 'node:crypto';
import { parseEventLog } from './eventLog';
import type { IncidentEvent } from './events';
import { reduceIncident } from './reduce';
import { renderIncidentMarkdown } from './render';

export interface IncidentFileProblem {
  /** Relative to the incident folder: `events.jsonl`, `incident.md`, `runbook.md`, `evidence/<file>`. */
  readonly file: string;
  /** 1-based line, when the problem is on one. */
  readonly line?: number;
  readonly message: string;
}

export interface IncidentFiles {
  readonly eventsText: string;
  /** Undefined when the file is missing. */
  readonly incidentMd: string | undefined;
  /** `runbook.md`; undefined when missing. */
  readonly runbookBytes: Uint8Array | undefined;
  /** Byte copies of runbooks that joined later, by file name in the incident folder. */
  readonly addedRunbooks?: readonly { readonly file: string; readonly bytes: Uint8Array }[];
  /** Every regular file under `evidence/` (name relative to it) with its SHA-256 (hex). */
  readonly evidence: readonly { readonly name: string; readonly sha256: string }[];
}

/** At most this many problems per incident (the rest are counted in a last entry). */
export const MAX_PROBLEMS = 50;

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function verifyIncidentFiles(files: IncidentFiles): IncidentFileProblem[] {
  const problems: IncidentFileProblem[] = [];
  const { events, lines, errors } = parseEventLog(files.eventsText);
  for (const error of errors) problems.push({ file: 'events.jsonl', line: error.line, message: error.message });
  const firstLine = new Map<string, number>();
  events.forEach((event, index) => {
    const seen = firstLine.get(event.id);
    if (seen !== undefined) problems.push({ file: 'events.jsonl', line: lines[index]!, message: `event id ${event.id} repeats (first on line ${seen})` });
    else firstLine.set(event.id, lines[index]!);
  });
  const openings = events.filter((e) => e.type === 'incident.opened');
  if (openings.length === 0) problems.push({ file: 'events.jsonl', message: 'no incident.opened event' });
  if (openings.length > 1) problems.push({ file: 'events.jsonl', message: `${openings.length} incident.opened events (expected one)` });

  if (files.incidentMd === undefined) problems.push({ file: 'incident.md', message: 'missing: run `firebreak reconcile` to render it' });
  else if (errors.length === 0) {
    const expected = renderIncidentMarkdown(reduceIncident(events));
    if (files.incidentMd !== expected) {
      const line = firstDifferentLine(files.incidentMd, expected);
      problems.push({ file: 'incident.md', line, message: 'differs from the rendering of events.jsonl (an unreconciled hand edit?): run `firebreak reconcile`' });
    }
  }

  const state = reduceIncident(events);
  for (const runbook of state.runbooks) {
    const bytes = runbook.file === 'runbook.md' ? files.runbookBytes : files.addedRunbooks?.find((r) => r.file === runbook.file)?.bytes;
    if (bytes === undefined) problems.push({ file: runbook.file, message: `missing (runbook ${runbook.id} recorded with sha256 ${runbook.sha256})` });
    else if (sha256Hex(bytes) !== runbook.sha256) problems.push({ file: runbook.file, message: `differs from its recorded SHA-256 ${runbook.sha256}` });
  }

  const onDisk = new Map(files.evidence.map((e) => [e.name, e.sha256]));
  for (const item of state.evidence) {
    if (item.file === undefined) continue;
    const hash = onDisk.get(item.file);
    if (hash === undefined) problems.push({ file: `evidence/${item.file}`, message: `missing (evidence ${item.evidence} recorded with sha256 ${item.sha256})` });
    else if (hash !== item.sha256) problems.push({ file: `evidence/${item.file}`, message: `differs from its recorded SHA-256 ${item.sha256}` });
    onDisk.delete(item.file);
  }
  for (const name of [...onDisk.keys()].sort()) problems.push({ file: `evidence/${name}`, message: 'not recorded in events.jsonl' });
  return bounded(problems);
}

export interface BaseFiles {
  /** events.jsonl at the base ref (undefined when the incident is new since then). */
  readonly baseEventsText: string | undefined;
  readonly eventsText: string;
  readonly baseRunbookBytes: Uint8Array | undefined;
  readonly runbookBytes: Uint8Array | undefined;
}

/** `verify --base`: every event at the base is still there unchanged (append-only), and `runbook.md` is unchanged. */
export function verifyAgainstBase(files: BaseFiles): IncidentFileProblem[] {
  if (files.baseEventsText === undefined) return [];
  const problems: IncidentFileProblem[] = [];
  const before = parseEventLog(files.baseEventsText);
  const after = parseEventLog(files.eventsText);
  const now = new Map<string, { event: IncidentEvent; line: number }>();
  after.events.forEach((event, i) => {
    if (!now.has(event.id)) now.set(event.id, { event, line: after.lines[i]! });
  });
  before.events.forEach((event, i) => {
    const found = now.get(event.id);
    const what = event.type === 'incident.opened' ? 'the opening event' : `event ${event.id} (base line ${before.lines[i]})`;
    if (!found) problems.push({ file: 'events.jsonl', message: `${what} was removed: events are append-only` });
    else if (JSON.stringify(found.event) !== JSON.stringify(event)) problems.push({ file: 'events.jsonl', line: found.line, message: `${what} was changed: events are append-only` });
  });
  if (files.baseRunbookBytes !== undefined) {
    if (files.runbookBytes === undefined) problems.push({ file: 'runbook.md', message: 'was removed since the base' });
    else if (sha256Hex(files.baseRunbookBytes) !== sha256Hex(files.runbookBytes)) problems.push({ file: 'runbook.md', message: 'changed since the base: the runbook copy is immutable' });
  }
  return bounded(problems);
}

function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return i + 1;
}

function bounded(problems: IncidentFileProblem[]): IncidentFileProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS - 1), { file: 'events.jsonl', message: `and ${problems.length - MAX_PROBLEMS + 1} more problems` }];
}
