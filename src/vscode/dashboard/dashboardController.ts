// Connects dashboard intents to the incident store: each intent becomes one recorded action.
import * as vscode from 'vscode';
import type { DashboardView, WebviewMessage } from '../../shared/dashboardProtocol';
import type { ActionRequest } from '../../service/types';
import { resolveIncident, type IncidentRef } from '../commands/pickers';
import { parseDashboardKey, type Repository } from '../repositories';
import { requireTrust, UserFacingError } from '../trust';
import type { DashboardController } from './dashboardPanel';

type Intent = Exclude<WebviewMessage, { type: 'ready' } | { type: 'openLink' }>;
/** Dropped files go to the attach command with the incident and the dropped list. */
type ActionIntent = Exclude<Intent, { type: 'dropEvidence' }>;

/** The action an intent records, or a command to run for intents that need native input. */
export function intentToAction(intent: ActionIntent): ActionRequest | { command: string; stepId?: string; request?: Readonly<Record<string, string>> } {
  switch (intent.type) {
    case 'setStepChecked': return { kind: intent.checked ? 'check' : 'uncheck', step: intent.stepId };
    case 'claimStep': return { kind: 'claim', step: intent.stepId };
    case 'blockStep': return { kind: 'block', step: intent.stepId, reason: intent.reason };
    case 'unblockStep': return { kind: 'unblock', step: intent.stepId };
    case 'markNotApplicable': return { kind: 'na', step: intent.stepId, reason: intent.reason };
    case 'addStep': return { kind: 'add-step', stage: intent.stageId, text: intent.text };
    case 'addNote': return { kind: 'note', text: intent.text };
    case 'setSeverity': return { kind: 'severity', level: intent.severity };
    case 'assignRole': return { kind: 'assign', role: intent.role, person: intent.person };
    case 'setField': return { kind: 'set', field: intent.field, value: intent.value };
    case 'setMilestone': return intent.at ? { kind: 'milestone', milestone: intent.milestone, at: intent.at } : { kind: 'milestone', milestone: intent.milestone };
    case 'addIndicator': return { kind: 'indicator', type: intent.indicatorType, value: intent.value, ...(intent.source ? { source: intent.source } : {}), ...(intent.tlp ? { tlp: intent.tlp } : {}) };
    case 'recordDecision': return { kind: 'decision', what: intent.what, approvedBy: intent.approvedBy, ...(intent.why ? { why: intent.why } : {}) };
    case 'advance': return { command: 'firebreak.advanceStage' };
    case 'close': return { command: 'firebreak.closeIncident' };
    case 'reopen': return { kind: 'reopen' };
    case 'handoff': return { command: 'firebreak.handOff' };
    // The dashboard's banner shows the hand-off and its summary: its button is the acknowledgement.
    case 'acknowledgeHandoff': return { kind: 'handoff-ack' };
    case 'retractIndicator': return { kind: 'retract-indicator', type: intent.indicatorType, value: intent.value, ...(intent.reason ? { reason: intent.reason } : {}) };
    case 'transferCustody': return { kind: 'custody', evidenceId: intent.evidenceId, to: intent.to };
    case 'attachEvidence': return { command: 'firebreak.attachEvidence' };
    // The native confirmation and the run happen in the command; the webview gave only the step id.
    case 'runStep': return { command: 'firebreak.runStepCommand', stepId: intent.stepId };
    case 'generateReview': return { command: 'firebreak.generateReview' };
    case 'copyStakeholderUpdate': return { command: 'firebreak.copyStakeholderUpdate', request: { kind: intent.kind } };
    case 'compareRunbook': return { command: 'firebreak.compareRunbookWithLibrary' };
    case 'proposeRunbookChange': return { command: 'firebreak.proposeRunbookChange', ...(intent.stepId !== undefined ? { request: { step: intent.stepId } } : {}) };
  }
}

/**
 * The dashboards' host side. A dashboard is keyed by its incident id, or, in a window with several
 * repositories, by repository root and id (dashboardKey): every intent records in that repository.
 */
export class StoreDashboardController implements DashboardController {
  constructor(
    private readonly repositories: () => readonly Repository[],
    private readonly lastSync: (root: string) => DashboardView['lastSync'] = () => undefined,
  ) {}

  title(key: string): string {
    const { incidentId, root } = parseDashboardKey(key);
    const repository = root !== undefined && this.repositories().length > 1 ? this.repositories().find((r) => r.root === root) : undefined;
    return `Incident ${incidentId}${repository ? ` · ${repository.name}` : ''}`;
  }

  async buildView(key: string): Promise<DashboardView> {
    const { store, incidentId } = await this.resolve(key);
    const entry = await store.get(incidentId);
    if (!entry) throw new UserFacingError(`Incident ${incidentId} was not found in this repository.`);
    const lastSync = this.lastSync(store.root);
    return { ...entry.view, canRecord: vscode.workspace.isTrusted, ...(lastSync ? { lastSync } : {}), ...(key !== incidentId ? { dashboardKey: key } : {}) };
  }

  async handle(key: string, intent: Intent): Promise<void> {
    requireTrust();
    const { store, incidentId } = await this.resolve(key);
    const repository = store.root;
    if (intent.type === 'dropEvidence') {
      await vscode.commands.executeCommand('firebreak.attachEvidence', { incidentId, repository, uriList: intent.uriList });
      return;
    }
    const action = intentToAction(intent);
    if ('command' in action) {
      const arg = action.stepId !== undefined ? { kind: 'step', incidentId, stageId: '', stepId: action.stepId, repository }
        : action.request !== undefined ? { incidentId, repository, ...action.request } : { kind: 'incident', incidentId, repository };
      await vscode.commands.executeCommand(action.command, arg);
      return;
    }
    const result = await store.apply(incidentId, action);
    for (const warning of result.warnings) void vscode.window.showWarningMessage(warning);
  }

  private resolve(key: string): Promise<IncidentRef> {
    const { incidentId, root } = parseDashboardKey(key);
    return resolveIncident(this.repositories(), incidentId, root);
  }
}
