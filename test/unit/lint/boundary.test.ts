// The pure layers must never import vscode: prove the lint rule catches it.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.join(__dirname, '../../..');

async function lintText(file: string, code: string) {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, '.eslint.config.mjs') });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
}

describe('lint: the vscode boundary', function () {
  this.timeout(60_000);
  for (const folder of ['core', 'git', 'service', 'cli', 'webview', 'shared']) {
    it(`forbids importing vscode in src/${folder}`, async () => {
      const messages = await lintText(`src/${folder}/probe.ts`, "import * as vscode from 'vscode';\nexport const x = vscode;\n");
      assert.equal(messages.length, 1);
      assert.match(messages[0]!.message, /must not import vscode/);
    });
  }

  it('forbids reaching into src/vscode from the core', async () => {
    const messages = await lintText('src/core/probe.ts', "import { x } from '../vscode/commands';\nexport const y = x;\n");
    assert.equal(messages.length, 1);
  });

  it('allows vscode in src/vscode', async () => {
    const messages = await lintText('src/vscode/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n");
    assert.equal(messages.length, 0);
  });
});
