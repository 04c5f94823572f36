// Runnable steps in the real VS Code: a confirmed run records its events and its output as
// evidence (through the same flow as the "Run Step Command" action, with the modal replaced by
// the API's explicit test confirmation), a declined one records nothing, and checking a runnable
// step never runs it.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { cli, commitCount, firebreak, waitFor, workspaceRoot } from './support/firebreak';
import { RUNNABLE_RUNBOOK, startRunnableIncident } from './support/runnable';

function eventTypes(incidentId: string): string[] {
  const text = fs.readFileSync(path.join(workspaceRoot(), 'incidents', incidentId, 'events.jsonl'), 'utf8');
  return text.trim().split('\n').map((line) => (JSON.parse(line) as { type: string }).type);
}

describe('step commands: running from VS Code', () => {
  let incidentId: string;

  before(async () => {
    incidentId = await startRunnableIncident('Runnable step check');
    cli('indicator', incidentId, 'host', '--', '$(touch pwned-by-value)');
  });

  it('shows the step as runnable in the view model', async () => {
    const api = await firebreak();
    const view = await waitFor('the indicator in the view', async () => {
      const found = (await api.incidents()).find((i) => i.id === incidentId)?.view;
      return found && found.indicators.length > 0 ? found : undefined;
    });
    const step = view.stages.flatMap((s) => s.steps).find((s) => s.id === 'show-values')!;
    assert.equal(step.runnable, true);
    assert.equal(view.stages.flatMap((s) => s.steps).find((s) => s.id === 'confirm')!.runnable, undefined);
  });

  it('a declined confirmation records nothing', async () => {
    const api = await firebreak();
    const before = commitCount();
    let asked = 0;
    const result = await api.runStepWithConfirmation(incidentId, 'show-values', async () => { asked++; return false; });
    assert.equal(result, undefined);
    assert.equal(asked, 1);
    assert.equal(commitCount(), before);
    assert.ok(!eventTypes(incidentId).includes('command.started'));
  });

  it('a confirmed run shows the exact command and values, runs in a terminal and records events and evidence', async () => {
    const api = await firebreak();
    const before = commitCount();
    let shown = '';
    const result = await api.runStepWithConfirmation(incidentId, 'show-values', async (_plan, description) => { shown = description; return true; });
    assert.ok(result);
    assert.ok(shown.includes(`printf 'incident=%s host=%s\\n' "$FB_INCIDENT" "$FB_HOST"`), shown);
    assert.ok(shown.includes('FB_HOST="$(touch pwned-by-value)"'), shown);
    assert.equal(result.exitCode, 0);
    assert.equal(commitCount(), before + 2);
    assert.deepEqual(eventTypes(incidentId).slice(-3), ['command.started', 'evidence.added', 'command.finished']);
    const output = fs.readFileSync(path.join(workspaceRoot(), 'incidents', incidentId, 'evidence', result.evidenceId), 'utf8');
    assert.equal(output, `incident=${incidentId} host=$(touch pwned-by-value)\n`);
    assert.equal(fs.existsSync(path.join(workspaceRoot(), 'pwned-by-value')), false);
    assert.ok(vscode.window.terminals.some((t) => t.name.startsWith('Firebreak: Show the values')), vscode.window.terminals.map((t) => t.name).join(', '));
  });
});

describe('step commands: checking a runnable step never runs it', () => {
  // The same runbook, with a command that would leave a file behind if it ever ran.
  const MARKING_RUNBOOK = RUNNABLE_RUNBOOK.replace('id: run-check', 'id: run-check-mark').replace("  printf 'incident", "  touch ran-on-check\n  printf 'incident");
  let incidentId: string;

  before(async () => {
    const api = await firebreak();
    const file = path.join(workspaceRoot(), 'runbooks', 'run-check-mark.md');
    fs.writeFileSync(file, MARKING_RUNBOOK);
    await vscode.commands.executeCommand('firebreak.startIncident', { runbook: file, title: 'Check without running', severity: 'SEV3' });
    incidentId = (await waitFor('the incident in the store', async () => (await api.incidents()).find((i) => i.view.incident.title === 'Check without running'))).id;
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('the tree checkbox and the Check/Uncheck commands record one commit each, and no command runs', async () => {
    const api = await firebreak();
    const view = (await api.incidents()).find((i) => i.id === incidentId)!.view;
    const stage = view.stages.find((s) => s.steps.some((step) => step.id === 'show-values'))!;
    assert.equal(stage.steps.find((step) => step.id === 'show-values')!.runnable, true);
    assert.ok(fs.readFileSync(path.join(workspaceRoot(), 'incidents', incidentId, 'runbook.md'), 'utf8').includes('touch ran-on-check'));
    const node = { kind: 'step' as const, incidentId, stageId: stage.id, stepId: 'show-values' };
    const terminals = vscode.window.terminals.length;
    const stepState = async () => (await api.incidents()).find((i) => i.id === incidentId)!.view.stages.flatMap((s) => s.steps).find((step) => step.id === 'show-values')!.state;

    let commits = commitCount();
    await api.checkboxChanged(node, true);
    assert.equal(commitCount(), ++commits);
    assert.equal(eventTypes(incidentId).at(-1), 'step.checked');
    await vscode.commands.executeCommand('firebreak.uncheckStep', node);
    assert.equal(commitCount(), ++commits);
    await waitFor('the step unchecked', async () => (await stepState()) !== 'checked');
    await vscode.commands.executeCommand('firebreak.checkStep', node);
    assert.equal(commitCount(), ++commits);
    assert.equal(eventTypes(incidentId).at(-1), 'step.checked');

    assert.ok(!eventTypes(incidentId).some((type) => type.startsWith('command.')), eventTypes(incidentId).join(', '));
    // No terminal opened: the step's would be named “Firebreak: Show the values…”.
    assert.equal(vscode.window.terminals.length, terminals, vscode.window.terminals.map((t) => t.name).join(', '));
    assert.equal(fs.existsSync(path.join(workspaceRoot(), 'ran-on-check')), false);
  });
});
