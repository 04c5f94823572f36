// Validation of the text a responder gives to an action. Errors are ActionErrors with a clear message.

export type ActionErrorCode =
  | 'invalid-input'
  | 'unknown-step'
  | 'unknown-stage'
  | 'unknown-evidence'
  | 'no-change'
  | 'closed'
  | 'not-open'
  | 'duplicate'
  | 'nothing-to-acknowledge';

/** Why an action cannot be recorded. Thrown by the action builders, never by parsers or the reducer. */
export class ActionError extends Error {
  override readonly name = 'ActionError';
  constructor(
    readonly code: ActionErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface TextRule {
  /** Maximum length in characters. */
  readonly max: number;
  /** Multi-line text allowed (notes, field values). */
  readonly multiline?: boolean;
  /** An empty (or blank) value allowed (clearing a field). */
  readonly allowEmpty?: boolean;
}

export const ONE_LINE: TextRule = { max: 1000 };
export const LONG_TEXT: TextRule = { max: 2 * 1024 * 1024, multiline: true };

/**
 * The value, with CRLF normalised and outer whitespace of one-line values trimmed. Rejects NUL and
 * other control characters, newlines in one-line values, empty values and over-long text.
 */
export function acceptText(value: string | undefined, what: string, rule: TextRule): string {
  if (typeof value !== 'string') throw new ActionError('invalid-input', `${what} is missing`);
  const text = value.replace(/\r\n?/g, '\n');
  if (text.includes('\0')) throw new ActionError('invalid-input', `${what} contains a NUL character`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u0008\u000B-\u001F\u007F]/.test(text)) throw new ActionError('invalid-input', `${what} contains a control character`);
  if (!rule.multiline && text.includes('\n')) throw new ActionError('invalid-input', `${what} must be on one line`);
  const result = rule.multiline ? text.trimEnd() : text.trim();
  if (!rule.allowEmpty && result.trim() === '') throw new ActionError('invalid-input', `${what} is empty`);
  if (result.length > rule.max) throw new ActionError('invalid-input', `${what} is longer than ${rule.max} characters`);
  return result;
}

export function optionalText(value: string | undefined, what: string, rule: TextRule = ONE_LINE): string | undefined {
  if (value === undefined) return undefined;
  const text = acceptText(value, what, { ...rule, allowEmpty: true });
  return text === '' ? undefined : text;
}
