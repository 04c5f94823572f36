// Runs only in the Restricted Mode launch (`run-integration.mjs --untrusted`).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

describe('restricted: Firebreak in an untrusted workspace', () => {
  it('opens the folder in Restricted Mode', () => {
    assert.equal(process.env.FIREBREAK_TEST_MODE, 'untrusted');
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still activates and shows its views (read-only)', async () => {
    const extension = vscode.extensions.getExtension('firebreak.firebreak');
    assert.ok(extension);
    await extension.activate();
    await vscode.commands.executeCommand('firebreak.incidents.focus');
  });
});

describe('restricted: recording is refused and nothing is written', () => {
  it('does not start an incident or commit anything', async () => {
    const { commitCount, workspaceRoot } = await import('./support/firebreak');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const before = commitCount();
    await vscode.commands.executeCommand('firebreak.startIncident', { runbook: 'phishing', title: 'Should not be recorded' });
    assert.equal(commitCount(), before);
    assert.equal(fs.existsSync(path.join(workspaceRoot(), 'incidents')), false);
  });
});

describe('restricted: start links are refused', () => {
  it('refuses a start link with the Restricted Mode message and records nothing', async () => {
    const { commitCount, firebreak, workspaceRoot } = await import('./support/firebreak');
    const api = await firebreak();
    const before = commitCount();
    let asked = false;
    const prompts = {
      location: async () => { asked = true; return { kind: 'current' as const }; },
      title: async () => { asked = true; return 'x'; },
    };
    await assert.rejects(api.openStartLink(vscode.Uri.parse('vscode://firebreak.firebreak/start?runbook=phishing&title=From%20a%20link'), prompts), /Restricted Mode/);
    assert.equal(asked, false, 'not even where incidents live is asked');
    const fs = await import('node:fs');
    const path = await import('node:path');
    assert.equal(fs.existsSync(path.join(workspaceRoot(), '.firebreak.yml')), false, 'no .firebreak.yml is written');
    assert.equal(commitCount(), before);
  });
});

describe('restricted: incidents are listed without running git', () => {
  it('shows a teammate\'s incident in the tree and attempts no git spawn', async () => {
    const { cli, firebreak, waitFor } = await import('./support/firebreak');
    const api = await firebreak();
    // A teammate's incident, recorded outside this window (the CLI in its own process).
    cli('start', 'phishing', '--title', 'Recorded by a teammate');
    await vscode.commands.executeCommand('firebreak.refresh');
    const rows = await waitFor('the incident row in the tree', async () => {
      const list = await api.incidentRows();
      return list.length > 0 ? list : undefined;
    });
    assert.equal(rows.length, 1);
    const [incident] = await api.incidents();
    assert.equal(incident!.view.incident.title, 'Recorded by a teammate');
    assert.equal(incident!.view.canRecord, false);
    assert.equal(await api.gitSpawnsRefused(), 0);
  });

  it('refuses a recording command before anything is written or any git runs', async () => {
    const { commitCount, firebreak } = await import('./support/firebreak');
    const api = await firebreak();
    const [incident] = await api.incidents();
    const before = commitCount();
    await vscode.commands.executeCommand('firebreak.addNote', incident!.id);
    assert.equal(commitCount(), before);
    assert.equal(await api.gitSpawnsRefused(), 0);
  });
});
