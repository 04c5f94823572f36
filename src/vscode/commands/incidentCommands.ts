// Commands that record an action on an incident. Each gathers its input natively, then records
// through the store (one commit). Who/what/when comes from the service; never from the UI.
import * as vscode from 'vscode';
import { registerCommand } from '../activation/commandHandlers';
import { formatHandoffSummary, handoffSummary } from '../../core/incident/handoff';
import { closeQuestion, completeness, type CloseQuestion } from '../../core/review';
import type { ActionRequest } from '../../service/types';
import type { IncidentsView } from '../incidentsView';
import type { IncidentStore } from '../incidentStore';
import { requireTrust, UserFacingError } from '../trust';
import { askText, CancelledError, pickIncident, pickOne, pickStep, type IncidentRef } from './pickers';

const FIELDS = ['summary', 'impact', 'related', 'contacts', 'next-steps', 'occurred-at', 'detected-at'] as const;
const INDICATOR_TYPES = ['ip', 'domain', 'url', 'hash', 'email', 'account', 'host', 'other'] as const;
const MILESTONES = ['contained', 'eradicated', 'recovered'] as const;

/** Gathers the incident (and its repository's store) and the action to record on it. */
type Gather = (view: IncidentsView, arg: unknown) => Promise<{ ref: IncidentRef; request: ActionRequest }>;

const onIncident = (build: (incidentId: string, store: IncidentStore) => Promise<ActionRequest>, activeOnly = true): Gather =>
  async (view, arg) => {
    const ref = await pickIncident(view, arg, activeOnly);
    return { ref, request: await build(ref.incidentId, ref.store) };
  };

const onStep = (build: (stepId: string) => Promise<ActionRequest>, filter?: (state: string) => boolean): Gather =>
  async (view, arg) => {
    const { stepId, ...ref } = await pickStep(view, arg, filter);
    return { ref, request: await build(stepId) };
  };

/** How closing is confirmed: the modal, or (the tests) a stand-in that is asked the same question. */
export type ConfirmClose = (question: CloseQuestion) => Promise<boolean>;

export const confirmCloseWithModal: ConfirmClose = async (question) => (await vscode.window.showWarningMessage(
  question.message, { modal: true, ...(question.detail !== undefined ? { detail: question.detail } : {}) }, 'Close Incident')) === 'Close Incident';

/** The close, once confirmed with the NIST SP 800-61 completeness of the record as a warning (closing stays allowed). */
export async function closeRequest(store: IncidentStore, incidentId: string, confirm: ConfirmClose): Promise<ActionRequest> {
  const question = closeQuestion(completeness(await (await store.service()).state(incidentId)));
  if (!(await confirm(question))) throw new CancelledError();
  return { kind: 'close' };
}

