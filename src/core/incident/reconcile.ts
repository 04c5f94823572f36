// Hand edits of incident.md (PRODUCT.md §3): the base is the rendering of the state; a changed
// checkbox becomes a step event, a changed field section a `field.set`, anything else a
// `note.added` holding the changed text (kept, never silently dropped).
import type { Actor, EventDraft, FieldName } from './events';
import { TEXT_FIELDS } from './events';
import { unescapeBlock } from './markdownText';
import { EMPTY_FIELD, parseFieldMarker, parseStepLine } from './recordSyntax';
import { renderIncidentMarkdown } from './render';
import type { IncidentState } from './state';

interface ParsedRecord {
  readonly steps: Map<string, { checked: boolean; text: string }>;
  readonly fields: Map<FieldName, string[]>;
  /** Lines that are neither a step line nor inside a field section. */
  readonly other: string[];
}

/** Splits incident.md into step lines, field sections and the rest. Never throws. */
function parseRecord(text: string): ParsedRecord {
  const steps = new Map<string, { checked: boolean; text: string }>();
  const fields = new Map<FieldName, string[]>();
  const other: string[] = [];
  let open: { field: FieldName; marker: string; lines: string[] } | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const marker = parseFieldMarker(line);
    if (open) {
      if (marker && !marker.open && marker.field === open.field) {
        if (!fields.has(open.field)) fields.set(open.field, open.lines);
        else other.push(open.marker, ...open.lines, line);
        open = undefined;
      } else {
        open.lines.push(line);
      }
      continue;
    }
    if (marker?.open) {
      open = { field: marker.field, marker: line, lines: [] };
      continue;
    }
    const step = parseStepLine(line);
    if (step && !steps.has(step.step)) steps.set(step.step, { checked: step.checked, text: step.text });
    else other.push(line);
  }
  // A section whose closing marker was removed is not a field edit: its text counts as "other".
  if (open) other.push(open.marker, ...open.lines);
  return { steps, fields, other };
}

/** A field section's value: blank lines around it dropped, escapes undone, the empty marker read as ''. */
function sectionValue(lines: readonly string[]): string {
  const text = lines.join('\n').replace(/^[ \t]*\n/, '').trimEnd();
  return text.trim() === EMPTY_FIELD ? '' : unescapeBlock(text);
}

/** Lines of `a` not matched in `b` (as a multiset; blank lines and trailing spaces ignored). */
function unmatched(a: readonly string[], b: readonly string[]): string[] {
  const pool = new Map<string, number>();
  for (const line of b) pool.set(line.trimEnd(), (pool.get(line.trimEnd()) ?? 0) + 1);
  const out: string[] = [];
  for (const line of a) {
    const key = line.trimEnd();
    if (key.trim() === '') continue;
    const left = pool.get(key) ?? 0;
    if (left > 0) pool.set(key, left - 1);
    else out.push(key);
  }
  return out;
}

/**
 * The events that turn the state into what the edited file says. `actor` (the edit's commit author,
 * or the local user) is named in the note that keeps any edit outside checkboxes and field sections.
 */
export function reconcileIncidentMarkdown(edited: string, state: IncidentState, actor: Actor): EventDraft[] {
  const base = parseRecord(renderIncidentMarkdown(state));
  const mine = parseRecord(edited);
  const drafts: EventDraft[] = [];
  const baseOther = [...base.other];
  const mineOther = [...mine.other];

  for (const [id, line] of mine.steps) {
    const was = base.steps.get(id);
    if (!was || !state.steps.has(id)) {
      mineOther.push(`- [${line.checked ? 'x' : ' '}] ${line.text} <!-- step: ${id} -->`);
      continue;
    }
    if (was.checked !== line.checked) drafts.push({ type: line.checked ? 'step.checked' : 'step.unchecked', step: id });
    if (was.text !== line.text) {
      baseOther.push(`- ${was.text}`);
      mineOther.push(`- ${line.text}`);
    }
  }
  for (const [id, was] of base.steps) if (!mine.steps.has(id)) baseOther.push(`- [${was.checked ? 'x' : ' '}] ${was.text} <!-- step: ${id} -->`);

  for (const field of TEXT_FIELDS) {
    const before = base.fields.get(field);
    const after = mine.fields.get(field);
    if (before === undefined) continue;
    if (after === undefined) {
      baseOther.push(...before);
      continue;
    }
    if (before.join('\n').trimEnd() === after.join('\n').trimEnd()) continue;
    const value = sectionValue(after);
    if (value !== (state.fields.get(field)?.value ?? '')) drafts.push({ type: 'field.set', field, value });
  }

  const added = unmatched(mineOther, baseOther);
  const removed = unmatched(baseOther, mineOther);
  if (added.length || removed.length) {
    const parts = [`Hand edit of incident.md by ${actor.name} outside checkboxes and field sections, kept as a note:`];
    if (added.length) parts.push('', 'Added or changed:', ...added);
    if (removed.length) parts.push('', 'Removed or replaced:', ...removed);
    drafts.push({ type: 'note.added', text: parts.join('\n') });
  }
  return drafts;
}
