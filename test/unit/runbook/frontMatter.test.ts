import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readFrontMatter, readFrontMatterStart } from '../../../src/core/runbook/frontMatter';
import { codes, diagnostic, native, parse, parseFixture, removeDir, tempDir } from './helpers';

describe('runbook: front-matter', () => {
  it('reads every field of the PRODUCT.md example', () => {
    const runbook = parseFixture('phishing.md');
    assert.equal(runbook.format, 'native');
    assert.equal(runbook.id, 'phishing');
    assert.equal(runbook.title, 'Phishing email response');
    assert.equal(runbook.version, 4);
    assert.equal(runbook.severity, 'SEV3');
    assert.deepEqual(runbook.tags, ['email', 'credentials']);
    assert.deepEqual(runbook.owners, ['@secops']);
    assert.deepEqual(runbook.review, { last: '2026-09-01', every: '180d' });
    assert.deepEqual(runbook.roles, ['commander', 'scribe', 'comms', 'analyst']);
    assert.deepEqual(runbook.sla, { SEV1: { containment: '1h', recovery: '24h' }, SEV2: { containment: '4h' } });
    assert.deepEqual(runbook.escalation.SEV1, ['ciso@example.com', 'legal@example.com']);
    assert.deepEqual(runbook.diagnostics, []);
  });

  it('treats a file without an id as imported: id from the file name, title from the first heading', () => {
    const runbook = parse('Intro\n\n```\n# not a heading\n```\n\n## Real **title**\n', { file: 'dir/My Playbook.html.md' });
    assert.equal(runbook.format, 'imported');
    assert.equal(runbook.id, 'my-playbook');
    assert.equal(runbook.title, 'Real title');
    assert.ok(!codes(runbook).includes('version-missing'));
  });

  it('reports invalid YAML with its line, and still parses the body', () => {
    const runbook = parse('---\nid: x\ntitle: [unclosed\nversion: 1\n---\n# T\n## Detection\n- [ ] a\n');
    const d = diagnostic(runbook, 'yaml-invalid');
    assert.ok(d);
    assert.equal(d.severity, 'error');
    assert.ok(d.line >= 3 && d.line <= 5, `line ${d.line}`);
    assert.equal(runbook.stages[0]?.steps.length, 1);
    assert.equal(runbook.stages[0]?.line, 7);
  });

  it('reports front-matter that is not a mapping', () => {
    assert.ok(codes(parse('---\n- a\n- b\n---\n# T\n')).includes('front-matter-not-mapping'));
    assert.ok(codes(parse('---\njust text\n---\n# T\n')).includes('front-matter-not-mapping'));
  });

  it('checks field types, including YAML 1.1 dates and octals', () => {
    const runbook = parse(native('severity: 3\ntags: email\nroles: [1, 2]\nsla: 4h\nescalation: { SEV1: 5 }', '# T\n'));
    assert.deepEqual(codes(runbook).filter((c) => c === 'field-type').length, 5);
    const dated = parse('---\nid: x\ntitle: 2024-01-01\nversion: 1\n---\n# T\n');
    assert.match(diagnostic(dated, 'field-type')!.message, /a date/);
    const octal = parse('---\nid: x\ntitle: T\nversion: 010\n---\n# T\n');
    assert.equal(octal.version, 8);
    assert.equal(diagnostic(octal, 'field-octal')?.line, 4);
    assert.equal(diagnostic(parse('---\nid: 12\n---\n# T\n'), 'field-type')?.line, 2);
  });

  it('checks the id, the version and unknown fields of native runbooks', () => {
    assert.ok(codes(parse('---\nid: Not Kebab\nversion: 1\n---\n# T\n')).includes('id-invalid'));
    assert.ok(codes(parse('---\nid: x\n---\n# T\n')).includes('version-missing'));
    assert.ok(codes(parse('---\nid: x\nversion: 1.5\n---\n# T\n')).includes('version-invalid'));
    assert.ok(codes(parse('---\nid: x\nversion: 0\n---\n# T\n')).includes('version-invalid'));
    const unknown = parse(native('sevrity: SEV1', '# T\n'));
    assert.equal(diagnostic(unknown, 'field-unknown')?.line, 5);
    assert.ok(codes(parse('---\nversion: 2\nroles: [a]\n---\n# T\n')).includes('id-missing'));
  });

  it('accepts review.last as a YAML date or a quoted one, and checks durations', () => {
    assert.deepEqual(parse(native("review: { last: '2026-01-02', every: 1w }", '# T\n')).review, { last: '2026-01-02', every: '1w' });
    // A YAML date becomes its UTC day (the date YAML read, even when a time zone moves it).
    for (const [written, day] of [['2026-12-31', '2026-12-31'], ['2026-01-09', '2026-01-09'], ['0999-05-06', '0999-05-06'], ['2026-02-03T23:30:00-05:00', '2026-02-04']]) {
      assert.equal(parse(native(`review: { last: ${written}, every: 1w }`, '# T\n')).review?.last, day, written);
    }
    const bad = parse(native('review: { last: soon, every: 6 months }\nsla: { SEV1: { containment: 90 } }', '# T\n'));
    assert.ok(codes(bad).includes('review-date-invalid'));
    assert.equal(codes(bad).filter((c) => c === 'duration-invalid').length, 2);
  });

  it('never runs ---js front-matter, and reports it', () => {
    const dir = tempDir();
    try {
      const marker = path.join(dir, 'pwned');
      const payload = `---js\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = { id: 'x' }\n---\n# T\n`;
      for (const text of [payload, payload.replace('---js', '---javascript'), payload.replace('---js', '--- js ')]) {
        const runbook = parse(text);
        assert.ok(codes(runbook).includes('front-matter-js'), codes(runbook).join());
        assert.equal(runbook.format, 'imported');
        assert.equal(readFrontMatter(text, { file: 'x.md' }).diagnostics[0]?.code, 'front-matter-js');
      }
      assert.equal(fs.existsSync(marker), false);
    } finally {
      removeDir(dir);
    }
  });

  it('reads the front-matter from the first bytes alone only when they give the whole-file answer', () => {
    const fixture = fs.readFileSync(path.join(__dirname, '../../fixtures/runbooks/phishing.md'), 'utf8');
    const longList = `customise:\n${Array.from({ length: 300 }, (_, i) => `  - value-${i}`).join('\n')}\n`;
    const cases: [string, string, boolean][] = [
      ['the fixture', fixture, true],
      ['CRLF line ends and a BOM', `\uFEFF${fixture.replace(/\n/g, '\r\n')}`, true],
      ['a `...` closing line with trailing spaces', fixture.replace('\n---\n# ', '\n...  \n# '), true],
      ['a title from the first heading', fixture.replace(/^title: .*\n/m, ''), false],
      ['front-matter longer than the bytes read', fixture.replace('---\n', `---\n${longList}`), false],
      ['no front-matter', '# Imported\n## Containment\n- isolate\n', false],
      ['invalid YAML (so no title)', '---\nid: x\ntitle: [unclosed\n---\n# T\n', false],
      ['---js, refused', '---js\nmodule.exports = {}\n---\n# T\n', false],
    ];
    for (const [name, text, fromStart] of cases) {
      const bytes = Buffer.from(text);
      const start = readFrontMatterStart(bytes.subarray(0, 2048), { file: 'x.md' });
      assert.equal(start !== undefined, fromStart, name);
      if (start) assert.deepEqual(start, readFrontMatter(bytes, { file: 'x.md' }), name);
    }
  });

  it('refuses other front-matter languages', () => {
    assert.ok(codes(parse('---coffee\nx: 1\n---\n# T\n')).includes('front-matter-language'));
    assert.ok(codes(parse('---toml\nx = 1\n---\n# T\n')).includes('front-matter-language'));
  });

  it('reads only the front-matter cheaply, with the same meta as a full parse', () => {
    const source = fs.readFileSync(path.join(__dirname, '../../fixtures/runbooks/phishing.md'));
    const header = readFrontMatter(source, { file: 'phishing.md' });
    const full = parseFixture('phishing.md');
    assert.equal(header.format, 'native');
    assert.equal(header.meta.id, full.id);
    assert.equal(header.meta.title, full.title);
    assert.deepEqual(header.meta.sla, full.sla);
    assert.deepEqual(header.diagnostics, []);
  });

  it('treats a leading thematic break without a closing delimiter as Markdown', () => {
    const runbook = parse('---\n# Title\n## Detection\n- [ ] a\n');
    assert.equal(runbook.title, 'Title');
    assert.equal(runbook.stages[0]?.steps.length, 1);
    assert.deepEqual(codes(runbook), []);
  });
});

describe('runbook: front-matter fallbacks', () => {
  it('falls back to the file name when the id is invalid', () => {
    assert.equal(parse('---\nid: Not Kebab\nversion: 1\n---\n# T\n', { file: 'runbooks/Real Name.md' }).id, 'real-name');
  });
});
