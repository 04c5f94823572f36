// Lessons flow back into the runbooks: "Propose Runbook Change" checks out the branch
// `runbook/<runbook-id>-<incident-id>` (the service decides where: in place or its own worktree)
// and opens the library runbook at the step; "Commit Runbook Change" commits it with the incident linked.
import path from 'node:path';
import * as vscode from 'vscode';
import { registerCommand } from '../activation/commandHandlers';
import { actionItemLinks } from '../../core/review';
import { isSafeName } from '../../core/incident/ids';
import type { RunbookChangeCommit, RunbookChangeRequest, RunbookProposal } from '../../service/types';
import type { Firebreak } from '../firebreak';
import { requireTrust, UserFacingError } from '../trust';
import { CancelledError, pickIncident, resolveIncident, type IncidentRef } from './pickers';

type Ready = Extract<RunbookProposal, { kind: 'ready' }>;
const WHOLE_RUNBOOK = '';

export function registerProposeCommands(firebreak: Firebreak): vscode.Disposable[] {
  /** The step of the last proposal per repository and incident, so that "Commit" finds the same branch and trailers. */
  const lastStep = new Map<string, string | undefined>();
  const keyOf = (ref: IncidentRef) => `${ref.store.root}#${ref.incidentId}`;

  return [
    registerCommand('firebreak.proposeRunbookChange', (arg: unknown) => firebreak.run(async (): Promise<Ready> => {
      requireTrust();
      const { ref, request } = await proposalRequest(firebreak, arg);
      const s = await ref.store.service();
      let proposal = await s.proposeRunbookChange(request);
      if (proposal.kind === 'builtin') {
        if (request.copyBuiltin !== true && !(await confirmCopy(proposal.runbook))) throw new CancelledError();
        proposal = await s.proposeRunbookChange({ ...request, copyBuiltin: true });
        if (proposal.kind !== 'ready') throw new UserFacingError(`The built-in runbook ${proposal.runbook} could not be copied into the repository.`);
      }
      lastStep.set(keyOf(ref), request.step);
      const position = new vscode.Position(proposal.line - 1, 0);
      await vscode.window.showTextDocument(vscode.Uri.file(proposal.file), { preview: false, selection: new vscode.Range(position, position) });
      void tellWhatNext(proposal, ref.store.root);
      return proposal;
    })),
    registerCommand('firebreak.commitRunbookChange', (arg: unknown) => firebreak.run(async (): Promise<RunbookChangeCommit> => {
      requireTrust();
      const given = isChangeRequest(arg) ? arg : undefined;
      const ref = given ? await resolveIncident(firebreak.repositories.all, given.incidentId, given.repository) : await pickIncident(firebreak.incidents, arg, false);
      const { incidentId } = ref;
      const step = given ? given.step : lastStep.get(keyOf(ref));
      const s = await ref.store.service();
      // An edit still open in the editor is saved first: the commit takes the file on disk.
      await vscode.workspace.saveAll(false);
      const result = await s.commitRunbookChange({ incidentId, ...(step !== undefined ? { step } : {}) });
      void vscode.window.showInformationMessage(
        `Firebreak: committed ${result.path} on ${result.branch} (${result.commit.slice(0, 7)}), linked to incident ${incidentId}. Push the branch and open a pull request for the runbook's owners.`);
      return result;
    })),
  ];
}

/** The incident and step: a request object (tests, the dashboard, CodeLens), a tree node, or native pickers. */
async function proposalRequest(firebreak: Firebreak, arg: unknown): Promise<{ ref: IncidentRef; request: RunbookChangeRequest }> {
  if (isChangeRequest(arg)) {
    const { repository, ...request } = arg;
    return { ref: await resolveIncident(firebreak.repositories.all, arg.incidentId, repository), request };
  }
  if (typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'step') {
    const node = arg as { incidentId: string; stepId: string; repository?: string };
    return { ref: await resolveIncident(firebreak.repositories.all, node.incidentId, node.repository), request: { incidentId: node.incidentId, step: node.stepId } };
  }
  const ref = await pickIncident(firebreak.incidents, arg, false);
  const { incidentId } = ref;
  const entry = await ref.store.get(incidentId);
  const steps = (entry?.view.stages ?? []).flatMap((stage) => stage.steps.filter((s) => !s.added).map((step) => ({
    label: step.text, description: stage.title, id: step.id,
  })));
  const pick = await vscode.window.showQuickPick(
    [{ label: '$(book) The whole runbook', description: 'no particular step', id: WHOLE_RUNBOOK }, ...steps],
    { placeHolder: 'Which step does the lesson change?', matchOnDescription: true });
  if (!pick) throw new CancelledError();
  return { ref, request: { incidentId, ...(pick.id !== WHOLE_RUNBOOK ? { step: pick.id } : {}) } };
}

async function confirmCopy(runbook: string): Promise<boolean> {
  const answer = await vscode.window.showInformationMessage(
    `The runbook “${runbook}” is built into Firebreak, not in this repository.`,
    { modal: true, detail: 'Copy it into the repository\'s runbook folder on the proposal branch, so your team can change it there? From then on incidents use your copy.' },
    'Copy into Repository');
  return answer === 'Copy into Repository';
}

async function tellWhatNext(proposal: Ready, repository: string): Promise<void> {
  const where = proposal.managedWorktree ? ' in a separate worktree (your checkout has uncommitted changes, so it was left alone)' : '';
  const missing = proposal.stepFound ? '' : ` Step ${proposal.step} is no longer in the runbook: opened at the top.`;
  const copied = proposal.copiedBuiltin ? ` The built-in runbook was copied to ${proposal.path}.` : '';
  const answer = await vscode.window.showInformationMessage(
    `Firebreak: edit ${proposal.path} on branch ${proposal.branch}${where}, then commit it with the incident linked.${copied}${missing}`,
    'Commit Runbook Change');
  if (answer === 'Commit Runbook Change') {
    await vscode.commands.executeCommand('firebreak.commitRunbookChange', { incidentId: proposal.incidentId, repository, ...(proposal.step !== undefined ? { step: proposal.step } : {}) });
  }
}

/** A request naming the incident (and, from the dashboard or a postmortem, its repository root). */
function isChangeRequest(arg: unknown): arg is RunbookChangeRequest & { repository?: string } {
  if (typeof arg !== 'object' || arg === null || 'kind' in arg) return false;
  const record = arg as Record<string, unknown>;
  return typeof record.incidentId === 'string'
    && (record.step === undefined || typeof record.step === 'string')
    && (record.copyBuiltin === undefined || typeof record.copyBuiltin === 'boolean')
    && (record.repository === undefined || typeof record.repository === 'string')
    && Object.keys(record).every((key) => key === 'incidentId' || key === 'step' || key === 'copyBuiltin' || key === 'repository');
}

/** "Propose change to <runbook> step <step>" above each action item of an incident's postmortem.md that names a runbook step. */
export class ActionItemCodeLens implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const incidentId = path.basename(path.dirname(document.uri.fsPath));
    if (path.basename(document.uri.fsPath) !== 'postmortem.md' || !isSafeName(incidentId) || !vscode.workspace.isTrusted) return [];
    return actionItemLinks(document.getText()).map((link) => new vscode.CodeLens(new vscode.Range(link.line, 0, link.line, 0), {
      title: `$(git-pull-request-create) Propose change to ${link.runbook} step ${link.step}`,
      command: 'firebreak.proposeRunbookChange',
      arguments: [{ incidentId, step: link.step }],
    }));
  }
}
