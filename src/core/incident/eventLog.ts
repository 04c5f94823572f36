// `events.jsonl` reading and writing. Parsing never throws: each bad line becomes an error with
// its 1-based line number, and the good lines are still returned.
import { isIsoUtcMs } from './clock';
import { EVENT_TYPES, FIELD_NAMES, INDICATOR_TYPES, MILESTONES, TLP_LEVELS, type EventType, type IncidentEvent } from './events';
import { isEventId, isSafeName } from './ids';

export interface EventLogError {
  /** 1-based line in `events.jsonl`. */
  readonly line: number;
  readonly message: string;
}

export interface ParsedEventLog {
  /** Valid events in file order (duplicates kept: the reducer counts them once, verify reports them). */
  readonly events: IncidentEvent[];
  /** The 1-based line of each entry of `events`. */
  readonly lines: number[];
  readonly errors: EventLogError[];
}

/** One line of JSON (no trailing newline). Key order: envelope, type, then the data as built. */
export function serializeEvent(event: IncidentEvent): string {
  const { v, id, at, actor, type, ...data } = event;
  return JSON.stringify({ v, id, at, actor: { name: actor.name, email: actor.email }, type, ...data });
}

export function parseEventLog(text: string): ParsedEventLog {
  const events: IncidentEvent[] = [];
  const lines: number[] = [];
  const errors: EventLogError[] = [];
  const rawLines = text.split('\n');
  rawLines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') {
      // A final newline is expected; any other blank line is reported.
      if (index !== rawLines.length - 1) errors.push({ line, message: 'blank line' });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      errors.push({ line, message: `not valid JSON (${(error as Error).message.slice(0, 120)})` });
      return;
    }
    const problem = eventProblem(value);
    if (problem !== undefined) {
      errors.push({ line, message: problem });
      return;
    }
    events.push(value as IncidentEvent);
    lines.push(line);
  });
  return { events, lines, errors };
}

type Check = (data: Record<string, unknown>) => string | undefined;

const str = (name: string): Check => (d) => (typeof d[name] === 'string' ? undefined : `"${name}" must be a string`);
const optStr = (name: string): Check => (d) => (d[name] === undefined || typeof d[name] === 'string' ? undefined : `"${name}" must be a string when present`);
const oneOf = (name: string, values: readonly string[]): Check => (d) =>
  values.includes(d[name] as string) ? undefined : `"${name}" must be one of ${values.join(', ')}`;
const optOneOf = (name: string, values: readonly string[]): Check => (d) => (d[name] === undefined ? undefined : oneOf(name, values)(d));
const time = (name: string): Check => (d) => (isIsoUtcMs(d[name]) ? undefined : `"${name}" must be an ISO-8601 UTC time with milliseconds`);
const optTime = (name: string): Check => (d) => (d[name] === undefined ? undefined : time(name)(d));
const strings = (name: string): Check => (d) =>
  Array.isArray(d[name]) && (d[name] as unknown[]).every((s) => typeof s === 'string') ? undefined : `"${name}" must be a list of strings`;
/** Names used in paths (evidence files, runbook copies, the incident id) must be safe names. */
const safe = (name: string): Check => (d) => (typeof d[name] === 'string' && isSafeName(d[name] as string) ? undefined : `"${name}" must be a safe name ([a-z0-9][a-z0-9._-]*)`);
const optSafe = (name: string): Check => (d) => (d[name] === undefined ? undefined : safe(name)(d));
const bool = (name: string): Check => (d) => (typeof d[name] === 'boolean' ? undefined : `"${name}" must be true or false`);
const nonNegativeInteger = (name: string): Check => (d) =>
  Number.isSafeInteger(d[name]) && (d[name] as number) >= 0 ? undefined : `"${name}" must be a non-negative integer`;
