// Proves the harness: the real extension host loads Firebreak, runs its command, shows its view,
// and can run git (the recorder depends on it).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';

const EXTENSION_ID = 'firebreak.firebreak';

describe('harness: Firebreak in a real VS Code', () => {
  it('activates on demand (not on startup)', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
    const events = (extension.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    assert.ok(!events.includes('*'), 'never activates on *');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('runs its command from the command registry', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes('firebreak.about'));
    const result = await vscode.commands.executeCommand<{ version: string }>('firebreak.about');
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(result.version, (extension.packageJSON as { version: string }).version);
  });

  it('contributes the Incidents view in the Firebreak container', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.firebreak');
    // Focusing the view only succeeds when the view is registered.
    await vscode.commands.executeCommand('firebreak.incidents.focus');
  });

  it('can run git from the extension host', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const output = execFileSync('git', ['--version'], { encoding: 'utf8' });
    assert.match(output, /^git version \d+\.\d+/);
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: folder.uri.fsPath, encoding: 'utf8' }).trim();
    assert.equal(top.length > 0, true);
  });
});