/** Command id -> how it gathers its input. */
export const ACTION_COMMANDS: Record<string, Gather> = {
  'firebreak.checkStep': onStep(async (step) => ({ kind: 'check', step }), (s) => s !== 'checked'),
  'firebreak.uncheckStep': onStep(async (step) => ({ kind: 'uncheck', step }), (s) => s === 'checked'),
  'firebreak.claimStep': onStep(async (step) => ({ kind: 'claim', step })),
  'firebreak.blockStep': onStep(async (step) => ({ kind: 'block', step, reason: await askText('Why is this step blocked?') }), (s) => s === 'open'),
  'firebreak.unblockStep': onStep(async (step) => ({ kind: 'unblock', step }), (s) => s === 'blocked'),
  'firebreak.markStepNotApplicable': onStep(async (step) => ({ kind: 'na', step, reason: await askText('Why does this step not apply?') }), (s) => s === 'open'),
  'firebreak.addStep': async (view, arg) => {
    const ref = await pickIncident(view, arg);
    const entry = await ref.store.get(ref.incidentId);
    const stageFromNode = typeof arg === 'object' && arg !== null && 'stageId' in arg ? String((arg as { stageId: string }).stageId) : undefined;
    const stage = stageFromNode ?? (await pickOne('Add the step to which stage?', (entry?.view.stages ?? []).map((s) => s.id)));
    return { ref, request: { kind: 'add-step', stage, text: await askText('What needs doing? (start with a verb)') } };
  },
  'firebreak.addNote': onIncident(async () => ({ kind: 'note', text: await askText('Note for the incident record') }), false),
  'firebreak.setSeverity': onIncident(async (id, store) => {
    const view = (await store.get(id))?.view;
    return { kind: 'severity', level: await pickOne('New severity', view?.severities ?? ['SEV1', 'SEV2', 'SEV3', 'SEV4']) };
  }),
  'firebreak.assignRole': onIncident(async (id, store) => {
    const roles = (await store.get(id))?.view.roles.map((r) => r.role) ?? [];
    const role = await pickOne('Which role?', roles.length > 0 ? roles : ['commander']);
    return { kind: 'assign', role, person: await askText(`Who is ${role}?`, { placeHolder: 'Name or @handle' }) };
  }),
  'firebreak.setField': onIncident(async (id, store) => {
    const field = await pickOne('Which field of the record?', FIELDS);
    const current = (await store.get(id))?.view.fields[field] ?? '';
    return { kind: 'set', field, value: await askText(`New ${field}`, { value: current }) };
  }, false),
  'firebreak.advanceStage': onIncident(async (id, store) => {
    const view = (await store.get(id))?.view;
    const skipped = view?.advance.skippedRequired ?? [];
    if (skipped.length > 0) {
      const answer = await vscode.window.showWarningMessage(
        `Advancing records ${skipped.length} required step(s) as skipped.`,
        { modal: true, detail: skipped.map((s) => `• ${s}`).join('\n') },
        'Advance',
      );
      if (answer !== 'Advance') throw new CancelledError();
    }
    return { kind: 'advance' };
  }),
  'firebreak.setMilestone': onIncident(async () => {
    const milestone = await pickOne('Which milestone was reached?', MILESTONES);
    const at = await askText('When? (ISO time, empty for now)', { optional: true, placeHolder: '2026-11-28T10:15:00Z' });
    return at.trim() ? { kind: 'milestone', milestone, at: at.trim() } : { kind: 'milestone', milestone };
  }),
  'firebreak.addIndicator': onIncident(async () => {
    const type = await pickOne('Indicator type', INDICATOR_TYPES);
    return { kind: 'indicator', type, value: await askText(`Value of the ${type} indicator`) };
  }),
  'firebreak.retractIndicator': onIncident(async (id, store) => {
    const indicators = (await store.get(id))?.view.indicators ?? [];
    if (indicators.length === 0) throw new UserFacingError('This incident has no indicator to retract.');
    const pick = await vscode.window.showQuickPick(indicators.map((i) => ({ label: i.value, description: i.type, indicator: i })), { placeHolder: 'Which indicator was wrong?' });
    if (!pick) throw new CancelledError();
    const reason = await askText('Why is it retracted? (optional)', { optional: true });
    return { kind: 'retract-indicator', type: pick.indicator.type, value: pick.indicator.value, ...(reason.trim() ? { reason: reason.trim() } : {}) };
  }, false),
  'firebreak.recordDecision': onIncident(async () => ({
    kind: 'decision',
    what: await askText('What was decided?'),
    approvedBy: await askText('Approved by whom?'),
    why: await askText('Why? (optional)', { optional: true }),
  })),
  'firebreak.handOff': onIncident(async (id, store) => {
    const state = await (await store.service()).state(id);
    const summary = formatHandoffSummary(handoffSummary(state, new Date()));
    const to = await askText('Hand off to whom?', { placeHolder: 'Name or @handle of the incoming commander' });
    const added = await askText('Anything to add for the incoming person? (optional)', { optional: true });
    const answer = await vscode.window.showInformationMessage(`Hand off “${state.title}” to ${to}?`,
      { modal: true, detail: `The hand-off records this summary:\n\n${summary}` }, 'Record Hand-off');
    if (answer !== 'Record Hand-off') throw new CancelledError();
    return { kind: 'handoff', to, summary: added.trim() ? `${added.trim()}\n\n${summary}` : summary };
  }),
  'firebreak.acknowledgeHandoff': onIncident(async (id, store) => {
    const pending = (await store.get(id))?.view.pendingHandoff;
    if (!pending) throw new UserFacingError('No hand-off is waiting for acknowledgement on this incident.');
    const answer = await vscode.window.showInformationMessage(`Acknowledge the hand-off from ${pending.from} to ${pending.to}?`,
      { modal: true, detail: pending.summary ?? 'No summary was given.' }, 'Acknowledge');
    if (answer !== 'Acknowledge') throw new CancelledError();
    return { kind: 'handoff-ack' };
  }),
  'firebreak.transferCustody': onIncident(async (id, store) => {
    const evidence = (await store.get(id))?.view.evidence ?? [];
    const item = await pickOne('Which evidence item?', evidence.map((e) => e.id));
    return { kind: 'custody', evidenceId: item, to: await askText('Hand custody to whom?') };
  }, false),
  'firebreak.closeIncident': onIncident((id, store) => closeRequest(store, id, confirmCloseWithModal)),
  'firebreak.reopenIncident': onIncident(async () => ({ kind: 'reopen' }), false),
};

export function registerActionCommands(view: IncidentsView, run: (task: () => Promise<unknown>) => Promise<unknown>): vscode.Disposable[] {
  return Object.entries(ACTION_COMMANDS).map(([id, gather]) => registerCommand(id, (arg: unknown) => run(async () => {
    requireTrust();
    if (view.repositories().length === 0) throw new UserFacingError('Open a folder inside a Git repository to run incidents.');
    // Recorded in the incident's own repository (the tree node names it; pickers find it).
    const { ref, request } = await gather(view, arg);
    const result = await ref.store.apply(ref.incidentId, request);
    for (const warning of result.warnings) void vscode.window.showWarningMessage(warning);
    return result;
  })));
}
