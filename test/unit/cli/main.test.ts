import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../../src/cli/main';
import { VERSION } from '../../../src/core/version';

function capture(argv: string[]) {
  let out = '';
  let err = '';
  return main(argv, { stdout: (t) => { out += t; }, stderr: (t) => { err += t; } }).then((code) => ({ code, out, err }));
}

describe('cli: global options', () => {
  it('prints the version from package.json', async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as { version: string };
    const { code, out } = await capture(['--version']);
    assert.equal(code, 0);
    assert.equal(out, `${pkg.version}\n`);
    assert.equal(VERSION, pkg.version);
  });

  it('prints help with the exit codes', async () => {
    const { code, out } = await capture(['--help']);
    assert.equal(code, 0);
    assert.match(out, /Usage: firebreak/);
    assert.match(out, /2 usage error/);
  });

  it('exits 2 on an unknown command or option, naming it', async () => {
    const unknownCommand = await capture(['frobnicate']);
    assert.equal(unknownCommand.code, 2);
    assert.match(unknownCommand.err, /unknown command "frobnicate"/);
    const unknownOption = await capture(['--upload-pack=x']);
    assert.equal(unknownOption.code, 2);
    assert.match(unknownOption.err, /unknown option/);
  });

  it('exits 2 with help when no command is given', async () => {
    const { code, err } = await capture([]);
    assert.equal(code, 2);
    assert.match(err, /Usage/);
  });
});

describe('cli: the built bundle', function () {
  this.timeout(60_000);
  const bundle = path.join(__dirname, '../../../dist/cli.js');
  before(() => {
    execFileSync(process.execPath, [path.join(__dirname, '../../../esbuild.mjs')], { stdio: 'pipe' });
  });

  it('runs with plain Node and prints its version', () => {
    const result = spawnSync(process.execPath, [bundle, '--version'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.trim(), VERSION);
  });

  it('is executable as `firebreak` (shebang + mode)', () => {
    const result = spawnSync(bundle, ['--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /firebreak/);
  });
});
