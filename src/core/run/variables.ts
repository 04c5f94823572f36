// The environment variables Firebreak gives a step's command (PRODUCT.md §7): incident values reach
// the command only this way ("$FB_HOST"), never pasted into its text. The runbook linter checks
// commands against this list, so it holds names only (the values come from environment.ts).
import { INDICATOR_TYPES, type IndicatorType } from '../incident/events';

/** Incident facts, one value each. */
export const INCIDENT_VARIABLES = ['FB_INCIDENT', 'FB_TITLE', 'FB_SEVERITY', 'FB_STAGE', 'FB_STEP'] as const;

/** `FB_HOST`, `FB_IP`…: the most recently added active indicator of that type. */
export function indicatorVariable(type: IndicatorType): string {
  return `FB_${type.toUpperCase()}`;
}

/** `FB_INDICATORS_HOST`…: every active indicator of that type, one per line, oldest first. */
export function indicatorListVariable(type: IndicatorType): string {
  return `FB_INDICATORS_${type.toUpperCase()}`;
}

/** `FB_USER` is the account indicator under the name people expect. */
export const ALIASES: Readonly<Record<string, string>> = { FB_USER: 'FB_ACCOUNT' };

/** Every variable a command may use, in the order they are shown to the responder. */
export const COMMAND_VARIABLES: readonly string[] = [
  ...INCIDENT_VARIABLES,
  ...INDICATOR_TYPES.map(indicatorVariable),
  ...Object.keys(ALIASES),
  ...INDICATOR_TYPES.map(indicatorListVariable),
];

/** Words an author might write as `{{host}}` or `{{incident_id}}`, mapped to the variable to use instead. */
export function variableForPlaceholder(name: string): string | undefined {
  const key = name.toLowerCase().replace(/[^a-z]/g, '');
  const words: Record<string, string> = {
    incident: 'FB_INCIDENT', incidentid: 'FB_INCIDENT', id: 'FB_INCIDENT', title: 'FB_TITLE', severity: 'FB_SEVERITY',
    stage: 'FB_STAGE', step: 'FB_STEP', user: 'FB_USER', username: 'FB_USER', hostname: 'FB_HOST', address: 'FB_IP', ipaddress: 'FB_IP',
  };
  if (words[key] !== undefined) return words[key];
  const type = INDICATOR_TYPES.find((t) => t === key);
  return type !== undefined ? indicatorVariable(type) : undefined;
}