const exitCode: Check = (d) => (d.exitCode === null || Number.isSafeInteger(d.exitCode) ? undefined : '"exitCode" must be an integer or null');
const runbookRef: Check = (d) => {
  const ref = d.runbook as Record<string, unknown> | undefined;
  if (!isObject(ref)) return '"runbook" must be an object';
  const bad = [str('id'), str('path'), safe('file'), str('sha256')].map((c) => c(ref)).find(Boolean);
  if (bad) return `runbook: ${bad}`;
  return ref.version === null || Number.isSafeInteger(ref.version) ? undefined : 'runbook: "version" must be an integer or null';
};
const snapshot: Check = (d) => {
  const snap = d.snapshot as Record<string, unknown> | undefined;
  if (!isObject(snap) || typeof snap.id !== 'string' || !Array.isArray(snap.stages)) return '"snapshot" must be a runbook snapshot';
  for (const stage of snap.stages as unknown[]) {
    if (!isObject(stage) || typeof stage.id !== 'string' || typeof stage.title !== 'string' || !Array.isArray(stage.steps)) return 'snapshot: a stage is malformed';
    for (const step of stage.steps as unknown[]) {
      if (!isObject(step) || typeof step.id !== 'string' || typeof step.text !== 'string' || typeof step.required !== 'boolean'
        || (step.detail !== undefined && typeof step.detail !== 'string')) return 'snapshot: a step is malformed';
    }
  }
  if (snap.sla !== undefined && !isObject(snap.sla)) return 'snapshot: "sla" must be an object';
  if (snap.escalation !== undefined && !isObject(snap.escalation)) return 'snapshot: "escalation" must be an object';
  return Array.isArray(snap.roles) ? undefined : 'snapshot: "roles" must be a list';
};

const CHECKS: Record<EventType, readonly Check[]> = {
  'incident.opened': [safe('incident'), str('title'), str('severity'), bool('exercise'), runbookRef, snapshot, optStr('fromAlert')],
  'step.checked': [str('step'), optStr('note')],
  'step.unchecked': [str('step'), optStr('note')],
  'step.added': [str('step'), str('stage'), str('text'), optStr('owner')],
  'step.claimed': [str('step'), optStr('person'), optStr('reason')],
  'step.blocked': [str('step'), optStr('reason')],
  'step.unblocked': [str('step'), optStr('reason')],
  'step.na': [str('step'), str('reason')],
  'note.added': [str('text')],
  'severity.changed': [str('severity')],
  'role.assigned': [str('role'), str('person')],
  'stage.advanced': [str('from'), str('to'), strings('skipped')],
  'milestone.set': [oneOf('milestone', MILESTONES), time('time')],
  'field.set': [oneOf('field', FIELD_NAMES), str('value')],
  'indicator.added': [oneOf('indicator', INDICATOR_TYPES), str('value'), optTime('firstSeen'), optStr('source'), optOneOf('tlp', TLP_LEVELS)],
  'indicator.retracted': [oneOf('indicator', INDICATOR_TYPES), str('value'), optStr('reason')],
  'decision.recorded': [str('what'), str('approvedBy'), optStr('why')],
  'handoff': [str('from'), str('to'), optStr('summary')],
  'handoff.acknowledged': [str('handoff')],
  'evidence.added': [safe('evidence'), str('name'), optSafe('file'), str('sha256'), nonNegativeInteger('size'), optStr('description'), optStr('location')],
  'evidence.transferred': [str('evidence'), str('from'), str('to')],
  'sla.missed': [str('stage'), optStr('step'), str('severity'), time('deadline')],
  'incident.closed': [strings('uncheckedRequired'), optStr('reason')],
  'incident.reopened': [optStr('reason')],
  'runbook.added': [runbookRef, snapshot],
  'command.started': [str('step'), safe('runbook'), str('command'), str('sha256'), strings('env')],
  'command.finished': [str('step'), str('started'), exitCode, optStr('signal'), nonNegativeInteger('durationMs'), optSafe('evidence')],
  'command.cancelled': [str('step'), str('started'), nonNegativeInteger('durationMs'), optSafe('evidence')],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why `value` is not a valid event, or undefined when it is one. */
export function eventProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not a JSON object';
  if (value.v !== 1) return `unsupported version ${JSON.stringify(value.v)} (expected 1)`;
  if (typeof value.id !== 'string' || !isEventId(value.id)) return '"id" must be a ULID';
  if (!isIsoUtcMs(value.at)) return '"at" must be an ISO-8601 UTC time with milliseconds';
  const actor = value.actor;
  if (!isObject(actor) || typeof actor.name !== 'string' || typeof actor.email !== 'string') return '"actor" must have a name and an email';
  if (typeof value.type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(value.type)) {
    return `unknown event type ${JSON.stringify(String(value.type).slice(0, 60))}`;
  }
  for (const check of CHECKS[value.type as EventType]) {
    const problem = check(value);
    if (problem !== undefined) return `${value.type}: ${problem}`;
  }
  return undefined;
}
