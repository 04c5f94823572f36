// Escaping of user text in incident.md, so that no text a responder typed can become structure
// (a heading, a task item, a field marker, a table cell break). The block escape is reversible,
// which lets reconcile read a hand-edited field section back to its exact value.

// ASCII punctuation with a meaning somewhere in Markdown (CommonMark lets any of it be backslash-escaped).
const INLINE_SPECIALS = /[\\`*_[\]<>#|~&]/g;
// At the start of a line (after indentation): list bullets, setext underlines, ordered-list numbers.
const LINE_START = /^([ \t]*)([-+=]|\d{1,9}(?=[.)]))/;
const UNESCAPABLE = /\\([!-/:-@[-`{-~])/g;

/** Control characters other than tab and newline (NUL included) never reach the file. */
export function cleanControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '\uFFFD');
}

/** Escapes multi-line text for a block of its own (a field section, a note). Reverse with `unescapeBlock`. */
export function escapeBlock(text: string): string {
  return cleanControls(text)
    .split('\n')
    .map((line) => {
      const escaped = line.replace(INLINE_SPECIALS, (c) => `\\${c}`);
      const start = LINE_START.exec(escaped);
      if (!start) return escaped;
      // `1.` → `1\.`; `-` → `\-`.
      const marker = start[2]!;
      const at = start[1]!.length + marker.length;
      return /^\d/.test(marker) ? `${escaped.slice(0, at)}\\${escaped.slice(at)}` : `${start[1]}\\${escaped.slice(start[1]!.length)}`;
    })
    .join('\n');
}

/** The inverse of `escapeBlock` (also reads text typed by hand: a backslash before punctuation is dropped). */
export function unescapeBlock(text: string): string {
  return text.replace(UNESCAPABLE, '$1');
}

/**
 * Text on one line: lines trimmed, blank ones dropped, joined by a space. (Written without a
 * `\s*\n\s*` regular expression, which takes quadratic time on long runs of spaces.)
 */
function joinLines(text: string): string {
  return cleanControls(text).split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
}

/** Escapes text for one line (list item, heading, table cell): newlines become spaces, pipes are escaped. */
export function escapeInline(text: string, maxLength = 500): string {
  const oneLine = joinLines(text);
  const short = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength)}…` : oneLine;
  const escaped = short.replace(INLINE_SPECIALS, (c) => `\\${c}`);
  return LINE_START.test(escaped) ? escaped.replace(/^(\s*)/, '$1\\') : escaped;
}

/**
 * Runbook text (reviewed Markdown from the library): formatting is kept, but it is put on one line
 * and `<` is neutralised so it cannot open a comment or HTML that would read as a marker.
 */
export function runbookInline(text: string): string {
  return joinLines(text).replaceAll('<', '&lt;').replaceAll('|', '\\|');
}

/** A YAML double-quoted scalar (JSON string syntax, with line separators escaped too). */
export function yamlString(text: string): string {
  return JSON.stringify(cleanControls(text)).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
