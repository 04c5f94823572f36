// Makes a command safe to show for confirmation (PRODUCT.md §7): control characters, ANSI escape
// sequences and bidi or invisible formatting characters become visible marks, so what a person
// reads is what runs. Nothing is ever shortened. Newlines and tabs stay as they are (layout).

/** Characters a person cannot see or that change how the text around them is shown. */
// Combining and joining characters are matched one by one on purpose (each is shown on its own).
// eslint-disable-next-line no-control-regex, no-misleading-character-class
export const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]/gu;

/** The command with every hidden character shown: C0 controls as control pictures (␛, ␍), others as ⟨U+202E⟩. */
export function makeVisible(text: string): string {
  return text.replace(HIDDEN_CHARACTERS, (c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x20) return String.fromCodePoint(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\u27E8U+${code.toString(16).toUpperCase().padStart(4, '0')}\u27E9`;
  });
}

/** How many hidden characters the text holds (0 for a clean command). */
export function countHidden(text: string): number {
  return text.match(HIDDEN_CHARACTERS)?.length ?? 0;
}
