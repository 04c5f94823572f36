import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadRepositoryLibrary } from '../../../src/core/runbook/repositoryLibrary';
import { native, removeDir, tempDir } from './helpers';

describe('runbook: the repository library from .firebreak.yml', () => {
  let root: string;
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  };
  const runbook = (id: string) => native('', '# T\n## Detection\n- [ ] a\n').replace('id: test', `id: ${id}`);

  beforeEach(() => {
    root = tempDir();
    write('runbooks/default-folder.md', runbook('default-folder'));
    write('playbooks/cloud/keys.md', runbook('leaked-keys'));
    write('ir/shared.md', runbook('shared'));
    write('builtin/ransomware.md', runbook('ransomware'));
  });
  afterEach(() => removeDir(root));

  const ids = async (builtin = true) => {
    const loaded = await loadRepositoryLibrary(root, builtin ? { builtinFolder: path.join(root, 'builtin') } : {});
    return { ...loaded, ids: loaded.library.list().map((e) => `${e.builtin ? 'builtin:' : ''}${e.id}`) };
  };

  it('searches the runbook folders .firebreak.yml names, and the built-ins', async () => {
    write('.firebreak.yml', 'runbooks: [playbooks, ir]\n');
    const loaded = await ids();
    assert.deepEqual(loaded.folders, ['playbooks', 'ir']);
    assert.deepEqual(loaded.ids, ['shared', 'leaked-keys', 'builtin:ransomware']);
    assert.deepEqual(loaded.configDiagnostics, []);
  });

  it('uses runbooks/ without a .firebreak.yml, or when its runbooks value is bad (and says so)', async () => {
    assert.deepEqual((await ids(false)).ids, ['default-folder']);
    write('.firebreak.yml', 'runbooks: [../outside]\n');
    const loaded = await ids();
    assert.deepEqual(loaded.ids, ['default-folder', 'builtin:ransomware']);
    assert.equal(loaded.configDiagnostics[0]?.code, 'config-invalid-value');
  });

  it('lists only the built-ins without a repository', async () => {
    const loaded = await loadRepositoryLibrary(undefined, { builtinFolder: path.join(root, 'builtin') });
    assert.deepEqual(loaded.library.list().map((e) => [e.id, e.builtin]), [['ransomware', true]]);
    assert.deepEqual(loaded.folders, []);
  });
});
