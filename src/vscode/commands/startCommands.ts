// Starting incidents: "Start Incident…" (runbook, title, severity, exercise) and "Start Incident
// from This Runbook" (Runbooks view, CodeLens, an open runbook file).
import path from 'node:path';
import * as vscode from 'vscode';
import { registerCommand } from '../activation/commandHandlers';
import type { StartRequest } from '../../service/types';
import type { Firebreak } from '../firebreak';
import type { Repository } from '../repositories';
import { requireTrust, UserFacingError } from '../trust';
import { ensureIncidentsLocation } from './incidentsLocation';
import { CancelledError, pickRepository } from './pickers';
import { nativeStartPrompts, severityLevels } from './startPrompts';

interface RunbookChoice {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly builtin: boolean;
  readonly severity?: string;
}

/**
 * The library as the repository configures it (`.firebreak.yml` runbook folders, then the built-in
 * runbooks), front-matter only; `folders` are the repository folders it searched.
 */
export async function listRunbooks(repositoryRoot: string | undefined, builtinDir: string): Promise<{ runbooks: RunbookChoice[]; folders: readonly string[] }> {
  const { loadRepositoryLibrary } = await import('../../core/runbook/repositoryLibrary');
  const { library, folders } = await loadRepositoryLibrary(repositoryRoot, { builtinFolder: builtinDir });
  const runbooks = library.list().map((entry) => ({
    id: entry.id, title: entry.title, file: entry.file, builtin: entry.builtin, ...(entry.severity ? { severity: entry.severity } : {}),
  }));
  return { runbooks, folders };
}

/** A pre-filled start; `repository` (a folder name or a repository root) picks the repository when the window has several. */
type StartArgument = StartRequest & { readonly repository?: string };

/**
 * Which repository records a start: the one the request names, the runbook file's own repository,
 * the only one, else the responder's choice.
 */
async function startRepository(firebreak: Firebreak, arg: unknown): Promise<Repository> {
  const repositories = firebreak.repositories.all;
  if (isStartRequest(arg) && arg.repository !== undefined) {
    const named = repositories.find((r) => r.root === arg.repository || r.answersTo(arg.repository!));
    if (!named) throw new UserFacingError(`No repository named “${arg.repository}” is open in this window.`);
    return named;
  }
  const file = arg instanceof vscode.Uri ? arg.fsPath : runbookFileOf(arg);
  const holding = file !== undefined ? firebreak.repositories.holding(file) : undefined;
  return holding ?? pickRepository(repositories, 'Start the incident in which repository?');
}

export function registerStartCommands(firebreak: Firebreak): vscode.Disposable[] {
  const start = (runbookArg: unknown) => firebreak.run(async () => {
    requireTrust();
    const opened = (await startRepository(firebreak, runbookArg)).store;
    if (isStartRequest(runbookArg)) {
      // Pre-filled (tests, other extensions): not interactive, so never a question; like the CLI,
      // no `.firebreak.yml` means the current branch.
      const { repository: _named, ...request } = runbookArg;
      const result = await opened.start(request);
      if (vscode.workspace.getConfiguration('firebreak').get<boolean>('dashboard.openOnStart', true)) firebreak.showDashboard(opened.root, result.incidentId);
      return result;
    }
    // The first interactive start asks where incidents live (once) before anything else.
    const store = await ensureIncidentsLocation(firebreak, opened, nativeStartPrompts);
    const file = runbookFileOf(runbookArg);
    const runbook = await chooseRunbook(file !== undefined ? vscode.Uri.file(file) : runbookArg, store.root, firebreak.builtinRunbooksDir);
    const title = await nativeStartPrompts.title();
    const severity = await nativeStartPrompts.severity(await severityLevels(store.root), runbook.severity);
    const exercise = await nativeStartPrompts.exercise();
    const result = await store.start({ runbook: runbook.builtin ? runbook.id : runbook.file, title, severity, exercise });
    if (vscode.workspace.getConfiguration('firebreak').get<boolean>('dashboard.openOnStart', true)) firebreak.showDashboard(store.root, result.incidentId);
    return result;
  });
  return [
    registerCommand('firebreak.startIncident', (arg: unknown) => start(arg)),
    registerCommand('firebreak.startIncidentFromRunbook', (arg: unknown) => start(arg ?? vscode.window.activeTextEditor?.document.uri)),
  ];
}

async function chooseRunbook(arg: unknown, root: string, builtinDir: string): Promise<RunbookChoice> {
  const all = (await listRunbooks(root, builtinDir)).runbooks;
  const wanted = arg instanceof vscode.Uri ? arg.fsPath : typeof arg === 'string' ? arg : undefined;
  if (wanted) {
    const found = all.find((r) => r.id === wanted || r.file === wanted);
    if (found) return found;
    if (arg instanceof vscode.Uri) return { id: path.basename(wanted, '.md'), title: path.basename(wanted), file: wanted, builtin: false };
    throw new UserFacingError(`No runbook with id “${wanted}”.`);
  }
  const pick = await vscode.window.showQuickPick(all.map((r) => ({
    label: r.title,
    description: `${r.id}${r.builtin ? ' · built-in' : ''}`,
    runbook: r,
  })), { placeHolder: 'Start an incident from which runbook?', matchOnDescription: true });
  if (!pick) throw new CancelledError();
  return pick.runbook;
}

/** The file of a Runbooks view row (the view passes its node). */
function runbookFileOf(arg: unknown): string | undefined {
  if (typeof arg !== 'object' || arg === null || (arg as { kind?: unknown }).kind !== 'runbook') return undefined;
  const file = (arg as { file?: unknown }).file;
  return typeof file === 'string' ? file : undefined;
}

function isStartRequest(arg: unknown): arg is StartArgument {
  if (typeof arg !== 'object' || arg === null) return false;
  const record = arg as Record<string, unknown>;
  return typeof record.runbook === 'string' && typeof record.title === 'string'
    && (record.repository === undefined || typeof record.repository === 'string')
    && (record.severity === undefined || typeof record.severity === 'string')
    && (record.exercise === undefined || typeof record.exercise === 'boolean');
}
