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
