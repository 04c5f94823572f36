// Post-incident commands (issue 7): "Generate Post-Incident Review" writes postmortem.md through
// the service (one commit) and opens it; "Copy Stakeholder Update" puts a Markdown draft on the clipboard;
// "Compare Runbook with Library" opens the diff editor: the incident's runbook.md against the library file now;
// "Show Incident Metrics" opens the one Metrics page (charts across every incident).
import * as vscode from 'vscode';
import { registerCommand } from '../activation/commandHandlers';
import { STATUS_UPDATE_KINDS, statusUpdate, type StatusUpdateKind } from '../../core/review';
import type { PostmortemResult } from '../../service/types';
import type { Firebreak } from '../firebreak';
import { requireTrust, UserFacingError } from '../trust';
import { pickIncident, pickOne, resolveIncident, type IncidentRef } from './pickers';

/** What the tests and other extensions may pass instead of picking (the tree passes its node). */
interface ReviewRequest {
  readonly incidentId: string;
  /** The incident's repository root (the dashboard gives it; else the one holding the id). */
  readonly repository?: string;
  readonly kind?: StatusUpdateKind;
}

export function registerReviewCommands(firebreak: Firebreak): vscode.Disposable[] {
  const incidentOf = async (arg: unknown): Promise<IncidentRef> => (isReviewRequest(arg)
    ? resolveIncident(firebreak.repositories.all, arg.incidentId, arg.repository) : pickIncident(firebreak.incidents, arg, false));

  return [
    registerCommand('firebreak.generateReview', (arg: unknown) => firebreak.run(async (): Promise<PostmortemResult> => {
      requireTrust();
      const { store, incidentId } = await incidentOf(arg);
      const s = await store.service();
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Firebreak: writing the post-incident review of ${incidentId}…` },
        () => s.writePostmortem(incidentId));
      store.invalidate();
      for (const name of result.keptEdited) void vscode.window.showWarningMessage(`Firebreak: kept your edits of the section “${name}”; delete it (markers included) to regenerate it.`);
      for (const warning of result.warnings) void vscode.window.showWarningMessage(`Firebreak: ${warning}`);
      await vscode.window.showTextDocument(vscode.Uri.file(result.file), { preview: false });
      return result;
    })),
    registerCommand('firebreak.compareRunbookWithLibrary', (arg: unknown) => firebreak.run(async () => {
      const { store, incidentId } = await incidentOf(arg);
      const drift = await (await store.service()).runbookDrift(incidentId);
      if (drift.library === undefined) throw new UserFacingError(`The library runbook ${drift.recordedPath} is no longer there to compare with.`);
      const title = `${drift.runbook}: incident ${incidentId} ↔ library now`;
      await vscode.commands.executeCommand('vscode.diff', vscode.Uri.file(drift.copy), vscode.Uri.file(drift.library), title);
      return drift;
    })),
    registerCommand('firebreak.copyStakeholderUpdate', (arg: unknown) => firebreak.run(async (): Promise<string> => {
      const { store, incidentId } = await incidentOf(arg);
      const kind = isReviewRequest(arg) && arg.kind ? arg.kind : await pickOne('Which update?', STATUS_UPDATE_KINDS);
      const text = statusUpdate(await (await store.service()).state(incidentId), kind, new Date());
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(`Firebreak: ${kind} update for ${incidentId} copied as Markdown.`);
      return text;
    })),
    registerCommand('firebreak.showMetrics', () => firebreak.run(async () => {
      if (firebreak.repositories.all.length === 0) throw new UserFacingError('Open a folder inside a Git repository to run incidents.');
      firebreak.metrics.show();
    })),
  ];
}

function isReviewRequest(arg: unknown): arg is ReviewRequest {
  if (typeof arg !== 'object' || arg === null) return false;
  const record = arg as Record<string, unknown>;
  return typeof record.incidentId === 'string' && (record.kind === undefined || STATUS_UPDATE_KINDS.includes(record.kind as StatusUpdateKind))
    && (record.repository === undefined || typeof record.repository === 'string')
    && Object.keys(record).every((key) => key === 'incidentId' || key === 'kind' || key === 'repository');
}
