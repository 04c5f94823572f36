// Runbook authoring in a real VS Code: the linter's diagnostics appear in the Problems panel.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { firebreak, waitFor, workspaceRoot } from './support/firebreak';

describe('runbooks: diagnostics while editing', () => {
  it('reports a broken runbook with its line in the Problems panel', async () => {
    await firebreak();
    const file = path.join(workspaceRoot(), 'runbooks', 'broken.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '---\nid: broken\ntitle: Broken\nversion: [not a number\n---\n# Broken\n\n## Detection\n- [ ] Look <!-- id: look -->\n');
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitFor('diagnostics for broken.md', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'firebreak');
      return found.length > 0 ? found : undefined;
    });
    assert.ok(diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    assert.ok(diagnostics.every((d) => d.range.start.line >= 0));
  });
});
