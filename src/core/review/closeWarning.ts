// The close confirmation: NIST SP 800-61 completeness of the record as a warning (closing stays
// allowed), the empty record fields and the unchecked required steps listed for the modal.
import type { Completeness } from './completeness';

export interface CloseQuestion {
  readonly message: string;
  /** The list of what is missing; absent when the record is complete. */
  readonly detail?: string;
}

export function closeQuestion(result: Completeness): CloseQuestion {
  if (result.complete) return { message: 'Close the incident? Its record is complete.' };
  const counts = [
    result.missing.length > 0 ? plural(result.missing.length, 'record field', 'empty') : '',
    result.uncheckedRequired.length > 0 ? plural(result.uncheckedRequired.length, 'required step', 'unchecked') : '',
  ].filter(Boolean).join(' and ');
  const parts = [
    result.missing.length > 0 ? ['Empty record fields (NIST SP 800-61):', ...result.missing.map((m) => `• ${m.label}`)].join('\n') : '',
    result.uncheckedRequired.length > 0 ? ['Required steps unchecked:', ...result.uncheckedRequired.map((s) => `• ${s.text} (${s.stage})`)].join('\n') : '',
    'You can still close it, and fill these in or reopen it later.',
  ].filter(Boolean);
  return { message: `Close the incident with ${counts}?`, detail: parts.join('\n\n') };
}

function plural(count: number, noun: string, state: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'} ${state}`;
}
