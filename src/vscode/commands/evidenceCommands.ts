// "Attach Evidence…": from the Command Palette (incident, file, description), the Explorer context
// menu (the clicked file), the tree and the dashboard (a file dialog), and files dropped onto the
// dashboard (the host checks each one and asks before attaching). The service copies and hashes.
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { registerCommand } from '../activation/commandHandlers';
import { formatSize } from '../../core/incident/format';
import { withHiddenShown } from '../../shared/hiddenCharacters';
import type { EvidenceResult } from '../../service/types';
import { droppedFiles } from '../droppedEvidence';
import type { Firebreak } from '../firebreak';
import { requireTrust, UserFacingError } from '../trust';
import { askText, CancelledError, pickIncident, resolveIncident, type IncidentRef } from './pickers';

/** Arguments other extensions, the dashboard's drop and the tests give (the UI gives a Uri or an incident). */
interface AttachRequest {
  readonly incidentId: string;
  /** The incident's repository root (the dashboard gives it; else the one holding the id). */
  readonly repository?: string;
  readonly file?: vscode.Uri | string;
  readonly uriList?: string;
  readonly description?: string;
}

export function registerEvidenceCommands(firebreak: Firebreak): vscode.Disposable[] {
  const attach = async ({ store, incidentId }: IncidentRef, file: vscode.Uri, description: string | undefined): Promise<EvidenceResult> => {
    const size = (await fs.promises.stat(file.fsPath).catch(() => undefined))?.size;
    const title = `Firebreak: attaching ${path.basename(file.fsPath)}${size !== undefined ? ` (${formatSize(size)})` : ''}: copying and hashing…`;
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, async (progress) => {
      let reported = 0;
      const onProgress = (read: number, total: number) => {
        const percent = total > 0 ? Math.min(100, Math.floor((read / total) * 100)) : 100;
        if (percent > reported) progress.report({ increment: percent - reported, message: `${percent}%` });
        reported = Math.max(reported, percent);
      };
      return (await store.service()).addEvidence(incidentId, { file: file.fsPath, onProgress, ...(description ? { description } : {}) });
    });
    store.invalidate();
    for (const warning of result.warnings) void vscode.window.showWarningMessage(`Firebreak: ${warning}`);
    void vscode.window.showInformationMessage(result.duplicate
      ? `Already attached as ${result.evidenceId} (SHA-256 ${result.sha256.slice(0, 12)}…): nothing stored twice.`
      : `Evidence attached: SHA-256 ${result.sha256.slice(0, 12)}…, ${formatSize(result.size)}${result.outOfGit ? ', kept out of Git' : ''}.`);
    return result;
  };

  const describe = (given: string | undefined) => given ?? askText('Describe the evidence (what it is, where it came from)', { optional: true });

  const attachDropped = async (ref: IncidentRef, uriList: string): Promise<EvidenceResult[]> => {
    const { incidentId } = ref;
    const files = await droppedFiles(uriList);
    const names = files.map((f) => withHiddenShown(f.fsPath)).join('\n');
    const confirm = files.length === 1 ? 'Attach' : `Attach ${files.length} Files`;
    const answer = await vscode.window.showWarningMessage(
      `Attach ${files.length === 1 ? `“${withHiddenShown(path.basename(files[0]!.fsPath))}”` : `${files.length} files`} as evidence to incident ${incidentId}?`,
      { modal: true, detail: `Dropped onto the dashboard:\n${names}\n\nEach file is copied (never moved) and its SHA-256 recorded.` }, confirm);
    if (answer !== confirm) throw new CancelledError();
    const description = await describe(undefined);
    const results: EvidenceResult[] = [];
    for (const file of files) results.push(await attach(ref, file, description));
    return results;
  };

  return [
    registerCommand('firebreak.attachEvidence', (arg: unknown) => firebreak.run(async () => {
      requireTrust();
      if (isAttachRequest(arg)) {
        const ref = await resolveIncident(firebreak.repositories.all, arg.incidentId, arg.repository);
        if (arg.uriList !== undefined) return attachDropped(ref, arg.uriList);
        const file = arg.file === undefined ? await chooseFile() : typeof arg.file === 'string' ? vscode.Uri.file(arg.file) : arg.file;
        return attach(ref, file, await describe(arg.description));
      }
      // From the Explorer the file is known; otherwise the incident comes first, then the file.
      const clicked = arg instanceof vscode.Uri ? arg : undefined;
      const ref = await pickIncident(firebreak.incidents, clicked ? undefined : arg);
      const file = clicked ?? await chooseFile();
      return attach(ref, file, await describe(undefined));
    })),
  ];
}

async function chooseFile(): Promise<vscode.Uri> {
  const picked = (await vscode.window.showOpenDialog({ canSelectMany: false, canSelectFolders: false, openLabel: 'Attach as Evidence', title: 'Attach evidence' }))?.[0];
  if (!picked) throw new CancelledError();
  if (picked.scheme !== 'file') throw new UserFacingError('Only files on this machine can be attached as evidence.');
  return picked;
}

function isAttachRequest(arg: unknown): arg is AttachRequest {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return false;
  const record = arg as Record<string, unknown>;
  return typeof record.incidentId === 'string' && !('kind' in record)
    && (record.repository === undefined || typeof record.repository === 'string')
    && (record.file === undefined || typeof record.file === 'string' || record.file instanceof vscode.Uri)
    && (record.uriList === undefined || typeof record.uriList === 'string')
    && (record.description === undefined || typeof record.description === 'string');
}

