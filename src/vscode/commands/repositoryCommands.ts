// Commands about the record as a whole: sync, pull request, reconcile, verify, git init.
import * as vscode from 'vscode';
import { registerCommand } from '../activation/commandHandlers';
import type { Firebreak } from '../firebreak';
import { requireTrust, UserFacingError } from '../trust';
import { incidentArgument, pickIncident, pickRepository, resolveIncident } from './pickers';

export function registerRepositoryCommands(firebreak: Firebreak): vscode.Disposable[] {
  /** The repository a repository-wide command works on: the only one, else asked. */
  const store = async (placeHolder: string) => (await pickRepository(firebreak.repositories.all, placeHolder)).store;
  const command = (id: string, body: (arg: unknown) => Promise<unknown>) =>
    registerCommand(id, (arg: unknown) => firebreak.run(() => body(arg)));

  return [
    command('firebreak.sync', async (arg) => {
      requireTrust();
      const repository = await store('Sync the incidents of which repository?');
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Firebreak: syncing incidents…' },
        async () => (await repository.service()).sync(typeof arg === 'string' ? arg : undefined));
      repository.invalidate();
      void vscode.window.showInformationMessage(`Firebreak: ${result.message}`);
      return result;
    }),
    command('firebreak.reconcile', async (arg) => {
      requireTrust();
      const { store: repository, incidentId } = await pickIncident(firebreak.incidents, arg, false);
      const result = await (await repository.service()).reconcile(incidentId);
      repository.invalidate();
      void vscode.window.showInformationMessage(result.commit ? `Reconciled ${result.eventIds.length} hand edit(s) into events.` : 'Nothing to reconcile: incident.md matches its events.');
      return result;
    }),
    command('firebreak.verify', async () => {
      const result = await (await (await store('Verify the incident records of which repository?')).service()).verify({});
      if (result.problems.length === 0) {
        void vscode.window.showInformationMessage(`Verified ${result.checked.length} incident record(s): consistent.`);
      } else {
        firebreak.output.show(true);
        for (const p of result.problems) firebreak.output.error(`${p.file}: ${p.message}`);
        void vscode.window.showErrorMessage(`Verify found ${result.problems.length} problem(s); see the Firebreak output.`);
      }
      return result;
    }),
    command('firebreak.openPullRequest', async (arg) => {
      requireTrust();
      const given = incidentArgument(arg);
      const ref = given ? await resolveIncident(firebreak.repositories.all, given.incidentId, given.root) : undefined;
      const repository = ref?.store ?? await store('Open a pull request for the incidents of which repository?');
      const link = await (await repository.service()).pullRequest(ref?.incidentId);
      await vscode.env.openExternal(vscode.Uri.parse(link.url));
      return link.url;
    }),
    command('firebreak.initRepository', async () => {
      requireTrust();
      // The first folder that is not in a repository yet (with one folder: that folder).
      const folders = vscode.workspace.workspaceFolders ?? [];
      const folder = folders.find((f) => !firebreak.repositories.all.some((r) => r.folders.includes(f.uri.fsPath))) ?? folders[0];
      if (!folder) throw new UserFacingError('Open a folder first.');
      const { initRepository } = await import('../../service');
      await initRepository(folder.uri.fsPath);
      // The new repository's store opens at once, like a folder added to the window.
      firebreak.repositories.update();
      void vscode.window.showInformationMessage(`Initialized a Git repository in ${folder.name}: incidents started there are recorded in it.`);
    }),
  ];
}
