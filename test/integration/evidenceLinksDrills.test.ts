// Issue 8 in a real VS Code: attaching evidence through the command, checking files dropped onto
// the dashboard, the start link (pre-filled, confirmed, refused when malformed), and drills.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { EvidenceResult, StartResult } from '../../src/service/types';
import type { StartSummary } from '../../src/vscode/commands/startPrompts';
import { droppedFiles } from '../../src/vscode/droppedEvidence';
import { cli, closeDashboards, commitCount, firebreak, git, startIncident, waitFor, workspaceRoot } from './support/firebreak';

describe('evidence: attaching from VS Code', () => {
  afterEach(closeDashboards);
  let incidentId: string;
  let evidenceFile: string;
  before(async () => {
    incidentId = await startIncident('Evidence from the editor');
    evidenceFile = path.join(workspaceRoot(), 'collected', 'invoice-lure.eml');
    fs.mkdirSync(path.dirname(evidenceFile), { recursive: true });
    fs.writeFileSync(evidenceFile, 'From: billing@evil.example\nSubject: Invoice overdue\n\nPay now.\n');
  });

  it('records the file: one commit, the copy in evidence/, SHA-256, size, name, who, description', async () => {
    const api = await firebreak();
    const before = commitCount();
    const result = await vscode.commands.executeCommand<EvidenceResult>('firebreak.attachEvidence',
      { incidentId, file: vscode.Uri.file(evidenceFile), description: 'The reported phishing mail' });
    const bytes = fs.readFileSync(evidenceFile);
    assert.equal(result.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(result.duplicate, false);
    assert.equal(commitCount(), before + 1);
    const stored = path.join(workspaceRoot(), 'incidents', incidentId, 'evidence', result.evidenceId);
    assert.deepEqual(fs.readFileSync(stored), bytes);
    assert.ok(git('show', '--name-only', '--format=', 'HEAD').includes(`incidents/${incidentId}/evidence/${result.evidenceId}`));
    const item = await waitFor('the evidence in the view', async () => (await api.incidents()).find((i) => i.id === incidentId)?.view.evidence[0]);
    assert.equal(item.name, 'invoice-lure.eml');
    assert.equal(item.size, bytes.length);
    assert.equal(item.description, 'The reported phishing mail');
    assert.equal(item.collectedBy, git('config', 'user.name').trim());
    assert.equal(item.holder, item.collectedBy);
  });

  it('does not store the same file twice', async () => {
    const before = commitCount();
    const again = await vscode.commands.executeCommand<EvidenceResult>('firebreak.attachEvidence',
      { incidentId, file: vscode.Uri.file(evidenceFile), description: 'again' });
    assert.equal(again.duplicate, true);
    assert.equal(commitCount(), before);
    assert.equal(fs.readdirSync(path.join(workspaceRoot(), 'incidents', incidentId, 'evidence')).length, 1);
  });

  it('accepts a dropped file only when it is a regular local file, not a link, folder or remote URI', async () => {
    const root = workspaceRoot();
    const link = path.join(root, 'collected', 'link.eml');
    fs.symlinkSync(evidenceFile, link);
    const accepted = await droppedFiles(`# dropped\r\n${vscode.Uri.file(evidenceFile).toString()}\r\n`);
    assert.deepEqual(accepted.map((u) => u.fsPath), [evidenceFile]);
    await assert.rejects(droppedFiles(vscode.Uri.file(link).toString()), /symbolic link/);
    await assert.rejects(droppedFiles(vscode.Uri.file(path.join(root, 'collected')).toString()), /not a regular file/);
    await assert.rejects(droppedFiles('https://evil.example/payload.exe'), /only files on this machine/);
    await assert.rejects(droppedFiles('file://fileserver/share/x.eml'), /only files on this machine/);
    await assert.rejects(droppedFiles(vscode.Uri.file(path.join(root, 'nope.eml')).toString()), /does not exist/);
  });
});

describe('start links: vscode://firebreak.firebreak/start', () => {
  afterEach(closeDashboards);
  const link = (query: string) => vscode.Uri.parse(`vscode://firebreak.firebreak/start?${query}`);

  /** Prompts that answer with what they were given (the pre-filled values) and remember it. */
  function recordingPrompts(confirm: boolean) {
    const seen: { title?: string; severity?: string; summary?: StartSummary } = {};
    return {
      seen,
      prompts: {
        // The first start in this workspace (no .firebreak.yml yet) asks where incidents live.
        location: async () => ({ kind: 'current' as const }),
        title: async (prefill?: string) => { seen.title = prefill; return prefill ?? 'typed title'; },
        severity: async (levels: readonly string[], preferred?: string) => { seen.severity = preferred; return preferred ?? levels[0]!; },
        exercise: async () => false,
        confirm: async (summary: StartSummary) => { seen.summary = summary; return confirm; },
      },
    };
  }

  it('opens the start flow pre-filled and records the source after confirmation', async () => {
    const api = await firebreak();
    const { seen, prompts } = recordingPrompts(true);
    const source = 'https://siem.example.com/alerts/4711';
    const result: StartResult = await api.openStartLink(link(`runbook=phishing&title=Invoice%20lure%20at%20finance&severity=SEV2&source=${encodeURIComponent(source)}`), prompts);
    assert.equal(seen.title, 'Invoice lure at finance');
    assert.equal(seen.severity, 'SEV2');
    assert.deepEqual(seen.summary, { runbookTitle: seen.summary!.runbookTitle, runbookId: 'phishing', title: 'Invoice lure at finance', severity: 'SEV2', exercise: false, source });
    const record = fs.readFileSync(path.join(workspaceRoot(), result.folder, 'incident.md'), 'utf8');
    assert.ok(record.includes(source), 'the source link is in the record');
    const opened = JSON.parse(fs.readFileSync(path.join(workspaceRoot(), result.folder, 'events.jsonl'), 'utf8').split('\n')[0]!) as { title: string; severity: string; fromAlert: string };
    assert.deepEqual([opened.title, opened.severity, opened.fromAlert], ['Invoice lure at finance', 'SEV2', source]);
    const view = await waitFor('the incident in the store', async () => (await api.incidents()).find((i) => i.id === result.incidentId)?.view);
    assert.equal(view.incident.source, source, 'the dashboard names the alert');
  });

  it('keeps an alert link with its own query and "&", "=", "+" in the title, as a SIEM encodes them once', async () => {
    const api = await firebreak();
    const { seen, prompts } = recordingPrompts(false);
    const source = 'https://siem.example.com/alerts?id=4711&org=2&q=a+b%20c';
    const title = 'R&D laptop: C++ build=broken';
    await assert.rejects(api.openStartLink(link(`runbook=phishing&source=${encodeURIComponent(source)}&title=${encodeURIComponent(title)}`), prompts));
    assert.equal(seen.title, title);
    assert.equal(seen.summary?.source, source);
  });

  it('records nothing when the responder does not confirm', async () => {
    const api = await firebreak();
    const before = commitCount();
    const { seen, prompts } = recordingPrompts(false);
    await assert.rejects(api.openStartLink(link('runbook=generic&title=Unexpected'), prompts));
    assert.equal(seen.summary?.title, 'Unexpected');
    assert.equal(commitCount(), before);
  });

  for (const [what, query, message] of [
    ['a runbook path', 'runbook=..%2F..%2Fruncommand.md&title=x', /never by path/],
    ['an unknown parameter', 'runbook=phishing&title=x&command=touch%20pwned', /unknown parameter "command"/],
    ['a control character', 'runbook=phishing&title=a%1B%5B31mred', /control or bidirectional characters/],
    ['an unknown runbook', 'runbook=no-such-runbook', /no runbook with id “no-such-runbook”/],
  ] as const) {
    it(`refuses ${what} with a clear message, before asking anything`, async () => {
      const api = await firebreak();
      const before = commitCount();
      const { seen, prompts } = recordingPrompts(true);
      await assert.rejects(api.openStartLink(link(query), prompts), (error: Error) => message.test(error.message) && /^Refused a start link/.test(error.message));
      assert.deepEqual(seen, {});
      assert.equal(commitCount(), before);
    });
  }
});

describe('drills: an exercise is marked and kept out of metrics', () => {
  afterEach(closeDashboards);
  it('shows as a drill in the tree and counts only among exercises', async () => {
    const api = await firebreak();
    type Metrics = { real: { overall: { incidents: number } }; exercises: { overall: { incidents: number } } };
    const metrics = () => JSON.parse(cli('report', '--all', '--json')) as Metrics;
    const before = metrics();
    const drillId = await startIncident('Tabletop: phishing wave', true);
    const item = await api.incidentTreeItem(drillId);
    assert.match(String(item.description), /^EXERCISE · /);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'beaker');
    const after = metrics();
    assert.equal(after.exercises.overall.incidents, before.exercises.overall.incidents + 1);
    assert.equal(after.real.overall.incidents, before.real.overall.incidents);
    const record = fs.readFileSync(path.join(workspaceRoot(), 'incidents', drillId, 'incident.md'), 'utf8');
    assert.match(record, /\*\*Exercise\*\*: a drill/);
  });

  it('is marked DRILL in the status bar and carries the drill banner in the dashboard view', async () => {
    const api = await firebreak();
    const drillId = await startIncident('Drill: status bar', true);
    // The status bar shows the active incident with the latest activity: the drill just started.
    const shown = await waitFor('the drill in the status bar', () => {
      const item = api.statusBarItem();
      return item?.text.includes('Drill: status bar') ? item : undefined;
    });
    assert.match(shown.text, /^\$\(beaker\) DRILL SEV3 Drill: status bar · /);
    assert.match(shown.label ?? '', /^Drill Drill: status bar, SEV3/);
    // The dashboard receives this view; its banner (src/webview/render/banners.ts) shows for `exercise`.
    const view = (await api.incidents()).find((i) => i.id === drillId)!.view;
    assert.equal(view.incident.exercise, true);
    await waitFor('the dashboard', () => api.openDashboards().includes(drillId));

    const realId = await startIncident('Real: status bar');
    const real = await waitFor('the real incident in the status bar', () => {
      const item = api.statusBarItem();
      return item?.text.includes('Real: status bar') ? item : undefined;
    });
    assert.match(real.text, /^\$\(flame\) SEV3 Real: status bar · /);
    assert.equal((await api.incidents()).find((i) => i.id === realId)!.view.incident.exercise, false);
  });
});
