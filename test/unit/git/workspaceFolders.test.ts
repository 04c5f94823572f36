import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { workspaceRepositories } from '../../../src/git/workspaceFolders';
import { git, removeDir, tempDir } from './helpers';

describe('git/workspace folders → repositories', function () {
  this.timeout(60_000);
  let dir: string;
  let alpha: string;
  let beta: string;
  beforeEach(() => {
    dir = tempDir('firebreak-folders-');
    alpha = path.join(dir, 'alpha');
    beta = path.join(dir, 'beta');
    for (const repo of [alpha, beta]) {
      fs.mkdirSync(path.join(repo, 'services', 'api'), { recursive: true });
      git(repo, 'init', '-q', '-b', 'main');
    }
  });
  afterEach(() => removeDir(dir));

  it('one repository per folder that is a repository root, in workspace order', () => {
    const repositories = workspaceRepositories([{ name: 'beta', path: beta }, { name: 'alpha', path: alpha }]);
    assert.deepEqual(repositories, [
      { root: beta, name: 'beta', folders: [beta] },
      { root: alpha, name: 'alpha', folders: [alpha] },
    ]);
  });

  it('a folder nested inside a repository opens that repository, named after the folder', () => {
    const api = path.join(alpha, 'services', 'api');
    assert.deepEqual(workspaceRepositories([{ name: 'api', path: api }]), [{ root: alpha, name: 'api', folders: [api] }]);
  });

  it('two folders of one repository are one repository, named after the folder that is its root', () => {
    const api = path.join(alpha, 'services', 'api');
    const repositories = workspaceRepositories([{ name: 'api', path: api }, { name: 'alpha', path: alpha }]);
    assert.deepEqual(repositories, [{ root: alpha, name: 'alpha', folders: [api, alpha] }]);
  });

  it('a folder outside any repository has none', () => {
    const plain = fs.mkdtempSync(path.join(dir, 'plain-'));
    // tmpdir itself must not be inside a repository for this test to mean anything.
    assert.equal(workspaceRepositories([{ name: 'plain', path: plain }]).length, 0);
    assert.deepEqual(workspaceRepositories([{ name: 'plain', path: plain }, { name: 'beta', path: beta }]).map((r) => r.root), [beta]);
  });

  it('a repository reached through a symlink is the same repository', () => {
    const link = path.join(dir, 'alpha-link');
    fs.symlinkSync(alpha, link);
    const repositories = workspaceRepositories([{ name: 'alpha', path: alpha }, { name: 'alpha-link', path: link }]);
    assert.equal(repositories.length, 1);
    assert.deepEqual(repositories[0]!.folders, [alpha, link]);
  });

  it('two repositories with the same folder name get names that tell them apart', () => {
    const repositories = workspaceRepositories([{ name: 'app', path: alpha }, { name: 'app', path: beta }]);
    assert.deepEqual(repositories.map((r) => r.name), [`app (${alpha})`, `app (${beta})`]);
  });
});
