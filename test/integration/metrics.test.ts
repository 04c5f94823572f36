// Issue 7 in a real VS Code: "Show Incident Metrics" opens one Metrics webview whose page loads
// and receives every incident of the repository (exercises marked), and follows new incidents.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StartResult } from '../../src/service/types';
import type { MetricsView } from '../../src/shared/metricsProtocol';
import { closeDashboards, firebreak, waitFor } from './support/firebreak';

const metricsTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs)
  .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('firebreak.metrics'));

describe('metrics: the Metrics webview', () => {
  const start = async (title: string, exercise: boolean) =>
    (await vscode.commands.executeCommand<StartResult>('firebreak.startIncident', { runbook: 'phishing', title, severity: 'SEV3', exercise })).incidentId;
  /** The page's last view once it holds every incident in `ids`. */
  const deliveredWith = async (ids: readonly string[]): Promise<MetricsView> => {
    const api = await firebreak();
    return waitFor('the metrics page to receive the incidents', () => {
      const view = api.metricsDelivered();
      return view && ids.every((id) => view.incidents.some((i) => i.id === id)) ? view : undefined;
    }, 30_000);
  };
  let real: string;
  let drill: string;

  before(async () => {
    real = await start('Metrics: real incident', false);
    drill = await start('Metrics: drill', true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Show Incident Metrics opens one panel with every incident of the repository, exercises marked', async () => {
    await vscode.commands.executeCommand('firebreak.showMetrics');
    const view = await deliveredWith([real, drill]);
    const api = await firebreak();
    assert.deepEqual(new Set(view.incidents.map((i) => i.id)), new Set((await api.incidents()).map((i) => i.id)));
    assert.equal(view.incidents.find((i) => i.id === real)?.exercise, false);
    assert.equal(view.incidents.find((i) => i.id === drill)?.exercise, true);
    assert.equal(view.incidents.find((i) => i.id === drill)?.title, 'Metrics: drill');
    assert.ok(view.slaMisses.real.some((r) => r.runbook === 'phishing'));
    assert.ok(view.slaMisses.exercises.some((r) => r.runbook === 'phishing'));
    assert.equal(metricsTabs().length, 1);

    await vscode.commands.executeCommand('firebreak.showMetrics');
    assert.equal(metricsTabs().length, 1, 'the command reveals the open panel instead of a second one');
  });

  it('opens the dashboard of an incident the page names, and of no other', async () => {
    const api = await firebreak();
    await closeDashboards();
    await vscode.commands.executeCommand('firebreak.showMetrics');
    await deliveredWith([real]);
    await api.metricsMessage({ type: 'openIncident', incidentId: '20991231-zzzzzz' });
    await api.metricsMessage({ type: 'openIncident', incidentId: real, command: 'workbench.action.terminal.new' });
    assert.deepEqual(api.openDashboards(), []);
    await api.metricsMessage({ type: 'openIncident', incidentId: real });
    await waitFor('the dashboard of the incident', () => api.openDashboards().includes(real));
  });

  it('follows incidents started while it is open', async () => {
    await vscode.commands.executeCommand('firebreak.showMetrics');
    await deliveredWith([real]);
    const later = await start('Metrics: started later', false);
    await vscode.commands.executeCommand('firebreak.showMetrics');
    const view = await deliveredWith([real, drill, later]);
    const opened = view.incidents.map((i) => i.openedAt);
    assert.deepEqual(opened, [...opened].sort(), 'oldest first');
  });
});
