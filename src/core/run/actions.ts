// The events of one run of a step's command: started (before it runs), then finished or cancelled.
import { ActionError, type BuiltAction } from '../incident/actions';
import { isSafeName } from '../incident/ids';
import type { IncidentState } from '../incident/state';

export interface CommandStartInput {
  readonly step: string;
  /** The runbook copy the command was read from (`runbook.md`). */
  readonly runbook: string;
  readonly command: string;
  readonly sha256: string;
  readonly env: readonly string[];
}

export interface CommandEndInput {
  /** The `command.started` event id. */
  readonly started: string;
  readonly outcome: 'finished' | 'cancelled';
  readonly exitCode: number | null;
  readonly signal?: string;
  readonly durationMs: number;
  readonly evidence?: string;
}

export function buildCommandStarted(state: IncidentState, input: CommandStartInput): BuiltAction {
  if (!state.opened) throw new ActionError('not-open', 'this incident has no opening event');
  if (state.status === 'closed') throw new ActionError('closed', `incident ${state.id} is closed: reopen it first`);
  if (!state.steps.has(input.step)) throw new ActionError('unknown-step', `unknown step "${input.step.slice(0, 80)}" in incident ${state.id}`);
  return {
    draft: { type: 'command.started', step: input.step, runbook: input.runbook, command: input.command, sha256: input.sha256, env: [...input.env] },
    stage: stageWord(state),
    action: isSafeName(input.step) ? `command.started ${input.step}` : 'command.started',
    warnings: [],
  };
}

export function buildCommandEnded(state: IncidentState, input: CommandEndInput): BuiltAction {
  const run = state.commands.find((c) => c.event === input.started);
  if (!run) throw new ActionError('invalid-input', `no command.started event ${input.started.slice(0, 40)}`);
  const duration = Math.max(0, Math.round(input.durationMs));
  const evidence = input.evidence !== undefined ? { evidence: input.evidence } : {};
  const draft = input.outcome === 'cancelled'
    ? { type: 'command.cancelled' as const, step: run.step, started: input.started, durationMs: duration, ...evidence }
    : {
        type: 'command.finished' as const, step: run.step, started: input.started, exitCode: input.exitCode,
        ...(input.signal !== undefined ? { signal: input.signal } : {}), durationMs: duration, ...evidence,
      };
  return { draft, stage: stageWord(state), action: isSafeName(run.step) ? `${draft.type} ${run.step}` : draft.type, warnings: [] };
}

function stageWord(state: IncidentState): string {
  return isSafeName(state.stage) ? state.stage : 'incident';
}
