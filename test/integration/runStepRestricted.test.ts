// Runs only in the Restricted Mode launch: a step's command never runs in an untrusted workspace,
// through the command or the API, and nothing is asked or recorded.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { cli, commitCount, firebreak, workspaceRoot } from './support/firebreak';
import { writeRunnableRunbook } from './support/runnable';

describe('restricted: step commands do not run', () => {
  it('refuses with a clear message, asks nothing and records nothing', async () => {
    const file = writeRunnableRunbook();
    // The CLI records outside VS Code (as a teammate would); the extension itself cannot here.
    const incidentId = cli('start', file, '--title', 'Restricted run').trim();
    const api = await firebreak();
    const before = commitCount();
    let asked = 0;
    await assert.rejects(
      api.runStepWithConfirmation(incidentId, 'show-values', async () => { asked++; return true; }),
      /Restricted Mode/,
    );
    await vscode.commands.executeCommand('firebreak.runStepCommand', { kind: 'step', incidentId, stageId: 'analysis', stepId: 'show-values' });
    assert.equal(asked, 0);
    assert.equal(commitCount(), before);
    const events = fs.readFileSync(path.join(workspaceRoot(), 'incidents', incidentId, 'events.jsonl'), 'utf8');
    assert.ok(!events.includes('command.started'));
  });
});
