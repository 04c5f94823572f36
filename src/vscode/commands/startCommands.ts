// Starting incidents: "Start Incident…" (runbook, title, severity, exercise) and "Start Incident
// from This Runbook" (Runbooks view, CodeLens, an open runbook file).
import path from 'node:path';
import * as vscode from 'vscode';
import type { StartRequest } from '../../service/types';
import type { Firebreak } from '../firebreak';
import { requireTrust, UserFacingError } from '../trust';
import { CancelledError } from './pickers';
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

export function registerStartCommands(firebreak: Firebreak): vscode.Disposable[] {
  const start = (runbookArg: unknown) => firebreak.run(async () => {
    requireTrust();
    const store = firebreak.incidentStore();
    if (!store) throw new UserFacingError('Open a folder inside a Git repository to run incidents.');
    if (isStartRequest(runbookArg)) {
      // Pre-filled (URI handler, tests, other extensions): still one confirmed, recorded start.
      const result = await store.start(runbookArg);
      if (vscode.workspace.getConfiguration('firebreak').get<boolean>('dashboard.openOnStart', true)) firebreak.dashboards.show(result.incidentId);
      return result;
    }
    const runbook = await chooseRunbook(runbookArg, store.root, firebreak.builtinRunbooksDir);
    const title = await nativeStartPrompts.title();
    const severity = await nativeStartPrompts.severity(await severityLevels(store.root), runbook.severity);
    const exercise = await nativeStartPrompts.exercise();
    const result = await store.start({ runbook: runbook.builtin ? runbook.id : runbook.file, title, severity, exercise });
    if (vscode.workspace.getConfiguration('firebreak').get<boolean>('dashboard.openOnStart', true)) firebreak.dashboards.show(result.incidentId);
    return result;
  });
  return [
    vscode.commands.registerCommand('firebreak.startIncident', (arg: unknown) => start(arg)),
    vscode.commands.registerCommand('firebreak.startIncidentFromRunbook', (arg: unknown) => start(arg ?? vscode.window.activeTextEditor?.document.uri)),
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

function isStartRequest(arg: unknown): arg is StartRequest {
  if (typeof arg !== 'object' || arg === null) return false;
  const record = arg as Record<string, unknown>;
  return typeof record.runbook === 'string' && typeof record.title === 'string'
    && (record.severity === undefined || typeof record.severity === 'string')
    && (record.exercise === undefined || typeof record.exercise === 'boolean');
}
