import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { libraryFileOf } from '../../../src/service/runbookSource';

describe('service: libraryFileOf (runbook drift)', () => {
  let root: string;
  let builtinDir: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-drift-'));
    builtinDir = path.join(root, 'install');
    fs.mkdirSync(path.join(root, 'runbooks'));
    fs.mkdirSync(builtinDir);
    fs.writeFileSync(path.join(root, 'runbooks', 'team.md'), '# Team\n');
    fs.writeFileSync(path.join(builtinDir, 'phishing.md'), '# Phishing\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds a repository runbook and a built-in one where they are now', () => {
    assert.equal(libraryFileOf('runbooks/team.md', { root, builtinDir }), path.join(root, 'runbooks', 'team.md'));
    assert.equal(libraryFileOf('builtin/phishing.md', { root, builtinDir }), path.join(builtinDir, 'phishing.md'));
  });

  it('gives nothing for a file that is gone, a folder, or a recorded path leaving the repository', () => {
    assert.equal(libraryFileOf('runbooks/gone.md', { root, builtinDir }), undefined);
    assert.equal(libraryFileOf('runbooks', { root, builtinDir }), undefined);
    assert.equal(libraryFileOf('../../etc/passwd', { root: path.join(root, 'runbooks'), builtinDir }), undefined);
    assert.equal(libraryFileOf('builtin/../../x.md', { root, builtinDir }), undefined);
  });
});
