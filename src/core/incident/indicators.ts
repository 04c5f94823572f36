// Indicator de-duplication: two values are the same indicator when their keys are equal.
import type { IndicatorType } from './events';

/**
 * The key an indicator is de-duplicated by: its type and its value trimmed, re-fanged
 * (`evil[.]com`, `hxxp://`) and lower-cased where case carries no meaning.
 */
export function indicatorKey(type: IndicatorType, value: string): string {
  let normal = value.trim().replace(/\[\.\]|\(\.\)|\{\.\}/g, '.').replace(/\[@\]|\[at\]/gi, '@');
  switch (type) {
    case 'url':
      normal = normal.replace(/^hxxp(s?):\/\//i, 'http$1://').replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i, (origin) => origin.toLowerCase());
      break;
    case 'domain':
    case 'host':
      normal = normal.toLowerCase().replace(/\.$/, '');
      break;
    case 'ip':
    case 'hash':
    case 'email':
      normal = normal.toLowerCase();
      break;
    case 'account':
    case 'other':
      break;
  }
  return `${type}:${normal}`;
}
