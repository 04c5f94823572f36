// Runs only in the multi-root launch (`run-integration.mjs --multi-root`): a `.code-workspace` of two
// folders, `payments` and `website`, each its own Git repository. Each incident records in its own
// repository, the tree shows a row per repository, and a checkbox records where its incident lives.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { IncidentsNode } from '../../src/vscode/incidentsView';
import { firebreak, waitFor } from './support/firebreak';

const gitIn = (root: string, ...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
const commits = (root: string) => Number(gitIn(root, 'rev-list', '--count', 'HEAD').trim());
const folders = () => (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, root: f.uri.fsPath }));

describe('multi-root: one repository per workspace folder', () => {
  const started = new Map<string, string>();

  it('opens one store per folder\'s repository, in workspace order', async () => {
    const api = await firebreak();
    assert.deepEqual(folders().map((f) => f.name), ['payments', 'website']);
    assert.deepEqual(api.repositoryRoots(), folders().map((f) => f.root));
  });

  it('starts an incident in each repository: each commit lands in that repository only', async () => {
    const api = await firebreak();
    for (const { name, root } of folders()) {
      const before = new Map(folders().map((f) => [f.root, commits(f.root)]));
      const result = await vscode.commands.executeCommand<{ incidentId: string }>('firebreak.startIncident',
        { runbook: 'phishing', title: `Invoice lure at ${name}`, severity: 'SEV2', repository: name });
      started.set(root, result.incidentId);
      for (const other of folders()) {
        if (other.root === root) assert.ok(commits(root) > before.get(root)!, `no commit in ${name}`);
        else assert.equal(commits(other.root), before.get(other.root), `${other.name} changed by a start in ${name}`);
      }
      assert.match(gitIn(root, 'log', '-1', '--format=%B'), new RegExp(`Incident: ${result.incidentId}`));
    }
    const incidents = await waitFor('both incidents', async () => {
      const list = await api.incidents();
      return list.length === 2 ? list : undefined;
    });
    assert.deepEqual(incidents.map((i) => [i.root, i.id]).sort(), [...started.entries()].sort());
  });

  it('shows a row per repository (folder name, repo icon, incident count) above its incidents', async () => {
    const api = await firebreak();
    const rows = await api.incidentRows();
    assert.deepEqual(rows, folders().map((f) => ({ kind: 'repository', repository: f.root })));
    const ids = new Set<string>();
    for (const [index, row] of rows.entries()) {
      const item = api.incidentNodeItem(row);
      assert.equal(item.label, folders()[index]!.name);
      assert.equal(item.description, '1 incident');
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'repo');
      const [incident, ...more] = await api.incidentChildren(row);
      assert.equal(more.length, 0);
      assert.deepEqual(incident, { kind: 'incident', incidentId: started.get(folders()[index]!.root), repository: folders()[index]!.root });
      assert.deepEqual(api.incidentParent(incident!), row);
      ids.add(api.incidentNodeItem(incident!).id!);
    }
    assert.equal(ids.size, 2, 'tree item ids are unique across repositories');
  });

  it('records a step ticked in the second repository\'s tree in that repository only', async () => {
    const api = await firebreak();
    const [first, second] = folders();
    const row = (await api.incidentRows())[1]!;
    const [incident] = await api.incidentChildren(row);
    const stages = await api.incidentChildren(incident!);
    const current = stages.find((s) => api.incidentNodeItem(s).contextValue === 'stage-current')!;
    const step = (await api.incidentChildren(current))[0] as Extract<IncidentsNode, { kind: 'step' }>;
    assert.equal(step.repository, second!.root);
    assert.deepEqual(api.incidentParent(step), current);
    const before = [commits(first!.root), commits(second!.root)];
    await api.checkboxChanged(step, true);
    assert.equal(commits(second!.root), before[1]! + 1);
    assert.equal(commits(first!.root), before[0]);
    const files = gitIn(second!.root, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n');
    assert.ok(files.every((f) => f.startsWith(`incidents/${step.incidentId}/`)), files.join(', '));
    const states = (await api.incidents()).map((i) => [i.root, i.view.stages.flatMap((s) => s.steps).find((s) => s.id === step.stepId)?.state]);
    assert.deepEqual(states.sort(), [[first!.root, 'open'], [second!.root, 'checked']].sort());
  });

  it('tells apart the same incident id in two repositories: tree ids, and a checkbox records in its own repository', async () => {
    const api = await firebreak();
    const [first, second] = folders();
    // The first repository's incident copied into the second, committed there: one id, two repositories.
    const incidentId = started.get(first!.root)!;
    fs.cpSync(path.join(first!.root, 'incidents', incidentId), path.join(second!.root, 'incidents', incidentId), { recursive: true });
    gitIn(second!.root, 'add', '--', `incidents/${incidentId}`);
    gitIn(second!.root, 'commit', '-q', '-m', 'Copy of an incident from another repository');
    await vscode.commands.executeCommand('firebreak.refresh');
    await waitFor('the copy in the second repository', async () => (await api.incidents()).filter((i) => i.id === incidentId).length === 2);
    const rows = await api.incidentRows();
    const copies = (await Promise.all(rows.map((row) => api.incidentChildren(row)))).flat().filter((n) => n.kind === 'incident' && n.incidentId === incidentId);
    assert.equal(copies.length, 2);
    assert.notEqual(api.incidentNodeItem(copies[0]!).id, api.incidentNodeItem(copies[1]!).id);
    const copy = copies.find((n) => n.kind === 'incident' && n.repository === second!.root)!;
    const stage = (await api.incidentChildren(copy)).find((s) => api.incidentNodeItem(s).contextValue === 'stage-current')!;
    const step = (await api.incidentChildren(stage)).find((s) => api.incidentNodeItem(s).checkboxState !== undefined && (api.incidentNodeItem(s).checkboxState as { state: vscode.TreeItemCheckboxState }).state === vscode.TreeItemCheckboxState.Unchecked) as Extract<IncidentsNode, { kind: 'step' }>;
    const before = [commits(first!.root), commits(second!.root)];
    await api.checkboxChanged(step, true);
    assert.deepEqual([commits(first!.root), commits(second!.root)], [before[0], before[1]! + 1]);
    const states = (await api.incidents()).filter((i) => i.id === incidentId).map((i) => [i.root, i.view.stages.flatMap((s) => s.steps).find((s) => s.id === step.stepId)?.state]);
    assert.deepEqual(states.sort(), [[first!.root, 'open'], [second!.root, 'checked']].sort());
  });

  it('a start link picks the repository by folder name, and asks when it names none', async () => {
    const api = await firebreak();
    const [first, second] = folders();
    // Neither repository has a .firebreak.yml: the first start asks where incidents live.
    const answers = { location: async () => ({ kind: 'current' as const }), title: async (prefill?: string) => prefill ?? 'From a link', severity: async () => 'SEV3', exercise: async () => true, confirm: async () => true };
    const named = await api.openStartLink(vscode.Uri.parse('vscode://firebreak.firebreak/start?runbook=phishing&title=Named&repository=website'), answers);
    assert.match(gitIn(second!.root, 'log', '-1', '--format=%B'), new RegExp(`Incident: ${named.incidentId}`));
    let asked: readonly string[] = [];
    const unnamed = await api.openStartLink(vscode.Uri.parse('vscode://firebreak.firebreak/start?runbook=phishing&title=Unnamed'),
      { ...answers, repository: async (names) => { asked = names; return 'payments'; } });
    assert.deepEqual(asked, ['payments', 'website']);
    assert.match(gitIn(first!.root, 'log', '-1', '--format=%B'), new RegExp(`Incident: ${unnamed.incidentId}`));
    await assert.rejects(api.openStartLink(vscode.Uri.parse('vscode://firebreak.firebreak/start?runbook=phishing&repository=nowhere'), answers), /no workspace folder named “nowhere”/);
  });

  it('keys dashboards by repository and incident', async () => {
    const api = await firebreak();
    const second = folders()[1]!;
    const incidentId = started.get(second.root)!;
    await vscode.commands.executeCommand('firebreak.openDashboard', { kind: 'incident', incidentId, repository: second.root });
    assert.ok(api.openDashboards().includes(`${second.root}#${incidentId}`), api.openDashboards().join(', '));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('charts the incidents of every repository on the Metrics page, each naming its repository', async () => {
    const api = await firebreak();
    await vscode.commands.executeCommand('firebreak.showMetrics');
    const view = await waitFor('the metrics page to load', () => {
      const delivered = api.metricsDelivered();
      return delivered && delivered.incidents.length === 5 ? delivered : undefined;
    });
    assert.deepEqual(view.incidents.map((i) => i.repository).sort(), ['payments', 'payments', 'website', 'website', 'website']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lints runbooks in the second repository\'s runbook folder too', async () => {
    await firebreak();
    const file = path.join(folders()[1]!.root, 'runbooks', 'broken.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '---\nid: broken\ntitle: Broken\nversion: [not a number\n---\n# Broken\n\n## Detection\n- [ ] Look <!-- id: look -->\n');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    await waitFor('diagnostics for broken.md', () => vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'firebreak' && d.severity === vscode.DiagnosticSeverity.Error));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('groups the Runbooks view by repository, the built-in library once', async () => {
    const api = await firebreak();
    const runbook = fs.readFileSync(path.join(vscode.extensions.getExtension('firebreak.firebreak')!.extensionPath, 'runbooks', 'phishing.md'), 'utf8')
      .replace(/^id: phishing$/m, 'id: payments-fraud');
    fs.mkdirSync(path.join(folders()[0]!.root, 'runbooks'), { recursive: true });
    fs.writeFileSync(path.join(folders()[0]!.root, 'runbooks', 'payments-fraud.md'), runbook);
    await vscode.commands.executeCommand('firebreak.refresh');
    const groups = await waitFor('a runbook group per repository', async () => {
      const found = await api.runbookGroups();
      return found.length === 3 ? found : undefined;
    });
    assert.deepEqual(groups.slice(0, 2), [
      { label: 'payments', icon: 'repo', runbooks: ['payments-fraud'] },
      { label: 'website', icon: 'repo', runbooks: ['broken'] },
    ]);
    assert.equal(groups[2]!.label, 'Built-in library');
    assert.ok(groups[2]!.runbooks.includes('phishing'));
    assert.equal(new Set(groups[2]!.runbooks).size, groups[2]!.runbooks.length, 'the built-in library listed once');
  });

  it('closes a removed folder\'s repository and opens it again when the folder comes back', async () => {
    const api = await firebreak();
    const [first, second] = folders();
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 1));
    await waitFor('the second repository to close', () => api.repositoryRoots().length === 1);
    assert.deepEqual(api.repositoryRoots(), [first!.root]);
    // One repository left: the tree is as it always was, incidents at the top.
    const rows = await api.incidentRows();
    assert.ok(rows.length > 0 && rows.every((r) => r.kind === 'incident'));
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 0, { uri: vscode.Uri.file(second!.root) }));
    await waitFor('the second repository to open again', () => api.repositoryRoots().length === 2);
    assert.equal((await api.incidents()).filter((i) => i.root === second!.root).length, 3);
  });
});
