// The FB_ variables a step's command receives, built from the incident's events. Values are
// passed as environment variables only, so no value can change what the shell parses.
import { INDICATOR_TYPES } from '../incident/events';
import type { IncidentState } from '../incident/state';
import { ALIASES, indicatorListVariable, indicatorVariable } from './variables';

export interface CommandVariable {
  readonly name: string;
  readonly value: string;
}

/** The variables for a run of `step`'s command, in the order they are shown; unset ones are left out. */
export function commandEnvironment(state: IncidentState, step: string): CommandVariable[] {
  const variables: CommandVariable[] = [
    { name: 'FB_INCIDENT', value: state.id },
    { name: 'FB_TITLE', value: state.title },
    { name: 'FB_SEVERITY', value: state.severity },
    { name: 'FB_STAGE', value: state.stage },
    { name: 'FB_STEP', value: step },
  ];
  const lists: CommandVariable[] = [];
  for (const type of INDICATOR_TYPES) {
    const active = state.indicators.filter((i) => i.indicator === type && !i.retracted);
    if (active.length === 0) continue;
    // The latest added is the one a responder is working on now.
    const latest = active.reduce((a, b) => (b.added.at >= a.added.at ? b : a));
    variables.push({ name: indicatorVariable(type), value: latest.value });
    lists.push({ name: indicatorListVariable(type), value: active.map((i) => i.value).join('\n') });
  }
  for (const [alias, target] of Object.entries(ALIASES)) {
    const found = variables.find((v) => v.name === target);
    if (found) variables.push({ name: alias, value: found.value });
  }
  // An environment value cannot hold NUL; nothing else is changed.
  return [...variables, ...lists].filter((v) => v.value !== '').map((v) => ({ name: v.name, value: v.value.replaceAll('\0', '\uFFFD') }));
}
