// Issue 7 in a real VS Code: the post-incident review written through the command (one commit,
// postmortem.md opened), the stakeholder update on the clipboard, a runbook change proposed from
// the dashboard's intent and committed with the incident linked, and closing with the NIST warning.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { CloseQuestion } from '../../src/core/review';
import type { PostmortemResult, RunbookChangeCommit, RunbookDrift, RunbookProposal } from '../../src/service/types';
import { closeDashboards, commitCount, firebreak, git, startIncident, waitFor, workspaceRoot } from './support/firebreak';

describe('review: post-incident commands', () => {
  let incidentId: string;
  before(async () => { incidentId = await startIncident('Review from the editor'); });
  after(closeDashboards);

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

  it('an action item of postmortem.md naming a runbook step gets a Propose Runbook Change lens for that step', async () => {
    const relative = `incidents/${incidentId}/postmortem.md`;
    const file = path.join(workspaceRoot(), relative);
    const generated = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, generated.replace(/^- \[ \] $/m, '- [ ] Search by URL too, Ann, 2026-12-15 `phishing#scope-recipients`'));
    try {
      const uri = vscode.Uri.file(file);
      await vscode.workspace.openTextDocument(uri);
      const lenses = await waitFor('the action item lens', async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        const propose = found?.filter((lens) => lens.command?.command === 'firebreak.proposeRunbookChange');
        return propose && propose.length > 0 ? propose : undefined;
      });
      assert.equal(lenses.length, 1);
      assert.deepEqual(lenses[0]!.command!.arguments, [{ incidentId, step: 'scope-recipients' }]);
      assert.match(lenses[0]!.command!.title, /phishing step scope-recipients/);
    } finally {
      git('checkout', '-q', '--', relative);
    }
  });

  it('Propose Runbook Change leaves a dirty checkout alone: its own worktree, the runbook copied in and open at the step, then committed with the incident linked', async () => {
    const root = workspaceRoot();
    const file = path.join(root, 'propose-check.txt');
    fs.writeFileSync(file, 'committed\n');
    git('add', '--', 'propose-check.txt');
    git('commit', '-q', '-m', 'test: a tracked file to leave uncommitted changes in');
    fs.appendFileSync(file, 'uncommitted\n');
    const branchBefore = git('symbolic-ref', '--short', 'HEAD').trim();
    const headBefore = git('rev-parse', 'HEAD').trim();
    try {
      const proposal = await vscode.commands.executeCommand<Extract<RunbookProposal, { kind: 'ready' }>>(
        'firebreak.proposeRunbookChange', { incidentId, step: 'scope-recipients', copyBuiltin: true });
      assert.equal(proposal.branch, `runbook/phishing-${incidentId}`);
      assert.equal(proposal.managedWorktree, true);
      assert.equal(proposal.copiedBuiltin, true);
      assert.equal(git('symbolic-ref', '--short', 'HEAD').trim(), branchBefore);
      assert.equal(git('rev-parse', 'HEAD').trim(), headBefore);
      assert.equal(fs.readFileSync(file, 'utf8'), 'committed\nuncommitted\n');
      const editor = await waitFor('the runbook editor', () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.fsPath === vscode.Uri.file(proposal.file).fsPath ? active : undefined;
      });
      assert.equal(editor.selection.active.line, proposal.line - 1);
      assert.match(editor.document.lineAt(proposal.line - 1).text, /id: scope-recipients;/);

      await editor.edit((edit) => edit.insert(new vscode.Position(proposal.line, 0), '- [ ] Check the quarantine folder too <!-- id: check-quarantine -->\n'));
      const committed = await vscode.commands.executeCommand<RunbookChangeCommit>('firebreak.commitRunbookChange', { incidentId, step: 'scope-recipients' });
      assert.equal(git('rev-parse', `refs/heads/${proposal.branch}`).trim(), committed.commit);
      assert.equal(git('log', '-1', '--format=%(trailers:key=Incident,valueonly)', committed.commit).trim(), incidentId);
      assert.deepEqual(git('show', '--name-only', '--format=', committed.commit).trim().split('\n'), [proposal.path]);
      assert.equal(git('rev-parse', 'HEAD').trim(), headBefore, 'the user\'s branch did not move');
    } finally {
      git('checkout', '-q', '--', 'propose-check.txt');
    }
  });

  it('the dashboard\'s review intent reaches the command (a copy of the stakeholder update)', async () => {
    const api = await firebreak();
    await vscode.commands.executeCommand('firebreak.openDashboard', incidentId);
    await waitFor('the dashboard', () => api.openDashboards().includes(incidentId));
    await vscode.env.clipboard.writeText('');
    await api.dashboardMessage(incidentId, { type: 'copyStakeholderUpdate', kind: 'tactical' });
    const text = await waitFor('the tactical update on the clipboard', async () => (await vscode.env.clipboard.readText()) || undefined);
    assert.match(text, new RegExp(`^## Tactical update: Review from the editor \\(${incidentId}\\)`));
  });

  it('Close Incident warns with what NIST SP 800-61 finds missing; declining records nothing, confirming closes', async () => {
    const api = await firebreak();
    const questions: CloseQuestion[] = [];
    const commits = commitCount();
    assert.equal(await api.closeWithConfirmation(incidentId, async (question) => { questions.push(question); return false; }), undefined);
    assert.equal(commitCount(), commits);
    assert.match(questions[0]!.message, /^Close the incident with \d+ record fields empty and \d+ required steps unchecked\?$/);
    assert.match(questions[0]!.detail!, /• Summary\n/);
    assert.match(questions[0]!.detail!, /• Pull the full message headers/);
    assert.match(questions[0]!.detail!, /You can still close it/);
    const closed = await api.closeWithConfirmation(incidentId, async () => true);
    assert.ok(closed?.commit);
    assert.equal(commitCount(), commits + 1);
    await waitFor('the incident closed', async () => (await api.incidents()).find((i) => i.id === incidentId)?.view.incident.status === 'closed');
    // Its steps are read-only in the tree: no checkbox, and no step or stage menu (contexts start with `closed-`).
    await waitFor('the closed incident in the tree', async () => (await api.incidentTreeItem(incidentId)).contextValue === 'incident-closed');
    const stages = await api.incidentChildren({ kind: 'incident', incidentId });
    const items = [...stages, ...(await api.incidentChildren(stages[0]!))].map((node) => api.incidentNodeItem(node));
    assert.ok(items.length > stages.length, 'the first stage has steps');
    for (const item of items) {
      assert.equal(item.checkboxState, undefined, String(item.label));
      assert.match(String(item.contextValue), /^closed-(stage|step)-/);
    }
  });
});
