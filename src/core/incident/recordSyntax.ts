// The few structural lines of incident.md that reconcile reads back: task items carrying a step
// marker, and the markers around free-text field sections. Written and read only here.
import { TEXT_FIELDS, type FieldName } from './events';

const STEP_ID_IN_MARKER = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const STEP_LINE = /^- \[([ xX])\] (.*) <!-- step: ([A-Za-z0-9][A-Za-z0-9._-]*) -->$/;
const FIELD_MARKER = /^<!-- (\/?)field: ([a-z-]+) -->$/;

/** Whether a step id can be written in a marker (others are rendered without one, so not reconcilable). */
export function canMarkStep(id: string): boolean {
  return STEP_ID_IN_MARKER.test(id) && id.length <= 128;
}

/** `- [x] text <!-- step: id -->`; `text` must already be one escaped line. */
export function stepLine(checked: boolean, text: string, id: string): string {
  return canMarkStep(id) ? `- [${checked ? 'x' : ' '}] ${text} <!-- step: ${id} -->` : `- [${checked ? 'x' : ' '}] ${text}`;
}

export function parseStepLine(line: string): { checked: boolean; text: string; step: string } | undefined {
  const match = STEP_LINE.exec(line.trimEnd());
  return match ? { checked: match[1] !== ' ', text: match[2]!, step: match[3]! } : undefined;
}

export function fieldOpen(field: FieldName): string {
  return `<!-- field: ${field} -->`;
}

export function fieldClose(field: FieldName): string {
  return `<!-- /field: ${field} -->`;
}

/** A field marker line: which field, and whether it opens or closes the section. */
export function parseFieldMarker(line: string): { field: FieldName; open: boolean } | undefined {
  const match = FIELD_MARKER.exec(line.trim());
  if (!match || !(TEXT_FIELDS as readonly string[]).includes(match[2]!)) return undefined;
  return { field: match[2] as FieldName, open: match[1] === '' };
}

/** Shown inside an empty field section; reading it back means "still empty". */
export const EMPTY_FIELD = '_Not set._';
