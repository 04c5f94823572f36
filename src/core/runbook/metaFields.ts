// Validates the parsed front-matter mapping field by field into RunbookMeta (PRODUCT.md §2).
// YAML 1.1 (js-yaml 3) turns `2024-01-01` into a Date and `010` into 8, so every type is checked
// here rather than trusted; a bad field is reported and left out, never thrown.
import { DiagnosticList } from './diagnostics';
import { parseDurationMinutes } from './duration';
import type { RunbookMeta, SlaTable } from './model';
import { KEBAB_ID } from './slug';

export const KNOWN_FIELDS = [
  'id', 'title', 'version', 'severity', 'tags', 'owners', 'review', 'roles', 'sla', 'escalation', 'stages', 'customise', 'description',
] as const;
/** The same, for a lookup per key of every indexed runbook. */
const KNOWN_FIELD_SET: ReadonlySet<string> = new Set(KNOWN_FIELDS);

/** Finds the line of a top-level key in the front-matter (1 when unknown). */
export type KeyLine = (key: string) => number;

export type MutableMeta = { -readonly [K in keyof RunbookMeta]: RunbookMeta[K] };

export function emptyMeta(id: string, title: string): MutableMeta {
  return { id, title, version: null, tags: [], owners: [], roles: [], sla: {}, escalation: {}, customise: [] };
}

/**
 * Reads the native fields of `data` into `meta`. `native` turns on the checks that apply only to
 * runbooks written for Firebreak (unknown fields, missing version).
 */
export function readMetaFields(data: Record<string, unknown>, meta: MutableMeta, native: boolean, diagnostics: DiagnosticList, lineOf: KeyLine): void {
  const fieldError = (key: string, expected: string, value: unknown) =>
    diagnostics.add('field-type', `${key} must be ${expected}, not ${describe(value)}.`, lineOf(key.split('.')[0]!));

  if (native) {
    for (const key of Object.keys(data)) {
      if (!KNOWN_FIELD_SET.has(key)) {
        diagnostics.add('field-unknown', `Unknown front-matter field ${JSON.stringify(key)}; known fields: ${KNOWN_FIELDS.join(', ')}.`, lineOf(key));
      }
    }
  }

  if ('id' in data && native) {
    const id = data.id;
    if (typeof id !== 'string') fieldError('id', 'text', id);
    else if (!KEBAB_ID.test(id)) diagnostics.add('id-invalid', `The id ${JSON.stringify(id)} must be kebab-case (lowercase letters, digits and -).`, lineOf('id'));
    else meta.id = id;
  }

  if ('title' in data) {
    if (typeof data.title === 'string' && data.title.trim() !== '') meta.title = data.title.trim();
    else if (native) fieldError('title', 'text', data.title);
  }

  if (!native) return;

  if ('version' in data) {
    const version = data.version;
    if (typeof version === 'number' && Number.isSafeInteger(version) && version >= 1) meta.version = version;
    else if (typeof version === 'number' || typeof version === 'string') {
      diagnostics.add('version-invalid', `The version must be a positive integer (1, 2, 3…), not ${describe(version)}.`, lineOf('version'));
    } else fieldError('version', 'a positive integer', version);
  } else {
    diagnostics.add('version-missing', 'No version: add `version: 1` and bump it whenever the steps change.', 1);
  }

  if ('severity' in data) {
    if (typeof data.severity === 'string' && data.severity.trim() !== '') meta.severity = data.severity.trim();
    else fieldError('severity', 'text such as SEV3', data.severity);
  }

  for (const key of ['tags', 'owners', 'roles', 'customise'] as const) {
    if (!(key in data)) continue;
    const list = stringList(data[key]);
    if (list) meta[key] = list;
    else fieldError(key, 'a list of text', data[key]);
  }

  if ('stages' in data) {
    const list = stringList(data.stages);
    if (!list) fieldError('stages', 'a list of stage ids', data.stages);
    else {
      const valid = list.filter((id) => KEBAB_ID.test(id));
      for (const id of list.filter((s) => !KEBAB_ID.test(s))) {
        diagnostics.add('stage-unknown', `The stage id ${JSON.stringify(id)} must be kebab-case.`, lineOf('stages'));
      }
      meta.declaredStages = valid;
    }
  }

  if ('review' in data) readReview(data.review, meta, diagnostics, lineOf, fieldError);
  if ('sla' in data) readSla(data.sla, meta, diagnostics, lineOf, fieldError);
  if ('escalation' in data) {
    const table = data.escalation;
    if (!isMapping(table)) fieldError('escalation', 'a mapping of severity to contacts', table);
    else {
      const escalation: Record<string, readonly string[]> = {};
      for (const [severity, contacts] of Object.entries(table)) {
        const list = typeof contacts === 'string' ? [contacts] : stringList(contacts);
        if (list) escalation[severity] = list;
        else fieldError(`escalation.${severity}`, 'a list of contacts', contacts);
      }
      meta.escalation = escalation;
    }
  }
}

function readReview(review: unknown, meta: MutableMeta, diagnostics: DiagnosticList, lineOf: KeyLine, fieldError: (k: string, e: string, v: unknown) => void): void {
  if (!isMapping(review)) {
    fieldError('review', 'a mapping such as { last: 2026-09-01, every: 180d }', review);
    return;
  }
  const result: { last?: string; every?: string } = {};
  if ('last' in review) {
    const last = isoDate(review.last);
    if (last) result.last = last;
    else diagnostics.add('review-date-invalid', `review.last must be a date (YYYY-MM-DD), not ${describe(review.last)}.`, lineOf('review'));
  }
  if ('every' in review) {
    if (typeof review.every === 'string' && parseDurationMinutes(review.every) !== undefined) result.every = review.every;
    else diagnostics.add('duration-invalid', `review.every must be a duration such as 180d, not ${describe(review.every)}.`, lineOf('review'));
  }
  meta.review = result;
}

function readSla(sla: unknown, meta: MutableMeta, diagnostics: DiagnosticList, lineOf: KeyLine, fieldError: (k: string, e: string, v: unknown) => void): void {
  if (!isMapping(sla)) {
    fieldError('sla', 'a mapping of severity to stage deadlines', sla);
    return;
  }
  const table: Record<string, Record<string, string>> = {};
  for (const [severity, stages] of Object.entries(sla)) {
    if (!isMapping(stages)) {
      fieldError(`sla.${severity}`, 'a mapping of stage to duration', stages);
      continue;
    }
    const row: Record<string, string> = {};
    for (const [stage, duration] of Object.entries(stages)) {
      if (typeof duration === 'string' && parseDurationMinutes(duration) !== undefined) row[stage] = duration;
      else diagnostics.add('duration-invalid', `sla.${severity}.${stage} must be a duration such as 1h or 1h30m, not ${describe(duration)}.`, lineOf('sla'));
    }
    table[severity] = row;
  }
  meta.sla = table as SlaTable;
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

/** YYYY-MM-DD from a YAML date (a Date) or a date string. */
function isoDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return utcDay(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  return undefined;
}

/** YYYY-MM-DD of a valid date, as toISOString() starts; built by hand (toISOString costs ~6× more, once per indexed runbook). */
function utcDay(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return date.toISOString().slice(0, 10);
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** How a wrong value reads in a message: its kind, plus the value when short. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (value instanceof Date) return `a date (${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString().slice(0, 10)}; quote it to keep it text)`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const shown = String(value);
  return `${typeof value === 'string' ? 'text' : typeof value} ${JSON.stringify(shown.length > 40 ? `${shown.slice(0, 40)}…` : shown)}`;
}
