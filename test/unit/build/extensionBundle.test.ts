import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The production build splits the extension in two: dist/extension.js (activation) and
// dist/core.js (the core and its libraries), which the extension requires on first use.
describe('build: the extension bundle and its core chunk', function () {
  this.timeout(120_000);
  const root = path.join(__dirname, '../../..');
  let out = '';
  const file = (...parts: string[]) => path.join(out, 'dist', ...parts);

  before(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-bundle-'));
    execFileSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production', '--out', out], { stdio: 'pipe' });
  });
  after(() => fs.rmSync(out, { recursive: true, force: true }));

  it('activates without loading the core chunk', () => {
    const child = path.join(root, 'test', 'bench', 'support', 'activate-once.cjs');
    const loaded = JSON.parse(execFileSync(process.execPath, [child, file('extension.js'), 'loaded'], { encoding: 'utf8' })) as string[];
    assert.ok(loaded.includes(file('extension.js')), 'the extension was loaded');
    assert.ok(!loaded.includes(file('core.js')), 'activation required dist/core.js');
  });

  it('finds in the core chunk every module the extension asks it for, markdown-it among them', () => {
    const asked = [...fs.readFileSync(file('extension.js'), 'utf8').matchAll(/require\("\.\/core\.js"\)\[("[^"]+")\]/g)].map((m) => JSON.parse(m[1]!) as string);
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

  it('keeps the libraries out of the activation bundle', () => {
    const extension = fs.readFileSync(file('extension.js'), 'utf8');
    // markdown-it's and js-yaml's own error texts: present only if their code was bundled here.
    const libraryTexts = [/Input data should be a String/, /end of the stream within a single quoted scalar/];
    const core = fs.readFileSync(file('core.js'), 'utf8');
    for (const text of libraryTexts) {
      assert.doesNotMatch(extension, text);
      assert.match(core, text);
    }
  });
});
