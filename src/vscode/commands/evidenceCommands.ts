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
import { droppedFiles, requireLocalRegularFile } from '../droppedEvidence';
import type { Firebreak } from '../firebreak';
import { requireTrust, UserFacingError } from '../trust';
import { askText, CancelledError, incidentArgument, pickIncident, resolveIncident, type IncidentRef } from './pickers';

/** Arguments other extensions, the dashboard's drop and the tests give (the UI gives a Uri or an incident). */
interface AttachRequest {
  readonly incidentId: string;
  /** The incident's repository root (the dashboard gives it; else the one holding the id). */
  readonly repository?: string;
  readonly file?: vscode.Uri | string;
  readonly uriList?: string;
  readonly description?: string;
}

/** The questions Attach Evidence asks through native UI (quick pick, file dialog, input box, modal). */
export interface EvidencePrompts {
  /** The incident to attach to when the command was not given one (the Explorer, the palette). */
  incident(): Promise<{ incidentId: string; root?: string }>;
  /** The file to attach when none was given (palette, tree, dashboard button). */
  file(): Promise<vscode.Uri>;
  /** The description ('' for none). */
  description(): Promise<string>;
  /** Asked before attaching files dropped onto the dashboard; true to attach. */
  confirmDrop(incidentId: string, files: readonly vscode.Uri[]): Promise<boolean>;
}

/** Answers given by the tests in place of the native prompts while `withEvidencePrompts` runs. */
let promptsOverride: Partial<EvidencePrompts> | undefined;

/**
 * Test seam (not reachable from a webview): runs `run` (which invokes the command, or delivers a
 * dashboard message) with `prompts` answering in place of the native UI.
 */
export async function withEvidencePrompts<T>(prompts: Partial<EvidencePrompts>, run: () => PromiseLike<T>): Promise<T> {
  promptsOverride = prompts;
  try {
    return await run();
  } finally {
    promptsOverride = undefined;
  }
}

export function registerEvidenceCommands(firebreak: Firebreak): vscode.Disposable[] {
  const native: EvidencePrompts = {
    incident: async () => {
      const { store, incidentId } = await pickIncident(firebreak.incidents, undefined);
      return { incidentId, root: store.root };
    },
    file: chooseFile,
    description: () => askText('Describe the evidence (what it is, where it came from)', { optional: true }),
    confirmDrop: confirmDropWithModal,
  };
  const prompts = (): EvidencePrompts => ({ ...native, ...promptsOverride });

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

  const describe = (given: string | undefined) => given ?? prompts().description();

  /** Several files (each already checked), one description. */
  const attachAll = async (ref: IncidentRef, files: readonly vscode.Uri[], description: string | undefined): Promise<EvidenceResult[]> => {
    const results: EvidenceResult[] = [];
    for (const file of files) results.push(await attach(ref, file, description));
    return results;
  };

  const attachDropped = async (ref: IncidentRef, uriList: string): Promise<EvidenceResult[]> => {
    const files = await droppedFiles(uriList);
    if (!await prompts().confirmDrop(ref.incidentId, files)) throw new CancelledError();
    return attachAll(ref, files, await describe(undefined));
  };

  return [
    // The Explorer passes the clicked file and, when several are selected, all of them.
    registerCommand('firebreak.attachEvidence', (arg: unknown, selected?: unknown) => firebreak.run(async () => {
      requireTrust();
      if (isAttachRequest(arg)) {
        const ref = await resolveIncident(firebreak.repositories.all, arg.incidentId, arg.repository);
        if (arg.uriList !== undefined) return attachDropped(ref, arg.uriList);
        const file = arg.file === undefined ? await prompts().file() : typeof arg.file === 'string' ? vscode.Uri.file(arg.file) : arg.file;
        return attach(ref, file, await describe(arg.description));
      }
      if (arg instanceof vscode.Uri) {
        const files = await explorerFiles(arg, selected);
        const { incidentId, root } = await prompts().incident();
        const ref = await resolveIncident(firebreak.repositories.all, incidentId, root);
        const results = await attachAll(ref, files, await describe(undefined));
        return files.length === 1 ? results[0] : results;
      }
      // From the tree, the palette or the dashboard button: the incident comes first, then the file.
      const given = incidentArgument(arg);
      const { incidentId, root } = given ?? await prompts().incident();
      const ref = await resolveIncident(firebreak.repositories.all, incidentId, root);
      return attach(ref, await prompts().file(), await describe(undefined));
    })),
  ];
}

/** The Explorer's selection when the clicked file is part of it, else the clicked file; each checked as a dropped file is. */
async function explorerFiles(clicked: vscode.Uri, selected: unknown): Promise<vscode.Uri[]> {
  const all = Array.isArray(selected) && selected.every((u) => u instanceof vscode.Uri) && selected.some((u: vscode.Uri) => u.toString() === clicked.toString())
    ? selected as vscode.Uri[] : [clicked];
  for (const uri of all) await requireLocalRegularFile(uri, `“${withHiddenShown(path.basename(uri.fsPath))}”`);
  return all;
}

async function confirmDropWithModal(incidentId: string, files: readonly vscode.Uri[]): Promise<boolean> {
  const names = files.map((f) => withHiddenShown(f.fsPath)).join('\n');
  const confirm = files.length === 1 ? 'Attach' : `Attach ${files.length} Files`;
  const answer = await vscode.window.showWarningMessage(
    `Attach ${files.length === 1 ? `“${withHiddenShown(path.basename(files[0]!.fsPath))}”` : `${files.length} files`} as evidence to incident ${incidentId}?`,
    { modal: true, detail: `Dropped onto the dashboard:\n${names}\n\nEach file is copied (never moved) and its SHA-256 recorded.` }, confirm);
  return answer === confirm;
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

