import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../../src/cli/main';
import { fixtures, native, projectRoot, removeDir, tempDir } from './helpers';

async function run(argv: string[], cwd = projectRoot, now = new Date('2026-11-28T12:00:00Z')) {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd, now: () => now, stdout: (t) => { out += t; }, stderr: (t) => { err += t; } });
  return { code, out, err };
}

describe('cli: inspect', () => {
  it('prints the documented JSON shape, with the file exactly as given', async () => {
    const file = path.relative(projectRoot, path.join(fixtures, 'phishing.md'));
    const { code, out } = await run(['inspect', file, '--json']);
    assert.equal(code, 0);
    const [entry, ...rest] = JSON.parse(out) as Record<string, unknown>[];
    assert.equal(rest.length, 0);
    assert.deepEqual(Object.keys(entry!), ['file', 'id', 'title', 'version', 'format', 'stages', 'diagnostics']);
    assert.equal(entry!.file, file);
    assert.equal(entry!.version, 4);
    assert.equal(entry!.format, 'native');
    const stages = entry!.stages as Record<string, unknown>[];
    assert.deepEqual(Object.keys(stages[0]!), ['id', 'title', 'canonical', 'line', 'steps']);
    assert.deepEqual(stages[1], {
      id: 'detection', title: 'Detection', canonical: 'detection', line: 18,
      steps: [
        { id: 'confirm-report', text: 'Confirm the report is a phishing email', line: 19, required: true, role: 'analyst' },
        { id: 'find-every-recipient', text: 'Find every recipient', line: 25, required: false, role: 'analyst' },
      ],
    });
    assert.deepEqual(entry!.diagnostics, []);
  });

  it('prints one entry per file, diagnostics with severity, code, message and line', async () => {
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'bad.md'), '---\nid: Bad\n---\n# T\n');
      const { code, out } = await run(['inspect', 'bad.md', 'missing.md', '--json'], dir);
      assert.equal(code, 1, 'an unreadable file fails');
      const entries = JSON.parse(out) as { file: string; stages: unknown[]; diagnostics: { severity: string; code: string; message: string; line: number }[] }[];
      assert.deepEqual(entries.map((e) => e.file), ['bad.md', 'missing.md']);
      assert.deepEqual(Object.keys(entries[0]!.diagnostics[0]!), ['severity', 'code', 'message', 'line']);
      assert.ok(entries[0]!.diagnostics.some((d) => d.code === 'id-invalid' && d.line === 2 && d.severity === 'error'));
      assert.equal(entries[1]!.diagnostics[0]!.code, 'file-unreadable');
    } finally {
      removeDir(dir);
    }
  });

  it('exits 2 without a file or with an unknown option', async () => {
    assert.equal((await run(['inspect'])).code, 2);
    assert.equal((await run(['inspect', 'x.md', '--yaml'])).code, 2);
  });
});

