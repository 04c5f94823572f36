// Bad input of every kind gives a result with diagnostics, never an exception.
import * as assert from 'node:assert/strict';
import { readFrontMatter } from '../../../src/core/runbook/frontMatter';
import { parseRunbook } from '../../../src/core/runbook/parse';
import { codes, diagnostic, parse } from './helpers';

/** A deterministic pseudo-random sequence, so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const FRAGMENTS = [
  '---\n', '---js\n', 'id: x\n', 'version: 1\n', 'stages: [a, detection]\n', '# ', '## Containment\n', '### 1.2 Detect & Analyze\n', '- [ ] ', '* [x] ',
  '1. [ ] ', '  ', '    ', '> ', '```sh run\n', '```\n', '~~~\n', '<!-- id: a; role: r; required -->', '<!--', '-->', '{{name}}', '**(C) Containment**\n',
  '| a | b |\n|---|---|\n', '<div>', '</div>', '\u0000', '\uFEFF', '\r\n', '\n', 'text ', 'é', '日本', '[link](javascript:x)', '{{< hint >}}', '<%= x %>', '\t',
];

describe('runbook: robustness', function () {
  this.timeout(120_000);

  it('reports NUL bytes and invalid UTF-8 with their lines, and still parses', () => {
    const bytes = Buffer.concat([Buffer.from('# T\n## Detection\n- [ ] a\0b\n'), Buffer.from([0x2d, 0x20, 0x5b, 0x20, 0x5d, 0x20, 0xff, 0xfe, 0x0a])]);
    const runbook = parse(bytes);
    assert.equal(diagnostic(runbook, 'text-nul-byte')?.line, 3);
    assert.equal(diagnostic(runbook, 'text-invalid-utf8')?.line, 4);
    assert.equal(runbook.stages[0]?.steps.length, 2);
    assert.ok(readFrontMatter(bytes, { file: 'x.md' }).diagnostics.some((d) => d.code === 'text-invalid-utf8'));
  });

  it('parses a 5 MB file', () => {
    let text = '# Big\n## Detection\n';
    while (text.length < 5 * 1024 * 1024) text += `- [ ] Check host ${text.length} <!-- role: analyst -->\n  Detail with a | pipe.\n\nSome paragraph.\n\n`;
    const runbook = parse(text);
    assert.ok(runbook.stages[0]!.steps.length > 50_000);
    assert.ok(!codes(runbook).includes('internal-error'));
  });

  it('survives 1,000-deep nested lists and quotes, and keeps reading after them', () => {
    const shapes = [
      (i: number) => `${'  '.repeat(i)}- item ${i}\n`,
      (i: number) => `${'>'.repeat(i)} - [ ] quoted ${i}\n`,
      () => '- > ',
    ];
    for (const shape of shapes) {
      let text = '';
      for (let i = 0; i < 1000; i++) text += shape(i);
      text += '\n\n## Containment\n- [ ] isolate the host\n';
      const runbook = parse(text);
      const containment = runbook.stages.find((s) => s.canonical === 'containment');
      assert.deepEqual(containment?.steps.map((s) => s.text), ['isolate the host']);
      assert.ok(!codes(runbook).includes('internal-error'));
    }
  });

  it('never throws on random bytes or random Markdown-ish text', () => {
    const next = random(42);
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = Math.floor(next() * 60);
      for (let k = 0; k < length; k++) text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
      const runbook = parseRunbook(text, { file: `fuzz-${round}.md`, now: new Date(0) });
      assert.ok(!codes(runbook).includes('internal-error'), `round ${round}: ${JSON.stringify(text)}`);
      for (const d of runbook.diagnostics) assert.ok(Number.isInteger(d.line) && d.line >= 1, `round ${round}: line ${d.line}`);
      const bytes = Uint8Array.from({ length: Math.floor(next() * 400) }, () => Math.floor(next() * 256));
      assert.ok(!codes(parseRunbook(bytes, { file: 'bytes.md' })).includes('internal-error'), `bytes round ${round}`);
    }
  });

  it('turns an internal failure into an internal-error diagnostic', () => {
    const runbook = parseRunbook(null as unknown as string, { file: 'broken.md' });
    assert.equal(runbook.diagnostics[0]?.code, 'internal-error');
    assert.equal(runbook.file, 'broken.md');
    assert.equal(runbook.id, 'broken');
    assert.equal(readFrontMatter(null as unknown as string, { file: 'broken.md' }).diagnostics[0]?.code, 'internal-error');
  });
});
