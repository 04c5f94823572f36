// Public API of step commands (PRODUCT.md §7), pure: the FB_ variables, the visible form of a
// command for confirmation, and the events of a run.
//
//   variables     names of the FB_ variables (the linter checks run blocks against them)
//   environment   `commandEnvironment(state, step)`: their values for one run
//   visible       `makeVisible(command)`: control, ANSI and bidi characters shown, never shortened
//   actions       `buildCommandStarted`, `buildCommandEnded`: the events of a run
export { COMMAND_VARIABLES, INCIDENT_VARIABLES, indicatorVariable, indicatorListVariable } from './variables';
export { commandEnvironment, type CommandVariable } from './environment';
export { makeVisible, countHidden } from './visible';
export { buildCommandStarted, buildCommandEnded, type CommandStartInput, type CommandEndInput } from './actions';
