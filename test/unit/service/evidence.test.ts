import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyWithHash, hashFile, inspectEvidenceSource } from '../../../src/service/evidence';
import { ServiceError } from '../../../src/service/errors';

describe('service: evidence files', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-evidence-')); });
  afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('copies while hashing, without the executable bit', async () => {
    const source = path.join(dir, 'in.bin');
    const bytes = Buffer.alloc(300_000, 7);
    fs.writeFileSync(source, bytes, { mode: 0o755 });
    const target = path.join(dir, 'out.bin');
    const result = await copyWithHash(source, target);
    assert.equal(result.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(result.size, bytes.length);
    assert.deepEqual(fs.readFileSync(target), bytes);
    assert.equal(fs.statSync(target).mode & 0o111, 0);
    assert.deepEqual(await hashFile(source), result);
  });

  it('never overwrites an existing target', async () => {
    fs.writeFileSync(path.join(dir, 'a'), 'a');
    fs.writeFileSync(path.join(dir, 'b'), 'b');
    await assert.rejects(copyWithHash(path.join(dir, 'a'), path.join(dir, 'b')));
    assert.equal(fs.readFileSync(path.join(dir, 'b'), 'utf8'), 'b');
  });

  it('keeps a hostile original name for people, without control characters', async () => {
    fs.writeFileSync(path.join(dir, 'a\nb'), 'x');
    assert.equal((await inspectEvidenceSource('a\nb', dir, dir)).originalName, 'a\uFFFDb');
  });

  it('follows a symbolic link and says so when it leaves the repository', async () => {
    const repo = path.join(dir, 'repo');
    fs.mkdirSync(repo);
    const outside = path.join(dir, 'secret.txt');
    fs.writeFileSync(outside, 'outside');
    fs.symlinkSync(outside, path.join(repo, 'link'));
    const source = await inspectEvidenceSource('link', repo, repo);
    assert.equal(source.path, fs.realpathSync(outside));
    assert.equal(source.originalName, 'link');
    assert.match(source.warnings[0]!, /symbolic link .* outside the repository/);
    fs.writeFileSync(path.join(repo, 'inside.txt'), 'x');
    fs.symlinkSync(path.join(repo, 'inside.txt'), path.join(repo, 'link2'));
    assert.deepEqual((await inspectEvidenceSource('link2', repo, repo)).warnings, []);
  });

  it('refuses a missing file, a directory and a FIFO', async () => {
    await assert.rejects(inspectEvidenceSource('nope', dir, dir), ServiceError);
    await assert.rejects(inspectEvidenceSource('.', dir, dir), /not a regular file/);
    fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling'));
    await assert.rejects(inspectEvidenceSource('dangling', dir, dir), /link to nothing/);
  });
});
