// Runnable steps in the real VS Code: a confirmed run records its events and its output as
// evidence (through the same flow as the "Run Step Command" action, with the modal replaced by
// the API's explicit test confirmation), and a declined one records nothing.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { cli, commitCount, firebreak, waitFor, workspaceRoot } from './support/firebreak';
import { startRunnableIncident } from './support/runnable';

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
