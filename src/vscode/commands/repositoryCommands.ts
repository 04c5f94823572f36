// Commands about the record as a whole: sync, pull request, reconcile, verify, git init.
import * as vscode from 'vscode';
import type { Firebreak } from '../firebreak';
import { requireTrust, UserFacingError } from '../trust';
import { incidentArgument, pickIncident } from './pickers';

export function registerRepositoryCommands(firebreak: Firebreak): vscode.Disposable[] {
  const store = () => {
    const current = firebreak.incidentStore();
    if (!current) throw new UserFacingError('Open a folder inside a Git repository to run incidents.');
    return current;
  };
  const command = (id: string, body: (arg: unknown) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, (arg: unknown) => firebreak.run(() => body(arg)));

  return [
    command('firebreak.sync', async (arg) => {
      requireTrust();
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Firebreak: syncing incidents…' },
        async () => (await store().service()).sync(typeof arg === 'string' ? arg : undefined));
      store().invalidate();
      void vscode.window.showInformationMessage(`Firebreak: ${result.message}`);
      return result;
    }),
    command('firebreak.reconcile', async (arg) => {
      requireTrust();
      const incidentId = await pickIncident(firebreak.incidents, arg, false);
      const result = await (await store().service()).reconcile(incidentId);
      store().invalidate();
      void vscode.window.showInformationMessage(result.commit ? `Reconciled ${result.eventIds.length} hand edit(s) into events.` : 'Nothing to reconcile: incident.md matches its events.');
      return result;
    }),
    command('firebreak.verify', async () => {
      const result = await (await store().service()).verify({});
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
      const link = await (await store().service()).pullRequest(incidentArgument(arg));
      await vscode.env.openExternal(vscode.Uri.parse(link.url));
      return link.url;
    }),
    command('firebreak.initRepository', async () => {
      requireTrust();
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) throw new UserFacingError('Open a folder first.');
      const { initRepository } = await import('../../service');
      await initRepository(folder.uri.fsPath);
      void vscode.window.showInformationMessage('Initialized a Git repository. Reload the window to start recording incidents.', 'Reload Window')
        .then((choice) => choice && vscode.commands.executeCommand('workbench.action.reloadWindow'));
    }),
  ];
}
