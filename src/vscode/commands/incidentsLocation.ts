// "Where incidents live", asked once: the first interactive start in a repository without
// `.firebreak.yml` asks (current branch, a dedicated branch, one branch per incident, another
// repository), writes the file, and reopens the store so the start records where the team chose.
// Never in Restricted Mode (starting is refused there before this is reached).
import * as vscode from 'vscode';
import type { BranchMode } from '../../core/config';
import type { Firebreak } from '../firebreak';
import type { IncidentStore } from '../incidentStore';
import { UserFacingError } from '../trust';
import { CancelledError } from './pickers';
import type { StartPrompts } from './startPrompts';

const CHOICES: readonly (vscode.QuickPickItem & { readonly mode: BranchMode['kind'] })[] = [
  { mode: 'current', label: 'Current branch', description: 'commits land on the branch you have checked out' },
  { mode: 'dedicated', label: 'Dedicated branch', description: 'a branch (incidents) in its own worktree: your checkout is never switched' },
  { mode: 'per-incident', label: 'One branch per incident', description: 'a branch incident/<id> per incident, each in its own worktree' },
  { mode: 'repository', label: 'Another repository', description: 'incidents recorded in another Git repository on disk (pick its folder)' },
];

/**
 * The native question. A `repository` answer holds the folder as picked (checked and made
 * relative by `ensureIncidentsLocation`).
 */
export async function askIncidentsLocation(): Promise<BranchMode> {
  const pick = await vscode.window.showQuickPick(CHOICES, {
    title: 'Where do incidents live?',
    placeHolder: 'Asked once for this repository, saved in .firebreak.yml for the team',
    ignoreFocusOut: true,
  });
  if (!pick) throw new CancelledError();
  switch (pick.mode) {
    case 'current': return { kind: 'current' };
    case 'per-incident': return { kind: 'per-incident', prefix: 'incident' };
    case 'dedicated': {
      const { isConfigBranchName } = await import('../../core/config');
      const branch = await vscode.window.showInputBox({
        prompt: 'Branch for incidents (kept in its own worktree; your checkout is never switched)',
        value: 'incidents',
        ignoreFocusOut: true,
        validateInput: (value) => isConfigBranchName(value.trim()) ? undefined : 'Lowercase letters, digits, ".", "_" or "-", parts separated by "/" (e.g. incidents)',
      });
      if (branch === undefined) throw new CancelledError();
      return { kind: 'dedicated', branch: branch.trim() };
    }
    case 'repository': {
      const folders = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Record Incidents Here', title: 'The Git repository where incidents are recorded' });
      const folder = folders?.[0];
      if (!folder) throw new CancelledError();
      return { kind: 'repository', path: folder.fsPath };
    }
  }
}

/**
 * The store to start in: `store` when `.firebreak.yml` exists (even without a `branch` key) or the
 * workspace is untrusted; otherwise asks `ask.location`, writes the file (never over one that
 * appeared meanwhile), tells the user once, and returns the reopened store that uses it.
 * Cancelling throws CancelledError and writes nothing, so the next start asks again.
 */
export async function ensureIncidentsLocation(firebreak: Firebreak, store: IncidentStore, ask: Pick<StartPrompts, 'location'>): Promise<IncidentStore> {
  if (!vscode.workspace.isTrusted) return store;
  const { CONFIG_FILE, isConfigBranchName, loadConfig } = await import('../../core/config');
  if ((await loadConfig(store.root)).found) return store;
  const chosen = await ask.location(store.root);
  const { repositoryModeFor, writeInitialConfig } = await import('../../service/initialConfig');
  let mode = chosen;
  if (chosen.kind === 'dedicated' && !isConfigBranchName(chosen.branch)) throw new UserFacingError(`“${chosen.branch}” is not a branch name ${CONFIG_FILE} accepts (e.g. incidents).`);
  if (chosen.kind === 'repository') {
    try {
      mode = await repositoryModeFor(store.root, chosen.path);
    } catch (error) {
      throw new UserFacingError(error instanceof Error ? error.message : String(error));
    }
  }
  const file = vscode.Uri.file(`${store.root}/${CONFIG_FILE}`);
  if (await writeInitialConfig(store.root, mode)) {
    firebreak.output.info(`wrote ${file.fsPath}: incidents recorded ${describe(mode)}`);
    const open = `Open ${CONFIG_FILE}`;
    void vscode.window.showInformationMessage(
      `Firebreak wrote ${CONFIG_FILE}: incidents are recorded ${describe(mode)}. Commit it so your team shares this choice.`, open,
    ).then((answer) => answer === open ? vscode.window.showTextDocument(file) : undefined);
  } else {
    firebreak.output.info(`${file.fsPath} appeared while asking: using it as written`);
  }
  // The service read the configuration when it opened: a new store reads the new one.
  return firebreak.reopenStore(store.root) ?? store;
}

function describe(mode: BranchMode): string {
  switch (mode.kind) {
    case 'current': return 'on the branch you have checked out';
    case 'dedicated': return `on the branch ${mode.branch}, in its own worktree`;
    case 'per-incident': return `on a branch ${mode.prefix}/<id> per incident`;
    case 'repository': return `in the repository ${mode.path}`;
  }
}
