// Step commands: check, uncheck, claim, block, unblock, na, add-step.
import { actionCommand, optional, requiredOption } from './incidentAction';

export const check = actionCommand({
  name: 'check',
  summary: 'mark a step done',
  usage: 'firebreak check <incident> <step-id> [--note N]',
  options: { note: 'string' },
  min: 1,
  toRequest: ([step], { note }) => ({ kind: 'check', step: step!, ...optional('note', note) }),
});

export const uncheck = actionCommand({
  name: 'uncheck',
  summary: 'mark a step not done',
  usage: 'firebreak uncheck <incident> <step-id> [--note N]',
  options: { note: 'string' },
  min: 1,
  toRequest: ([step], { note }) => ({ kind: 'uncheck', step: step!, ...optional('note', note) }),
});

export const claim = actionCommand({
  name: 'claim',
  summary: 'take a step (you work on it)',
  usage: 'firebreak claim <incident> <step-id> [--reason R]',
  options: { reason: 'string' },
  min: 1,
  toRequest: ([step], { reason }) => ({ kind: 'claim', step: step!, ...optional('reason', reason) }),
});

export const block = actionCommand({
  name: 'block',
  summary: 'mark a step blocked',
  usage: 'firebreak block <incident> <step-id> [--reason R]',
  options: { reason: 'string' },
  min: 1,
  toRequest: ([step], { reason }) => ({ kind: 'block', step: step!, ...optional('reason', reason) }),
});

export const unblock = actionCommand({
  name: 'unblock',
  summary: 'mark a blocked step unblocked',
  usage: 'firebreak unblock <incident> <step-id> [--reason R]',
  options: { reason: 'string' },
  min: 1,
  toRequest: ([step], { reason }) => ({ kind: 'unblock', step: step!, ...optional('reason', reason) }),
});

export const na = actionCommand({
  name: 'na',
  summary: 'mark a step not applicable',
  usage: 'firebreak na <incident> <step-id> --reason R',
  options: { reason: 'string' },
  min: 1,
  toRequest: ([step], { reason }) => ({ kind: 'na', step: step!, reason: requiredOption(reason, 'reason') }),
});

export const addStep = actionCommand({
  name: 'add-step',
  summary: 'add a step the runbook did not have',
  usage: 'firebreak add-step <incident> <stage> <text> [--owner P]',
  options: { owner: 'string' },
  min: 2,
  toRequest: ([stage, text], { owner }) => ({ kind: 'add-step', stage: stage!, text: text!, ...optional('owner', owner) }),
});
