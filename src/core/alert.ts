// Starting an incident from an alert (`firebreak start --from-alert alert.json`): a generic alert
// JSON is mapped onto the incident's title, severity, occurred-at time, source link and typed
// indicators. The mapping is configurable in `.firebreak.yml` (`alert:`, parsed in config.ts) with
// simple dotted paths (`$.rule.name`, `$.hits.0.ip`). Strict: a value of the wrong shape is an error
// that names its path, never silently dropped. Pure: no file system, no clock.
import { normaliseTime } from './incident/clock';
import { INDICATOR_TYPES, type IndicatorType } from './incident/events';
import { indicatorKey } from './incident/indicators';

/** `$` followed by one or more `.segment` (object keys, or array indexes as digits). */
export const ALERT_PATH = /^\$(\.[A-Za-z0-9_@-]{1,100}){1,16}$/;

export interface AlertIndicatorMapping {
  /** The indicator type of the value(s) at `path`; absent: `path` holds a list of `{type, value}`. */
  readonly type?: IndicatorType;
  readonly path: string;
}

export interface AlertMapping {
  readonly title: string;
  readonly severity: { readonly path: string; readonly map: Readonly<Record<string, string>> };
  readonly source: string;
  readonly occurredAt: string;
  readonly indicators: readonly AlertIndicatorMapping[];
}

/**
 * The generic alert: `{title, severity, source, occurred_at, indicators: [{type, value}]}`, its
 * severities critical, high, medium and low mapped onto the team's levels, most severe first.
 */
export function defaultAlertMapping(severities: readonly string[]): AlertMapping {
  const map: Record<string, string> = {};
  ['critical', 'high', 'medium', 'low'].forEach((name, index) => {
    const level = severities[index];
    if (level !== undefined) map[name] = level;
  });
  return { title: '$.title', severity: { path: '$.severity', map }, source: '$.source', occurredAt: '$.occurred_at', indicators: [{ path: '$.indicators' }] };
}

export const DEFAULT_ALERT_MAPPING: AlertMapping = defaultAlertMapping(['SEV1', 'SEV2', 'SEV3', 'SEV4']);

export interface MappedAlert {
  readonly title?: string;
  readonly severity?: string;
  /** A link or reference to the alert in the tool that raised it. */
  readonly source?: string;
  /** ISO-8601 UTC with milliseconds. */
  readonly occurredAt?: string;
  /** De-duplicated (same type and normalised value once). */
  readonly indicators: readonly { readonly type: IndicatorType; readonly value: string }[];
}

export class AlertError extends Error {}

export const MAX_ALERT_BYTES = 1024 * 1024;
const MAX_INDICATORS = 500;
const MAX_TEXT = 2000;

/** Maps the text of an alert file. `severities`: the team's levels (a value already one of them is kept as is). */
export function mapAlert(text: string, mapping: AlertMapping, severities: readonly string[]): MappedAlert {
  if (Buffer.byteLength(text, 'utf8') > MAX_ALERT_BYTES) throw new AlertError(`the alert is larger than ${MAX_ALERT_BYTES / 1024 / 1024} MB`);
  let alert: unknown;
  try {
    alert = JSON.parse(text);
  } catch (error) {
    throw new AlertError(`the alert is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(alert)) throw new AlertError('the alert must be a JSON object');
  const title = optionalString(alert, mapping.title, 300);
  const rawSeverity = optionalString(alert, mapping.severity.path, 100);
  const source = optionalString(alert, mapping.source, MAX_TEXT);
  const occurred = optionalString(alert, mapping.occurredAt, 100);
  const occurredAt = occurred === undefined ? undefined : normaliseTime(occurred);
  if (occurred !== undefined && occurredAt === undefined) {
    throw new AlertError(`${mapping.occurredAt} must be an ISO-8601 time with a zone (e.g. 2026-11-28T09:30:00Z), not ${quote(occurred)}`);
  }
  return {
    ...(title !== undefined ? { title } : {}),
    ...(rawSeverity !== undefined ? { severity: mapSeverity(rawSeverity, mapping.severity, severities) } : {}),
    ...(source !== undefined ? { source } : {}),
    ...(occurredAt !== undefined ? { occurredAt } : {}),
    indicators: mapIndicators(alert, mapping.indicators),
  };
}

function mapSeverity(raw: string, rule: AlertMapping['severity'], severities: readonly string[]): string {
  if (severities.includes(raw)) return raw;
  const mapped = Object.entries(rule.map).find(([from]) => from.toLowerCase() === raw.toLowerCase())?.[1];
  if (mapped !== undefined) return mapped;
  const known = Object.keys(rule.map);
  throw new AlertError(`the alert's severity ${quote(raw)} (${rule.path}) is not mapped: add it to alert.severity.map in .firebreak.yml`
    + `${known.length ? ` (mapped now: ${known.join(', ')})` : ''}, or use one of ${severities.join(', ')}`);
}

function mapIndicators(alert: Record<string, unknown>, rules: readonly AlertIndicatorMapping[]): MappedAlert['indicators'] {
  const found: { type: IndicatorType; value: string }[] = [];
  const seen = new Set<string>();
  const add = (type: IndicatorType, value: string) => {
    const key = indicatorKey(type, value);
    if (seen.has(key)) return;
    if (found.length >= MAX_INDICATORS) throw new AlertError(`the alert has more than ${MAX_INDICATORS} indicators`);
    seen.add(key);
    found.push({ type, value });
  };
  for (const rule of rules) {
    const value = valueAt(alert, rule.path);
    if (value === undefined || value === null) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      const where = Array.isArray(value) ? `${rule.path}.${index}` : rule.path;
      if (rule.type !== undefined) {
        add(rule.type, checkedText(item, where, MAX_TEXT));
        return;
      }
      if (!isObject(item)) throw new AlertError(`${where} must be an indicator object {"type": "ip", "value": "…"}`);
      add(indicatorType(item.type, `${where}.type`), checkedText(item.value, `${where}.value`, MAX_TEXT));
    });
  }
  return found;
}

function indicatorType(value: unknown, where: string): IndicatorType {
  const type = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (type === undefined || !(INDICATOR_TYPES as readonly string[]).includes(type)) {
    throw new AlertError(`${where} must be one of ${INDICATOR_TYPES.join(', ')}${typeof value === 'string' ? `, not ${quote(value)}` : ''}`);
  }
  return type as IndicatorType;
}

/** The value at a dotted path; own properties only (`__proto__` and friends find nothing). */
export function valueAt(root: unknown, path: string): unknown {
  if (!ALERT_PATH.test(path)) throw new AlertError(`${quote(path)} is not a path such as $.rule.name`);
  let current: unknown = root;
  for (const segment of path.split('.').slice(1)) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isObject(current) && Object.prototype.hasOwnProperty.call(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

function optionalString(alert: Record<string, unknown>, path: string, max: number): string | undefined {
  const value = valueAt(alert, path);
  if (value === undefined || value === null) return undefined;
  const text = checkedText(value, path, max);
  return text === '' ? undefined : text;
}

/** A one-line string (numbers are accepted as their decimal text), without control characters. */
function checkedText(value: unknown, path: string, max: number): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw new AlertError(`${path} must be a string, not ${Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u0080-\u009f]/.test(value)) throw new AlertError(`${path} contains a control character or a line break`);
  const text = value.trim();
  if (text.length > max) throw new AlertError(`${path} is longer than ${max} characters`);
  return text;
}

const quote = (text: string): string => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
