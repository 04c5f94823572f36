// Runbook authoring: "New Runbook…" from a template, "Validate Runbooks" into the Problems panel,
// and the CodeLens "Start incident from this runbook" at the top of a runbook file.
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { registerCommand } from '../activation/commandHandlers';
import type { Firebreak } from '../firebreak';
import type { RunbookDiagnostics } from '../runbookDiagnostics';
import { UserFacingError } from '../trust';
import { askText, pickRepository } from './pickers';
import { listRunbooks } from './startCommands';

export function newRunbookTemplate(id: string, title: string): string {
  return `---
id: ${id}
title: ${JSON.stringify(title)}
version: 1
severity: SEV3
owners: []
review: { last: ${new Date().toISOString().slice(0, 10)}, every: 180d }
roles: [commander, scribe, comms, analyst]
sla:
  SEV1: { containment: 1h, recovery: 24h }
  SEV2: { containment: 4h, recovery: 72h }
  SEV3: { containment: 24h, recovery: 7d }
  SEV4: { containment: 72h, recovery: 14d }
escalation: {}
---
# ${title}

When to use this runbook, and how to decide the severity.

## Preparation
- [ ] Confirm the on-call rota and escalation contacts are current — done when each has answered a test page <!-- id: rota-current; role: commander -->

## Detection
- [ ] Confirm the alert or report describes a real incident and declare it — done when the severity is set <!-- id: declare; role: commander; required -->

## Analysis
- [ ] Establish the scope: affected accounts, hosts and data — done when the list is in the record <!-- id: scope; role: analyst; required -->

## Containment
- [ ] Stop the spread — done when no new affected system appears for an hour <!-- id: contain; role: analyst; required -->

## Eradication
- [ ] Remove the cause — done when a fresh scan finds nothing <!-- id: eradicate; role: analyst -->

## Recovery
- [ ] Restore normal service — done when owners confirm it works <!-- id: restore-service; role: analyst -->

## Post-incident review
- [ ] Hold the review and file the action items — done when each has an owner <!-- id: review; role: commander; required -->
`;
}

export function registerRunbookCommands(firebreak: Firebreak, diagnostics: RunbookDiagnostics): vscode.Disposable[] {
  return [
    registerCommand('firebreak.newRunbook', () => firebreak.run(async () => {
      const repositories = firebreak.repositories.all;
      const root = repositories.length > 0 ? (await pickRepository(repositories, 'Add the runbook to which repository?')).root : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      if (!root) throw new UserFacingError('Open a folder first.');
      const title = await askText('Runbook title', { placeHolder: 'Lost or stolen laptop' });
      const suggested = title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'runbook';
      const id = await askText('Runbook id (kebab-case, unique in the library)', { value: suggested });
      if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new UserFacingError('A runbook id is lower-case letters, digits and dashes, starting with a letter or digit.');
      const file = path.join(root, 'runbooks', `${id}.md`);
      if (fs.existsSync(file)) throw new UserFacingError(`runbooks/${id}.md already exists.`);
      const edit = new vscode.WorkspaceEdit();
      const uri = vscode.Uri.file(file);
      edit.createFile(uri, { contents: new TextEncoder().encode(newRunbookTemplate(id, title)) });
      await vscode.workspace.applyEdit(edit);
      await vscode.window.showTextDocument(uri);
      return file;
    })),
    registerCommand('firebreak.validateRunbooks', () => firebreak.run(async () => {
      const repositoryRoots = firebreak.repositories.all.map((r) => r.root);
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
      const roots = repositoryRoots.length > 0 ? repositoryRoots : folder !== undefined ? [folder] : [];
      if (roots.length === 0) throw new UserFacingError('Open a folder first.');
      // Every repository's runbooks as its .firebreak.yml configures them (the built-in ones are checked by their own tests).
      const files: vscode.Uri[] = [];
      for (const root of roots) {
        files.push(...(await listRunbooks(root, firebreak.builtinRunbooksDir)).runbooks.filter((r) => !r.builtin).map((r) => vscode.Uri.file(r.file)));
      }
      let errors = 0;
      let warnings = 0;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Firebreak: validating runbooks…', cancellable: true }, async (progress, token) => {
        for (const uri of files) {
          if (token.isCancellationRequested) break;
          progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
          const found = await diagnostics.lint(await vscode.workspace.openTextDocument(uri));
          errors += found.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
          warnings += found.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
        }
      });
      const summary = `Validated ${files.length} runbook(s): ${errors} error(s), ${warnings} warning(s).`;
      if (errors + warnings > 0) void vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(summary);
      return { files: files.length, errors, warnings };
    })),
  ];
}

/** "Start incident from this runbook" above the first line of a runbook file. */
export class RunbookCodeLens implements vscode.CodeLensProvider {
  constructor(private readonly isRunbook: (uri: vscode.Uri) => boolean) {}

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.isRunbook(document.uri) || !vscode.workspace.isTrusted) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
      title: '$(flame) Start incident from this runbook',
      command: 'firebreak.startIncidentFromRunbook',
      arguments: [document.uri],
    })];
  }
}
