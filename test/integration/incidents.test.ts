// The responder's path in a real VS Code: start an incident, tick a step through the tree's
// checkbox handler, see the commit, open the dashboard, record a field, and follow a change
// made on disk by the CLI.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { cli, commitCount, firebreak, git, waitFor, workspaceRoot } from './support/firebreak';

describe('incidents: recording from VS Code', () => {
  let incidentId: string;

  it('starts an incident from a built-in runbook (one commit)', async () => {
    const api = await firebreak();
    const before = commitCount();
    await vscode.commands.executeCommand('firebreak.startIncident', { runbook: 'phishing', title: 'Invoice lure reported by finance', severity: 'SEV2' });
    const incidents = await waitFor('the incident in the store', async () => {
      const list = await api.incidents();
      return list.length > 0 ? list : undefined;
    });
    incidentId = incidents[0]!.id;
    assert.match(incidentId, /^\d{8}-[a-z0-9]+$/);
    assert.equal(incidents[0]!.view.incident.severity, 'SEV2');
    // The first start in a repository also writes .gitattributes in a setup commit of its own.
    assert.ok(commitCount() >= before + 1 && commitCount() <= before + 2, `commits: ${before} -> ${commitCount()}`);
    assert.match(git('log', '-1', '--format=%B'), new RegExp(`Incident: ${incidentId}`));
  });

  it('records a step ticked in the tree as one commit touching only the incident', async () => {
    const api = await firebreak();
    const view = (await api.incidents()).find((i) => i.id === incidentId)!.view;
    const stage = view.stages.find((s) => s.state === 'current')!;
    const step = stage.steps[0]!;
    const before = commitCount();
    await api.checkboxChanged({ kind: 'step', incidentId, stageId: stage.id, stepId: step.id }, true);
    assert.equal(commitCount(), before + 1);
    const files = git('show', '--name-only', '--format=', 'HEAD').trim().split('\n');
    assert.ok(files.every((f) => f.startsWith(`incidents/${incidentId}/`)), files.join(', '));
    const after = (await api.incidents()).find((i) => i.id === incidentId)!.view;
    assert.equal(after.stages.find((s) => s.id === stage.id)!.steps[0]!.state, 'checked');
  });

  it('opens the dashboard for the incident', async () => {
    const api = await firebreak();
    await vscode.commands.executeCommand('firebreak.openDashboard', incidentId);
    assert.deepEqual(api.openDashboards(), [incidentId]);
    const tab = await waitFor('the dashboard tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes(incidentId)));
    assert.ok(tab.isActive);
  });

  it('records the dashboard\'s intents: acknowledge a hand-off, retract an indicator, transfer custody', async () => {
    const api = await firebreak();
    const view = async () => (await api.incidents()).find((i) => i.id === incidentId)!.view;
    cli('handoff', incidentId, '--to', 'Night Shift', '--summary', 'Sender blocked; recipients still being counted.');
    cli('indicator', incidentId, 'domain', 'invoice-lure.example');
    fs.writeFileSync(path.join(workspaceRoot(), 'lure.eml'), 'Subject: Invoice overdue\n');
    cli('evidence', incidentId, 'lure.eml');
    // This test is about the dashboard's intents, not file watching (tested below): reload at once.
    await vscode.commands.executeCommand('firebreak.refresh');
    const before = await waitFor('the hand-off, indicator and evidence in the view', async () => {
      const current = await view();
      return current.pendingHandoff && current.indicators.length === 1 && current.evidence.length === 1 ? current : undefined;
    });
    assert.equal(before.pendingHandoff!.to, 'Night Shift');
    assert.match(before.pendingHandoff!.summary ?? '', /recipients still being counted/);

    let commits = commitCount();
    await api.dashboardMessage(incidentId, { type: 'acknowledgeHandoff' });
    assert.equal(commitCount(), ++commits);
    assert.equal((await view()).pendingHandoff, undefined);

    await api.dashboardMessage(incidentId, { type: 'retractIndicator', indicatorType: 'domain', value: 'invoice-lure.example' });
    assert.equal(commitCount(), ++commits);
    assert.deepEqual((await view()).indicators, []);

    const evidenceId = before.evidence[0]!.id;
    await api.dashboardMessage(incidentId, { type: 'transferCustody', evidenceId, to: 'Forensics Lab' });
    assert.equal(commitCount(), ++commits);
    const evidence = (await view()).evidence[0]!;
    assert.equal(evidence.holder, 'Forensics Lab');
    assert.equal(evidence.custody.at(-1)!.to, 'Forensics Lab');

    // A malformed intent is dropped before anything is recorded.
    await api.dashboardMessage(incidentId, { type: 'transferCustody', evidenceId, to: 42 });
    await api.dashboardMessage(incidentId, { type: 'retractIndicator', indicatorType: 'malware', value: 'x' });
    assert.equal(commitCount(), commits);
  });

  it('follows a change made on disk by the CLI (file watching, no reload)', async () => {
    const api = await firebreak();
    cli('note', incidentId, 'Mail gateway blocked the sender domain.');
    await waitFor('the note in the timeline', async () => {
      const view = (await api.incidents()).find((i) => i.id === incidentId)?.view;
      return view?.timeline.some((t) => t.text.includes('Mail gateway blocked')) ? true : undefined;
    });
  });

  it('syncs on its own once the branch has a remote, and reports the last successful sync', async () => {
    const api = await firebreak();
    assert.equal(api.lastSync(), undefined, 'no remote yet: nothing to report');
    const remote = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-remote-'));
    execFileSync('git', ['init', '-q', '--bare', remote]);
    git('remote', 'add', 'origin', remote);
    // A recorded action is pushed shortly after its commit (or by the next background fetch).
    cli('note', incidentId, 'Pushed without anyone pressing Sync.');
    await vscode.commands.executeCommand('firebreak.refresh');
    const view = (await api.incidents()).find((i) => i.id === incidentId)!.view;
    const step = view.stages.flatMap((stage) => stage.steps.map((s) => ({ stage, s }))).find((x) => x.s.state === 'open')!;
    await api.checkboxChanged({ kind: 'step', incidentId, stageId: step.stage.id, stepId: step.s.id }, true);
    const branch = git('symbolic-ref', '--short', 'HEAD').trim();
    await waitFor('the commit on the remote', () => {
      const pushed = execFileSync('git', ['for-each-ref', '--format=%(objectname)', `refs/heads/${branch}`], { cwd: remote, encoding: 'utf8' }).trim();
      return pushed === git('rev-parse', 'HEAD').trim() ? true : undefined;
    }, 40_000);
    const sync = await waitFor('a successful sync reported', () => api.lastSync()?.ok === true ? api.lastSync() : undefined);
    assert.ok(Date.parse(sync!.at) > Date.now() - 60_000);
  });
});
