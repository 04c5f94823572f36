// Issue 7 in a real VS Code: the post-incident review written through the command (one commit,
// postmortem.md opened) and the stakeholder update on the clipboard.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import type { PostmortemResult, RunbookDrift } from '../../src/service/types';
import { commitCount, firebreak, git, waitFor } from './support/firebreak';

describe('review: post-incident commands', () => {
  let incidentId: string;
  before(async () => {
    const api = await firebreak();
    const before = new Set((await api.incidents()).map((i) => i.id));
    await vscode.commands.executeCommand('firebreak.startIncident', { runbook: 'phishing', title: 'Review from the editor', severity: 'SEV3' });
    incidentId = await waitFor('the incident', async () => (await api.incidents()).find((i) => !before.has(i.id))?.id);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const api = await firebreak();
    await waitFor('the dashboards to close', () => api.openDashboards().length === 0);
  });

  it('Generate Post-Incident Review writes postmortem.md in one commit and opens it', async () => {
    const commits = commitCount();
    const result = await vscode.commands.executeCommand<PostmortemResult>('firebreak.generateReview', { incidentId });
    assert.equal(commitCount(), commits + 1);
    assert.deepEqual(git('show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean), [result.path]);
    assert.match(fs.readFileSync(result.file, 'utf8'), /```mermaid\ngantt\n/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, vscode.Uri.file(result.file).fsPath);
  });

  it('Copy Stakeholder Update puts the executive draft on the clipboard', async () => {
    await vscode.env.clipboard.writeText('');
    const text = await vscode.commands.executeCommand<string>('firebreak.copyStakeholderUpdate', { incidentId, kind: 'executive' });
    assert.match(text, new RegExp(`^## Executive update: Review from the editor \\(${incidentId}\\)`));
    assert.equal(await vscode.env.clipboard.readText(), text);
  });

  it('Compare Runbook with Library opens the diff editor: the incident copy against the library file', async () => {
    const drift = await vscode.commands.executeCommand<RunbookDrift>('firebreak.compareRunbookWithLibrary', { incidentId });
    assert.ok(drift.library, 'the built-in phishing runbook is found');
    const tab = await waitFor('the diff editor', () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff ? input : undefined;
    });
    assert.equal(tab.original.fsPath, vscode.Uri.file(drift.copy).fsPath);
    assert.equal(tab.modified.fsPath, vscode.Uri.file(drift.library!).fsPath);
  });
});
