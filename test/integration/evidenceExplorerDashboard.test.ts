// Attach Evidence as the Explorer's context menu and the dashboard invoke it, in a real VS Code: the
// Explorer passes the clicked Uri (and the selection), the dashboard posts `attachEvidence` or
// `dropEvidence`. The quick pick, file dialog, input box and modal are answered through the API's
// evidence prompts seam; everything else is the real command.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { EvidenceResult } from '../../src/service/types';
import type { EvidencePrompts } from '../../src/vscode/commands/evidenceCommands';
import { closeDashboards, commitCount, firebreak, git, startIncident, waitFor, workspaceRoot } from './support/firebreak';

interface AddedEvent { type: string; evidence: string; name: string; sha256: string; size: number; description?: string }

function events(incidentId: string): AddedEvent[] {
  const text = fs.readFileSync(path.join(workspaceRoot(), 'incidents', incidentId, 'events.jsonl'), 'utf8');
  return text.trim().split('\n').map((line) => JSON.parse(line) as AddedEvent);
}

function evidenceDir(incidentId: string): string[] {
  const dir = path.join(workspaceRoot(), 'incidents', incidentId, 'evidence');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** A file with content of its own (the same content is never stored twice). */
function collected(name: string): vscode.Uri {
  const file = path.join(workspaceRoot(), 'collected-ui', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${name}: captured ${Date.now()} ${Math.random()}\n`);
  return vscode.Uri.file(file);
}

/** Prompts that fail the test when asked, unless a test answers them; counts what was asked. */
function prompts(answers: Partial<EvidencePrompts>) {
  const asked: string[] = [];
  const unexpected = (name: string) => async (): Promise<never> => { asked.push(name); throw new Error(`unexpected prompt: ${name}`); };
  const wrap = <K extends keyof EvidencePrompts>(name: K, fallback: EvidencePrompts[K]): EvidencePrompts[K] => {
    const given = answers[name];
    if (!given) return fallback;
    return (async (...args: unknown[]) => { asked.push(name); return (given as (...a: unknown[]) => unknown)(...args); }) as EvidencePrompts[K];
  };
  return {
    asked,
    prompts: {
      incident: wrap('incident', unexpected('incident')),
      file: wrap('file', unexpected('file')),
      description: wrap('description', unexpected('description')),
      confirmDrop: wrap('confirmDrop', unexpected('confirmDrop')),
    } satisfies EvidencePrompts,
  };
}

/** Asserts the file was recorded as the incident's last evidence: event, copy in evidence/, SHA-256. */
function assertRecorded(incidentId: string, uri: vscode.Uri, description: string): AddedEvent {
  const bytes = fs.readFileSync(uri.fsPath);
  const added = events(incidentId).filter((e) => e.type === 'evidence.added').at(-1)!;
  assert.equal(added.name, path.basename(uri.fsPath));
  assert.equal(added.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.equal(added.size, bytes.length);
  assert.equal(added.description, description);
  assert.deepEqual(fs.readFileSync(path.join(workspaceRoot(), 'incidents', incidentId, 'evidence', added.evidence)), bytes);
  return added;
}

describe('evidence: the Explorer context menu', () => {
  afterEach(closeDashboards);
  let incidentId: string;
  before(async () => {
    incidentId = await startIncident('Evidence from the Explorer');
  });

  it('attaches the clicked file: asks which incident and a description, one commit, the copy, its SHA-256', async () => {
    const api = await firebreak();
    const file = collected('proxy-excerpt.log');
    const { asked, prompts: answers } = prompts({ incident: async () => ({ incidentId }), description: async () => 'Proxy log excerpt' });
    const before = commitCount();
    // A right-click on one file: VS Code passes the file and the selection holding only it.
    const result = await api.withEvidencePrompts(answers, () => vscode.commands.executeCommand<EvidenceResult>('firebreak.attachEvidence', file, [file]));
    assert.deepEqual(asked, ['incident', 'description']);
    assert.equal(commitCount(), before + 1);
    const added = assertRecorded(incidentId, file, 'Proxy log excerpt');
    assert.equal(result.evidenceId, added.evidence);
    assert.equal(events(incidentId).at(-1)!.type, 'evidence.added');
    assert.ok(git('show', '--name-only', '--format=', 'HEAD').includes(`incidents/${incidentId}/evidence/${added.evidence}`));
  });

  it('attaches every selected file with one description, one commit each', async () => {
    const api = await firebreak();
    const [first, second] = [collected('mail-1.eml'), collected('mail-2.eml')];
    const { asked, prompts: answers } = prompts({ incident: async () => ({ incidentId }), description: async () => 'Reported mails' });
    const before = commitCount();
    const stored = evidenceDir(incidentId).length;
    const results = await api.withEvidencePrompts(answers, () => vscode.commands.executeCommand<EvidenceResult[]>('firebreak.attachEvidence', second, [first, second]));
    assert.deepEqual(asked, ['incident', 'description']);
    assert.equal(results.length, 2);
    assert.equal(commitCount(), before + 2);
    assert.equal(evidenceDir(incidentId).length, stored + 2);
    const added = events(incidentId).filter((e) => e.type === 'evidence.added').slice(-2);
    assert.deepEqual(added.map((e) => [e.name, e.description]), [['mail-1.eml', 'Reported mails'], ['mail-2.eml', 'Reported mails']]);
  });

  it('refuses a selection holding a folder before asking anything or recording', async () => {
    const api = await firebreak();
    const file = collected('with-a-folder.txt');
    const folder = vscode.Uri.file(path.dirname(file.fsPath));
    const { asked, prompts: answers } = prompts({ incident: async () => ({ incidentId }), description: async () => 'never' });
    const before = commitCount();
    const result = await api.withEvidencePrompts(answers, () => vscode.commands.executeCommand('firebreak.attachEvidence', file, [file, folder]));
    assert.equal(result, undefined);
    assert.deepEqual(asked, []);
    assert.equal(commitCount(), before);
  });
});

describe('evidence: the dashboard’s Attach button and dropped files', () => {
  afterEach(closeDashboards);
  let incidentId: string;
  before(async () => {
    incidentId = await startIncident('Evidence from the dashboard');
  });
  beforeEach(async () => {
    const api = await firebreak();
    await vscode.commands.executeCommand('firebreak.openDashboard', { kind: 'incident', incidentId });
    await waitFor('the dashboard', () => api.openDashboards().includes(incidentId));
  });

  it('attachEvidence: the dashboard names the incident, the file dialog gives the file', async () => {
    const api = await firebreak();
    const file = collected('firewall.csv');
    const { asked, prompts: answers } = prompts({ file: async () => file, description: async () => 'Firewall export' });
    const before = commitCount();
    await api.withEvidencePrompts(answers, () => api.dashboardMessage(incidentId, { type: 'attachEvidence' }));
    assert.deepEqual(asked, ['file', 'description']);
    assert.equal(commitCount(), before + 1);
    assertRecorded(incidentId, file, 'Firewall export');
  });

  it('dropEvidence: a dropped local file is recorded after the confirmation, which names it', async () => {
    const api = await firebreak();
    const file = collected('dropped.eml');
    let confirmed: string[] = [];
    const { asked, prompts: answers } = prompts({
      confirmDrop: async (id, files) => { assert.equal(id, incidentId); confirmed = files.map((f) => f.fsPath); return true; },
      description: async () => 'Dropped mail',
    });
    const before = commitCount();
    await api.withEvidencePrompts(answers, () => api.dashboardMessage(incidentId, { type: 'dropEvidence', uriList: `${file.toString()}\r\n` }));
    assert.deepEqual(asked, ['confirmDrop', 'description']);
    assert.deepEqual(confirmed, [file.fsPath]);
    assert.equal(commitCount(), before + 1);
    assertRecorded(incidentId, file, 'Dropped mail');
  });

  it('dropEvidence: a declined confirmation records nothing', async () => {
    const api = await firebreak();
    const file = collected('declined.eml');
    const { asked, prompts: answers } = prompts({ confirmDrop: async () => false, description: async () => 'never' });
    const before = commitCount();
    const stored = evidenceDir(incidentId);
    await api.withEvidencePrompts(answers, () => api.dashboardMessage(incidentId, { type: 'dropEvidence', uriList: file.toString() }));
    assert.deepEqual(asked, ['confirmDrop']);
    assert.equal(commitCount(), before);
    assert.deepEqual(evidenceDir(incidentId), stored);
  });

  it('dropEvidence: a folder, a symbolic link and a remote URI are refused before the confirmation', async () => {
    const api = await firebreak();
    const file = collected('link-target.eml');
    const link = path.join(path.dirname(file.fsPath), 'link-to-target.eml');
    fs.symlinkSync(file.fsPath, link);
    const { asked, prompts: answers } = prompts({ confirmDrop: async () => true, description: async () => 'never' });
    const before = commitCount();
    const stored = evidenceDir(incidentId);
    for (const uriList of [
      vscode.Uri.file(path.dirname(file.fsPath)).toString(),
      vscode.Uri.file(link).toString(),
      'https://evil.example/payload.exe',
      'file://fileserver/share/x.eml',
      // One bad item refuses the whole drop, the good file included.
      `${file.toString()}\r\n${vscode.Uri.file(link).toString()}`,
    ]) {
      await api.withEvidencePrompts(answers, () => api.dashboardMessage(incidentId, { type: 'dropEvidence', uriList }));
    }
    assert.deepEqual(asked, []);
    assert.equal(commitCount(), before);
    assert.deepEqual(evidenceDir(incidentId), stored);
    // The same path with the good file alone is recorded: the refusals above were the checks, not a dead path.
    await api.withEvidencePrompts(answers, () => api.dashboardMessage(incidentId, { type: 'dropEvidence', uriList: file.toString() }));
    assert.deepEqual(asked, ['confirmDrop', 'description']);
    assert.equal(commitCount(), before + 1);
  });
});
