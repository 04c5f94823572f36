// Characters that can hide or disguise text shown to a person: C0 and C1 controls, DEL, and the
// bidirectional marks, overrides and isolates.

// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text);
}

/** The text with each hidden character replaced by U+FFFD, so it shows. */
export function withHiddenShown(text: string): string {
  return text.replace(new RegExp(HIDDEN.source, 'g'), '\uFFFD');
}
