// Makes a command safe to show for confirmation (PRODUCT.md §7): control characters, ANSI escape
// sequences and bidi or invisible formatting characters become visible marks, so what a person
// reads is what runs. Nothing is ever shortened. Newlines and tabs stay as they are (layout).
import { HIDDEN_CHARACTERS } from '../../shared/hiddenCharacters';

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
