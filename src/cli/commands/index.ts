// The CLI's commands. Each lives in its own file and is loaded only when it runs.
import type { CliCommand } from '../context';

export interface CommandEntry {
  readonly summary: string;
  readonly load: () => Promise<CliCommand>;
}

export const commands: Record<string, CommandEntry> = {
  // Runbook commands (issue 3).
  inspect: { summary: 'show how runbooks are read: stages, steps, diagnostics', load: () => import('./inspect').then((m) => m.command) },
  lint: { summary: 'check runbooks; exit 1 when any has an error', load: () => import('./lint').then((m) => m.command) },
  // Incident commands (PRODUCT.md §4).
  start: { summary: 'open an incident from a runbook and print its id', load: async () => (await import('./start')).start },
  check: { summary: 'mark a step done', load: async () => (await import('./steps')).check },
  uncheck: { summary: 'mark a step not done', load: async () => (await import('./steps')).uncheck },
  'add-step': { summary: 'add a step the runbook did not have', load: async () => (await import('./steps')).addStep },
  claim: { summary: 'take a step', load: async () => (await import('./steps')).claim },
  block: { summary: 'mark a step blocked', load: async () => (await import('./steps')).block },
  unblock: { summary: 'mark a blocked step unblocked', load: async () => (await import('./steps')).unblock },
  na: { summary: 'mark a step not applicable', load: async () => (await import('./steps')).na },
  note: { summary: 'add a handler comment', load: async () => (await import('./record')).note },
  set: { summary: 'set a record field (summary, impact, …)', load: async () => (await import('./record')).set },
  severity: { summary: 'change the severity', load: async () => (await import('./record')).severity },
  assign: { summary: 'assign a role to a person', load: async () => (await import('./record')).assign },
  advance: { summary: 'move to the next stage', load: async () => (await import('./record')).advance },
  milestone: { summary: 'record contained, eradicated or recovered', load: async () => (await import('./record')).milestone },
  indicator: { summary: 'add an indicator of compromise', load: async () => (await import('./record')).indicator },
  decision: { summary: 'record a decision', load: async () => (await import('./record')).decision },
  handoff: { summary: 'hand the incident over, or acknowledge', load: async () => (await import('./record')).handoff },
  'add-runbook': { summary: 'join a second runbook to an incident', load: async () => (await import('./addRunbook')).addRunbook },
  run: { summary: 'run a step\'s command after confirming it', load: async () => (await import('./run')).run },
  evidence: { summary: 'attach an evidence file', load: async () => (await import('./evidence')).evidence },
  custody: { summary: 'transfer custody of evidence', load: async () => (await import('./record')).custody },
  close: { summary: 'close the incident', load: async () => (await import('./record')).close },
  reopen: { summary: 'reopen a closed incident', load: async () => (await import('./record')).reopen },
  status: { summary: 'list incidents, or show one', load: async () => (await import('./status')).status },
  reconcile: { summary: 'record hand edits of incident.md', load: async () => (await import('./reconcile')).reconcile },
  verify: { summary: 'check incident records (PR check)', load: async () => (await import('./verify')).verify },
  sync: { summary: 'fetch, merge incident records, push', load: async () => (await import('./sync')).sync },
  'merge-driver': { summary: 'Git merge driver for incident files', load: async () => (await import('./mergeDriver')).mergeDriver },
  report: { summary: 'write the post-incident review, or metrics across incidents', load: async () => (await import('./report')).report },
};
