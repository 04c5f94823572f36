import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, parseConfig, type BranchMode } from '../../../src/core/config';
import { renderInitialConfig } from '../../../src/core/configTemplate';
import { repositoryModeFor, writeInitialConfig } from '../../../src/service/initialConfig';

describe('service: the first .firebreak.yml (where incidents live)', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => { dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-initial-config-'))); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const gitInit = (folder: string) => {
    fs.mkdirSync(folder, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: folder });
    return folder;
  };

  const modes: readonly BranchMode[] = [
    { kind: 'current' },
    { kind: 'dedicated', branch: 'incidents' },
    { kind: 'dedicated', branch: 'security/ir-log' },
    // Valid branch names YAML would read as a boolean, null or number unless quoted.
    { kind: 'dedicated', branch: 'true' },
    { kind: 'dedicated', branch: 'null' },
    { kind: 'dedicated', branch: '1.0' },
    // A branch named like a mode stays a dedicated branch.
    { kind: 'dedicated', branch: 'current' },
    { kind: 'per-incident', prefix: 'incident' },
    { kind: 'per-incident', prefix: 'ir' },
    { kind: 'repository', path: '../ir-records' },
    { kind: 'repository', path: '/srv/ir records/#1: "main"' },
  ];
  for (const mode of modes) {
    it(`renders ${JSON.stringify(mode)} so that parseConfig reads it back, without diagnostics`, () => {
      const parsed = parseConfig(renderInitialConfig(mode));
      assert.deepEqual(parsed.diagnostics, []);
      assert.deepEqual(parsed.config.branch, mode);
      assert.equal(parsed.config.incidentsFolder, 'incidents', 'the other settings keep their defaults');
    });
  }

  it('explains every mode in comments a team can read', () => {
    const text = renderInitialConfig({ kind: 'current' });
    for (const words of ['branch you have checked out', 'your checkout is never switched', 'incident/<id>', 'another Git repository', 'Commit this file']) {
      assert.ok(text.includes(words), `mentions “${words}”`);
    }
  });

  it('writes the file once and never over an existing one', async () => {
    assert.equal(await writeInitialConfig(dir, { kind: 'dedicated', branch: 'incidents' }), true);
    const loaded = await loadConfig(dir);
    assert.equal(loaded.found, true);
    assert.deepEqual(loaded.config.branch, { kind: 'dedicated', branch: 'incidents' });
    assert.equal(await writeInitialConfig(dir, { kind: 'current' }), false);
    assert.deepEqual((await loadConfig(dir)).config.branch, { kind: 'dedicated', branch: 'incidents' }, 'the first file stands');
    assert.deepEqual(fs.readdirSync(dir), ['.firebreak.yml'], 'no temporary file is left');
  });

  it('keeps a file that appeared meanwhile, even one without a branch key', async () => {
    fs.writeFileSync(path.join(dir, '.firebreak.yml'), 'severities: [P1, P2]\n');
    assert.equal(await writeInitialConfig(dir, { kind: 'per-incident', prefix: 'incident' }), false);
    assert.equal(fs.readFileSync(path.join(dir, '.firebreak.yml'), 'utf8'), 'severities: [P1, P2]\n');
  });

  it('refuses to replace a symlink at the config path', async () => {
    fs.writeFileSync(path.join(dir, 'elsewhere'), 'kept');
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, '.firebreak.yml'));
    assert.equal(await writeInitialConfig(dir, { kind: 'current' }), false);
    assert.equal(fs.readFileSync(path.join(dir, 'elsewhere'), 'utf8'), 'kept');
  });

  it('makes another repository relative to this one, from any folder inside it', async () => {
    const root = gitInit(path.join(dir, 'app'));
    const other = gitInit(path.join(dir, 'ir-records'));
    fs.mkdirSync(path.join(other, 'sub'));
    assert.deepEqual(await repositoryModeFor(root, path.join(other, 'sub')), { kind: 'repository', path: '../ir-records' });
    const odd = gitInit(path.join(dir, 'app', '-records'));
    assert.deepEqual(await repositoryModeFor(root, odd), { kind: 'repository', path: './-records' }, 'never a path that reads as an option');
  });

  it('refuses a folder that is not a Git repository, and this repository itself', async () => {
    const root = gitInit(path.join(dir, 'app'));
    fs.mkdirSync(path.join(dir, 'plain'));
    await assert.rejects(repositoryModeFor(root, path.join(dir, 'plain')), /is not a Git repository/);
    await assert.rejects(repositoryModeFor(root, root), /That is this repository/);
  });
});
