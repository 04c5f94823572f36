// Characters that can hide or disguise text shown to a person: controls, DEL, bidirectional marks,
// overrides and isolates, zero-width and other invisible formatting characters. One table for the
// whole extension: command confirmation (src/core/run/visible.ts), start links, evidence names.

/** Characters a person cannot see or that change how the text around them is shown (tab and newline are layout, not listed). */
// Combining and joining characters are matched one by one on purpose (each is shown on its own).
// eslint-disable-next-line no-control-regex, no-misleading-character-class
export const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]/gu;

/** The table plus tab and newline: for one-line values such as a file name or a link parameter. */
// eslint-disable-next-line no-misleading-character-class -- the same table as above
const HIDDEN_IN_ONE_LINE = new RegExp(`[\\t\\n]|${HIDDEN_CHARACTERS.source}`, 'u');

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN_IN_ONE_LINE.test(text);
}

/** The one-line text with each hidden character (tab and newline included) replaced by U+FFFD, so it shows. */
export function withHiddenShown(text: string): string {
  // eslint-disable-next-line no-misleading-character-class -- the same table as above
  return text.replace(new RegExp(HIDDEN_IN_ONE_LINE.source, 'gu'), '\uFFFD');
}
