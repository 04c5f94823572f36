import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RunbookLibrary, type LibraryFs } from '../../../src/core/runbook/library';
import { native, projectRoot, removeDir, tempDir } from './helpers';

/** The real file system, counting the files actually read. */
function countingFs(): LibraryFs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readdir: (dir) => fs.readdirSync(dir, { withFileTypes: true }),
    readIfChanged(file, known) {
      const stat = fs.statSync(file);
      const stamp = { mtimeMs: stat.mtimeMs, size: stat.size };
      if (known && known.mtimeMs === stamp.mtimeMs && known.size === stamp.size) return { stamp };
      reads.push(path.basename(file));
      return { stamp, content: fs.readFileSync(file) };
    },
  };
}

describe('runbook: library', () => {
  let root: string;
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  };
  const runbook = (id: string, title = id) => native('', '# T\n## Detection\n- [ ] a\n').replace('id: test', `id: ${id}`).replace('title: Test', `title: ${title}`);

  beforeEach(() => {
    root = tempDir();
    write('runbooks/phishing.md', runbook('phishing', 'Phishing'));
    write('runbooks/cloud/keys.md', runbook('leaked-keys'));
    write('runbooks/imported/Old Playbook.md', '# Old playbook\n## Containment\n- isolate\n');
    write('runbooks/notes.txt', 'ignored');
    write('builtin/phishing.md', runbook('phishing', 'Built-in phishing'));
    write('builtin/ransomware.md', runbook('ransomware'));
  });
  afterEach(() => removeDir(root));

  const library = (fsImpl?: LibraryFs) => new RunbookLibrary({ root, folders: ['runbooks', 'missing-folder'], builtinFolder: path.join(root, 'builtin'), ...(fsImpl ? { fs: fsImpl } : {}) });

  it('lists workspace and built-in runbooks from their front-matter', async () => {
    const lib = library();
    await lib.refresh();
    assert.deepEqual(lib.list().map((e) => [e.id, e.title, e.relativePath, e.builtin, e.format]), [
      ['leaked-keys', 'leaked-keys', 'runbooks/cloud/keys.md', false, 'native'],
      ['old-playbook', 'Old playbook', 'runbooks/imported/Old Playbook.md', false, 'imported'],
      ['phishing', 'Phishing', 'runbooks/phishing.md', false, 'native'],
      ['phishing', 'Built-in phishing', 'phishing.md', true, 'native'],
      ['ransomware', 'ransomware', 'ransomware.md', true, 'native'],
    ]);
    assert.equal(lib.list()[0]!.diagnostics, 0);
  });

  it('indexes long runbooks: a front-matter past the first bytes read, a title from a heading', async () => {
    const description = `description: "${'a long description '.repeat(400)}"`;
    write('runbooks/long-front.md', native(description, '# T\n## Detection\n- [ ] a\n').replace('id: test', 'id: long-front').replace('title: Test', 'title: Long front-matter'));
    write('runbooks/heading-title.md', `---\nid: heading-title\nversion: 1\n---\n${'An introduction. '.repeat(400)}\n\n# Title from the heading\n## Detection\n- [ ] a\n`);
    const lib = library();
    await lib.refresh();
    assert.equal(lib.resolve('long-front')?.title, 'Long front-matter');
    assert.equal(lib.resolve('heading-title')?.title, 'Title from the heading');
  });

  it('keeps only what the index needs per entry: the default severity, and the front-matter problem count', async () => {
    write('runbooks/sev.md', native('severity: SEV2\nunknown-field: 1', '# T\n## Detection\n- [ ] a\n').replace('id: test', 'id: with-severity'));
    const lib = library();
    await lib.refresh();
    const entry = lib.resolve('with-severity')!;
    assert.deepEqual(entry, {
      id: 'with-severity', title: 'Test', file: path.join(root, 'runbooks', 'sev.md'), relativePath: 'runbooks/sev.md', builtin: false, format: 'native', severity: 'SEV2', diagnostics: 1,
    });
    assert.equal('severity' in lib.resolve('leaked-keys')!, false);
  });

  it('names files by their path from the root, for folders given in any form, nested, outside the root or listed twice', async () => {
    const outside = tempDir();
    try {
      fs.writeFileSync(path.join(outside, 'shared.md'), runbook('shared'));
      const lib = new RunbookLibrary({ root, folders: ['./runbooks/cloud/', 'runbooks', path.relative(root, outside)], builtinFolder: `${path.join(root, 'builtin')}/` });
      await lib.refresh();
      assert.deepEqual(lib.list().map((e) => [e.id, e.relativePath, e.file]), [
        ['shared', `${path.relative(root, outside)}/shared.md`, path.join(outside, 'shared.md')],
        ['leaked-keys', 'runbooks/cloud/keys.md', path.join(root, 'runbooks', 'cloud', 'keys.md')],
        ['old-playbook', 'runbooks/imported/Old Playbook.md', path.join(root, 'runbooks', 'imported', 'Old Playbook.md')],
        ['phishing', 'runbooks/phishing.md', path.join(root, 'runbooks', 'phishing.md')],
        ['phishing', 'phishing.md', path.join(root, 'builtin', 'phishing.md')],
        ['ransomware', 'ransomware.md', path.join(root, 'builtin', 'ransomware.md')],
      ]);
    } finally {
      removeDir(outside);
    }
  });

  it('counts a file under both a workspace folder and the built-in folder as built-in', async () => {
    const lib = new RunbookLibrary({ root, folders: ['.'], builtinFolder: path.join(root, 'builtin') });
    await lib.refresh();
    assert.deepEqual(lib.list().filter((e) => e.id === 'ransomware').map((e) => [e.relativePath, e.builtin]), [['ransomware.md', true]]);
  });

  it('resolves by id (workspace before built-in) and by path', async () => {
    const lib = library();
    await lib.refresh();
    assert.equal(lib.resolve('phishing')?.builtin, false);
    assert.equal(lib.resolve('ransomware')?.builtin, true);
    assert.equal(lib.resolve('runbooks/cloud/keys.md')?.id, 'leaked-keys');
    assert.equal(lib.resolve(path.join(root, 'runbooks', 'phishing.md'))?.id, 'phishing');
    assert.equal(lib.resolve('nope'), undefined);
  });

  it('reports duplicate ids among workspace runbooks, not a team copy of a built-in', async () => {
    write('runbooks/copy.md', runbook('leaked-keys'));
    const lib = library();
    await lib.refresh();
    const duplicates = lib.duplicates();
    assert.equal(duplicates.length, 1);
    assert.equal(duplicates[0]!.code, 'runbook-duplicate-id');
    assert.equal(duplicates[0]!.file, path.join(root, 'runbooks', 'copy.md'));
    assert.match(duplicates[0]!.message, /runbooks\/cloud\/keys\.md/);
  });

  it('re-reads only changed files, and drops deleted ones', async () => {
    const counting = countingFs();
    const lib = library(counting);
    await lib.refresh();
    assert.equal(counting.reads.length, 5);
    counting.reads.length = 0;
    await lib.refresh();
    assert.deepEqual(counting.reads, []);
    write('runbooks/phishing.md', runbook('phishing', 'Phishing v2, longer'));
    fs.rmSync(path.join(root, 'builtin', 'ransomware.md'));
    await lib.refresh();
    assert.deepEqual(counting.reads, ['phishing.md']);
    assert.equal(lib.resolve('phishing')?.title, 'Phishing v2, longer');
    assert.equal(lib.resolve('ransomware'), undefined);
  });

  it('parses a runbook fully when loaded, cached until it changes; built-ins keep their placeholders quietly', async () => {
    write('builtin/ransomware.md', native('customise: [siem]', '# T\n## Detection\n- [ ] Open {{siem}}\n').replace('id: test', 'id: ransomware'));
    const counting = countingFs();
    const lib = library(counting);
    await lib.refresh();
    counting.reads.length = 0;
    const first = await lib.load('phishing');
    assert.equal(first.stages[0]!.steps[0]!.id, 'a');
    assert.equal(await lib.load('runbooks/phishing.md'), first);
    assert.deepEqual(counting.reads, ['phishing.md']);
    assert.deepEqual((await lib.load('ransomware')).diagnostics, []);
    const outside = path.join(root, 'elsewhere.md');
    fs.writeFileSync(outside, runbook('elsewhere'));
    assert.equal((await lib.load(outside)).id, 'elsewhere');
    await assert.rejects(lib.load('no-such-id'), /No runbook/);
  });

  it('indexes without loading markdown-it (front-matter only until a runbook is opened)', function () {
    this.timeout(30_000); // a child Node process with tsx, on a shared machine
    const script = `
      const { RunbookLibrary } = require(${JSON.stringify(path.join(projectRoot, 'src/core/runbook/library.ts'))});
      const lib = new RunbookLibrary({ root: ${JSON.stringify(root)}, folders: ['runbooks'] });
      lib.refresh().then(async () => {
        const before = Object.keys(require.cache).some((k) => k.includes('markdown-it'));
        await lib.load('phishing');
        const after = Object.keys(require.cache).some((k) => k.includes('markdown-it'));
        console.log(JSON.stringify({ count: lib.list().length, before, after }));
      });`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out.trim()), { count: 3, before: false, after: true });
  });
});
