import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIAGNOSTIC_CODES } from '../../../src/core/runbook/diagnosticCodes';
import { parseDurationMinutes } from '../../../src/core/runbook/duration';
import { parseRunbook } from '../../../src/core/runbook/parse';
import { checkVersionBump } from '../../../src/core/runbook/versionBump';
import { codes, diagnostic, native, parse, parseFixture, projectRoot } from './helpers';

describe('runbook: rules', () => {
  it('parses durations: <number><unit> repeated, units m h d w', () => {
    assert.equal(parseDurationMinutes('90m'), 90);
    assert.equal(parseDurationMinutes('1h30m'), 90);
    assert.equal(parseDurationMinutes('180d'), 180 * 24 * 60);
    assert.equal(parseDurationMinutes('2w'), 2 * 7 * 24 * 60);
    for (const bad of ['', '1', 'h', '1.5h', '1 h', '-1h', '1y', '1H']) assert.equal(parseDurationMinutes(bad), undefined, bad);
  });

  it('reports a stale review only when given a clock', () => {
    const text = native('review: { last: 2026-01-01, every: 30d }', '# T\n## Detection\n- [ ] a\n');
    assert.ok(!codes(parse(text)).includes('review-stale'));
    assert.ok(!codes(parse(text, { now: new Date('2026-01-20T00:00:00Z') })).includes('review-stale'));
    assert.match(diagnostic(parse(text, { now: new Date('2026-03-01T00:00:00Z') }), 'review-stale')!.message, /2026-01-31/);
  });

  it('a team that adopts phishing.md and fills every {{placeholder}} gets no diagnostic; one left is one warning at its line', () => {
    const builtin = fs.readFileSync(path.join(projectRoot, 'runbooks', 'phishing.md'), 'utf8');
    const now = new Date('2026-11-28T00:00:00Z');
    const placeholder = /\{\{\s*([\w.-]+)\s*\}\}/g;
    const first = placeholder.exec(builtin)!;
    placeholder.lastIndex = 0;
    const fill = (text: string) => text.replace(placeholder, (_, name: string) => `acme-${name}`);
    const filled = parseRunbook(fill(builtin), { file: 'runbooks/phishing.md', now });
    assert.ok(filled.customise.length > 5, 'the adopted copy keeps its customise list');
    assert.deepEqual(filled.diagnostics, []);

    const leftOne = builtin.slice(0, first.index + first[0].length) + fill(builtin.slice(first.index + first[0].length));
    const expectedLine = builtin.slice(0, first.index).split('\n').length;
    const partial = parseRunbook(leftOne, { file: 'runbooks/phishing.md', now });
    assert.deepEqual(partial.diagnostics.map((d) => [d.code, d.line, d.severity]), [['placeholder-unfilled', expectedLine, 'warning']]);
    assert.match(partial.diagnostics[0]!.message, new RegExp(`\\{\\{${first[1]}\\}\\}`));
  });

  it('warns when the SLA names a stage the runbook lacks', () => {
    const runbook = parse(native('sla: { SEV1: { containment: 1h, recovery: 4h } }', '# T\n## Containment\n- [ ] a\n'));
    assert.match(diagnostic(runbook, 'sla-unknown-stage')!.message, /recovery/);
  });

  it('the PRODUCT.md example lints clean, even with a clock', () => {
    assert.deepEqual(parseFixture('phishing.md', { now: new Date('2026-11-28T00:00:00Z') }).diagnostics, []);
  });

  it('every code used is documented, kebab-case, with a meaning', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      assert.match(code, /^[a-z]+(?:-[a-z0-9]+)*$/);
      assert.ok(info.meaning.length > 10, code);
    }
  });

  it('requires a version bump when the steps change', () => {
    const base = parse(native('', '# T\n## Detection\n- [ ] a\n'));
    const same = parse(native('', '# T\n\n## Detection\n- [ ] a\n'));
    const changed = parse(native('', '# T\n## Detection\n- [ ] a\n- [ ] b\n'));
    const bumped = parse(native('', '# T\n## Detection\n- [ ] a\n- [ ] b\n').replace('version: 1', 'version: 2'));
    assert.equal(checkVersionBump(base, same, 'main'), undefined);
    assert.equal(checkVersionBump(base, changed, 'main')?.code, 'version-not-bumped');
    assert.equal(checkVersionBump(base, bumped, 'main'), undefined);
  });
});

describe('runbook: the built-in library', () => {
  it('every built-in runbook (runbooks/*.md) is native and lints clean with builtin: true', function () {
    const folder = path.join(projectRoot, 'runbooks');
    const files = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.md')) : [];
    if (files.length === 0) {
      console.log('    (skipped: no built-in runbooks in runbooks/ yet)');
      this.skip();
    }
    for (const file of files) {
      const runbook = parseRunbook(fs.readFileSync(path.join(folder, file)), { file, builtin: true, now: new Date('2026-11-28T00:00:00Z') });
      assert.equal(runbook.format, 'native', file);
      assert.deepEqual(runbook.diagnostics, [], file);
      assert.ok(runbook.stages.length > 0, file);
    }
  });
});
