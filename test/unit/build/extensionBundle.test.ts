import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The production build splits the extension in three: dist/extension.js (the activation shell),
// dist/implementation.js (the extension's services, commands and views) and dist/core.js (the core
// and its libraries), the last two required on first use.
describe('build: the extension bundle, its implementation chunk and its core chunk', function () {
  this.timeout(120_000);
  const root = path.join(__dirname, '../../..');
  let out = '';
  const file = (...parts: string[]) => path.join(out, 'dist', ...parts);

  before(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bundle-'));
    execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production', '--out', out], { stdio: 'pipe' });
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  const child = path.join(root, 'test', 'bench', 'support', 'activate-once.cjs');

  it('activates without loading the implementation chunk or the core chunk, nor any Node builtin', () => {
    const loaded = JSON.parse(execFileSync(process.execPath, [child, file('extension.js'), 'loaded'], { encoding: 'utf8' })) as string[];
    assert.ok(loaded.includes(file('extension.js')), 'the extension was loaded');
    assert.ok(!loaded.includes(file('implementation.js')), 'activation required dist/implementation.js');
    assert.ok(!loaded.includes(file('core.js')), 'activation required dist/core.js');
    const required = [...fs.readFileSync(file('extension.js'), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(required)].sort(), ['./implementation.js', 'vscode']);
  });

  it('registers at activation exactly the commands the manifest contributes and the implementation handles, and forwards them', () => {
    const { registered, handled, about } = JSON.parse(execFileSync(process.execPath, [child, file('extension.js'), 'commands'], { encoding: 'utf8' })) as { registered: string[]; handled: string[]; about: unknown };
    const manifest = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(registered, manifest);
    assert.deepEqual(handled, manifest);
    assert.deepEqual(about, { version: (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version });
  });

  it('finds in the core chunk every module the implementation asks it for, markdown-it among them', () => {
    const asked = [...fs.readFileSync(file('implementation.js'), 'utf8').matchAll(/require\("\.\/core\.js"\)\[("[^"]+")\]/g)].map((m) => JSON.parse(m[1]!) as string);
    assert.ok(asked.includes('markdown-it'));
    assert.ok(asked.includes('./src/service/index.ts'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const chunk = require(file('core.js')) as Record<string, unknown>;
    for (const key of asked) {
      const loaded = chunk[key];
      assert.ok((typeof loaded === 'object' || typeof loaded === 'function') && loaded !== null, `core.js has no module ${key}`);
    }
    assert.equal(typeof (chunk['./src/service/index.ts'] as { createIncidentService?: unknown }).createIncidentService, 'function');
  });

  it('keeps the libraries out of the activation bundle and the implementation chunk', () => {
    const extension = fs.readFileSync(file('extension.js'), 'utf8') + fs.readFileSync(file('implementation.js'), 'utf8');
    // markdown-it's and js-yaml's own error texts: present only if their code was bundled here.
    const libraryTexts = [/Input data should be a String/, /end of the stream within a single quoted scalar/];
    const core = fs.readFileSync(file('core.js'), 'utf8');
    for (const text of libraryTexts) {
      assert.doesNotMatch(extension, text);
      assert.match(core, text);
    }
  });
});