describe('cli: lint', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));

  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });

  it('prints compiler-style lines and exits 1 on an error, walking folders for *.md', async () => {
    write('runbooks/good.md', native('', '# T\n## Detection\n- [ ] a\n'));
    write('runbooks/sub/bad.md', native('', '# T\n## Detection\n- [ ] a <!-- id: x -->\n- [ ] b <!-- id: x -->\n'));
    write('runbooks/notes.txt', 'not markdown');
    const { code, out } = await run(['lint', 'runbooks'], dir);
    assert.equal(code, 1);
    assert.equal(out, `${path.join('runbooks', 'sub', 'bad.md')}:9: error step-duplicate-id: The step id "x" is already used on line 8; step ids must be unique.\n`);
  });

  it('exits 0 when there are only warnings, and prints JSON with --json', async () => {
    write('a.md', native('', '# T\n## Detection\n'));
    const text = await run(['lint', 'a.md'], dir);
    assert.equal(text.code, 1, 'a native runbook without steps is an error');
    write('b.md', native('', '# T\n- [ ] orphan\n'));
    const { code, out } = await run(['lint', 'b.md', '--json'], dir);
    assert.equal(code, 0);
    const results = JSON.parse(out) as { file: string; diagnostics: { code: string }[] }[];
    assert.deepEqual(results.map((r) => [r.file, r.diagnostics.map((d) => d.code)]), [['b.md', ['step-outside-stage']]]);
  });

  it('uses --now for the stale-review rule, and rejects a bad --now or no path', async () => {
    write('r.md', native('review: { last: 2026-01-01, every: 30d }', '# T\n## Detection\n- [ ] a\n'));
    assert.equal((await run(['lint', 'r.md', '--now', '2026-01-15'], dir)).out, '');
    assert.match((await run(['lint', 'r.md', '--now', '2026-06-01'], dir)).out, /^r\.md:1: warning review-stale: /);
    assert.equal((await run(['lint', 'r.md', '--now', 'yesterday'], dir)).code, 2);
    assert.equal((await run(['lint'], dir)).code, 2);
  });

  it('with --base, fails when the steps changed without a version bump', async () => {
    git('init', '-q');
    write('r.md', native('', '# T\n## Detection\n- [ ] a\n'));
    write('new.md', native('', '# T\n## Detection\n- [ ] a\n'));
    git('add', 'r.md');
    git('commit', '-q', '-m', 'base');
    write('r.md', native('', '# T\n## Detection\n- [ ] a\n- [ ] b\n'));
    const unbumped = await run(['lint', 'r.md', 'new.md', '--base', 'HEAD'], dir);
    assert.equal(unbumped.code, 1);
    assert.match(unbumped.out, /^r\.md:1: error version-not-bumped: .*set version: 2/);
    assert.doesNotMatch(unbumped.out, /new\.md/);
    write('r.md', native('', '# T\n## Detection\n- [ ] a\n- [ ] b\n').replace('version: 1', 'version: 2'));
    assert.equal((await run(['lint', 'r.md', '--base', 'HEAD'], dir)).code, 0);
    assert.equal((await run(['lint', 'r.md', '--base', 'no-such-ref'], dir)).code, 2);
  });
});

describe('cli: the built-in runbooks, through the built bundle', function () {
  this.timeout(120_000);
  const bundle = path.join(projectRoot, 'dist', 'cli.js');
  const lint = (cwd: string, ...args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, [bundle, 'lint', '--now', '2026-11-28', ...args], { cwd, encoding: 'utf8', stdio: 'pipe' }) };
    } catch (error) {
      const failed = error as { status: number; stdout: string };
      return { code: failed.status, out: failed.stdout };
    }
  };
  let dir: string;
  before(() => { execFileSync(process.execPath, [path.join(projectRoot, 'esbuild.mjs')], { stdio: 'pipe' }); });
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => removeDir(dir));

  it('`firebreak lint runbooks/` in the install keeps the built-ins\' placeholders quiet, also through a symlink', () => {
    assert.deepEqual(lint(projectRoot, 'runbooks/'), { code: 0, out: '' });
    fs.symlinkSync(path.join(projectRoot, 'runbooks'), path.join(dir, 'linked'));
    assert.deepEqual(lint(dir, 'linked/phishing.md'), { code: 0, out: '' });
  });

  it('warns about every placeholder left in a team\'s copy elsewhere', () => {
    fs.copyFileSync(path.join(projectRoot, 'runbooks', 'phishing.md'), path.join(dir, 'phishing.md'));
    const { code, out } = lint(dir, 'phishing.md');
    assert.equal(code, 0);
    const unfilled = out.split('\n').filter((line) => line.includes('warning placeholder-unfilled'));
    assert.ok(unfilled.length >= 10, out);
    assert.match(unfilled[0]!, /^phishing\.md:7: warning placeholder-unfilled: \{\{security-team\}\}/);
  });
});
