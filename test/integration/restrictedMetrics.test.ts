// Runs only in the Restricted Mode launch: the Metrics view is read-only, like the tree, and runs no git.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cli, firebreak, waitFor } from './support/firebreak';

describe('restricted: the Metrics view reads incidents without running git', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens with every incident of the repository and attempts no git spawn', async () => {
    const api = await firebreak();
    // A teammate's incident, recorded outside this window (the CLI in its own process).
    if ((await api.incidents()).length === 0) {
      cli('start', 'phishing', '--title', 'Recorded by a teammate');
      await vscode.commands.executeCommand('firebreak.refresh');
    }
    const ids = await waitFor('the incidents', async () => {
      const list = (await api.incidents()).map((i) => i.id);
      return list.length > 0 ? list : undefined;
    });
    await vscode.commands.executeCommand('firebreak.showMetrics');
    const view = await waitFor('the metrics page to receive the incidents', () => {
      const delivered = api.metricsDelivered();
      return delivered && ids.every((id) => delivered.incidents.some((i) => i.id === id)) ? delivered : undefined;
    }, 30_000);
    assert.equal(view.incidents.length, ids.length);
    assert.equal(await api.gitSpawnsRefused(), 0);
  });
});
