// The README's ready-made PR-check jobs. Firebreak is not on npm, so the jobs must not install a
// package named firebreak from a registry (anyone could register it); they take the CLI from a
// pinned .vsix with a checksum. The end-to-end part packages a real .vsix, then runs each job's
// commands as the CI would, against a real Git repository with an origin.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';

const projectRoot = path.resolve(__dirname, '..', '..', '..');
const examples = path.join(projectRoot, 'test', 'fixtures', 'ci-examples');
const read = (name: string) => fs.readFileSync(path.join(examples, name), 'utf8');

/**
 * Command lines that install or run a package named firebreak through a package manager, unless
 * it comes from a Git URL pinned to a commit or a version tag (a registry name is never pinned to
 * who published it).
 */
function unpinnedFirebreakInstalls(text: string): string[] {
  return text.split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .filter((line) => /\b(?:npm|npx|pnpm|yarn|bunx?)\b/.test(line) && /firebreak/i.test(line))
    .filter((line) => !/git\+https:\/\/\S+\.git#(?:[0-9a-f]{40}|v\d+\.\d+\.\d+)(?=\s|$)/.test(line));
}

describe('cli: PR check examples for the README', () => {
  it('flags registry and unpinned installs of firebreak, and lets a pinned Git install pass', () => {
    for (const bad of ['npm install --global firebreak', '- run: npm i -g firebreak@0.1.0', 'npx firebreak lint runbooks', 'yarn global add firebreak', 'pnpm add -g firebreak',
      'npm install -g git+https://github.com/YOUR-ORG/firebreak.git', 'npm install -g git+https://github.com/YOUR-ORG/firebreak.git#main']) {
      assert.deepEqual(unpinnedFirebreakInstalls(bad), [bad], bad);
    }
    for (const good of ['npm install -g git+https://github.com/YOUR-ORG/firebreak.git#v0.1.0', `npm install -g git+https://github.com/YOUR-ORG/firebreak.git#${'a1'.repeat(20)}`,
      '# not `npm install firebreak`', 'npm ci', 'firebreak lint runbooks']) {
      assert.deepEqual(unpinnedFirebreakInstalls(good), [], good);
    }
  });

  for (const name of ['github-actions.yml', 'gitlab-ci.yml']) {
    it(`${name} runs lint and verify --base against the target branch`, () => {
      const text = read(name);
      assert.match(text, /^\s*-? ?(run: )?firebreak lint /m);
      assert.match(text, /firebreak verify --base "origin\/\$\{?\{? ?[A-Za-z_.]+/);
      assert.match(text, /(fetch-depth: 0|GIT_DEPTH: "0")/);
      assert.doesNotMatch(text, /\t/);
    });

    it(`${name} installs the CLI from a release .vsix pinned by version and SHA-256, checked before unpacking, from no registry`, () => {
      const text = read(name);
      assert.deepEqual(unpinnedFirebreakInstalls(text), []);
      assert.match(text, /^\s*FIREBREAK_VSIX_URL: https:\/\/github\.com\/YOUR-ORG\/firebreak\/releases\/download\/v\d+\.\d+\.\d+\/firebreak\.vsix$/m);
      assert.match(text, /^\s*FIREBREAK_VSIX_SHA256: \S+$/m);
      const check = text.indexOf('| sha256sum --check --strict');
      assert.ok(check > 0 && check < text.indexOf('unzip '), 'the checksum is checked before anything is unpacked');
    });
  }

  describe('the jobs install the CLI and run it as written', function () {
    this.timeout(180_000);
    let scratch: string;
    let vsix: string;
    let sha256: string;
    let team: string;

    before(function () {
      const missing = ['bash', 'curl', 'sha256sum', 'unzip'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
      if (missing.length > 0) this.skip(); // the CI images have them; a developer machine may not
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-ci-install-'));
      vsix = packageVsix(path.join(scratch, 'source'));
      sha256 = crypto.createHash('sha256').update(fs.readFileSync(vsix)).digest('hex');
    });
    after(() => { if (scratch) fs.rmSync(scratch, { recursive: true, force: true }); });
    beforeEach(() => { team = teamRepository(fs.mkdtempSync(path.join(scratch, 'team-'))); });

    it('GitHub Actions: the install step puts the .vsix CLI on PATH, lint and verify pass, a broken runbook fails lint', () => {
      const workflow = load(read('github-actions.yml')) as { env: Record<string, string>; jobs: { check: { steps: { run?: string }[] } } };
      const steps = workflow.jobs.check.steps.flatMap((s) => (s.run === undefined ? [] : [s.run.replaceAll('${{ github.base_ref }}', 'main')]));
      assert.equal(steps.length, 3);
      const runnerTemp = fs.mkdtempSync(path.join(scratch, 'runner-'));
      const githubPath = path.join(runnerTemp, 'github-path');
      fs.writeFileSync(githubPath, '');
      const env = (vars: Record<string, string>) => {
        const added = fs.readFileSync(githubPath, 'utf8').split('\n').filter((p) => p !== '').reverse();
        return { ...process.env, ...workflow.env, RUNNER_TEMP: runnerTemp, GITHUB_PATH: githubPath, PATH: [...added, process.env.PATH].join(path.delimiter), ...vars };
      };

      const asWritten = bash(steps[0]!, team, env({ FIREBREAK_VSIX_URL: `file://${vsix}` }));
      assert.notEqual(asWritten.status, 0, 'the placeholder checksum must fail the job');
      assert.match(asWritten.stderr, /sha256sum: .*no properly formatted/);
      assert.equal(fs.existsSync(path.join(runnerTemp, 'firebreak', 'bin', 'firebreak')), false);
      fs.rmSync(path.join(runnerTemp, 'firebreak'), { recursive: true, force: true });

      const pinned = { FIREBREAK_VSIX_URL: `file://${vsix}`, FIREBREAK_VSIX_SHA256: sha256 };
      assert.equal(bash(steps[0]!, team, env(pinned)).status, 0);
      assert.equal(bash('command -v firebreak', team, env(pinned)).stdout.trim(), path.join(runnerTemp, 'firebreak', 'bin', 'firebreak'));
      for (const step of steps.slice(1)) {
        const run = bash(step, team, env(pinned));
        assert.equal(run.status, 0, `${step}\n${run.stdout}${run.stderr}`);
      }

      commitBrokenRunbook(team);
      const lint = bash(steps[1]!, team, env(pinned));
      assert.equal(lint.status, 1);
      assert.match(lint.stdout, /runbooks\/broken\.md:\d+: error runbook-empty/);
    });

    it('GitLab CI: the script installs the .vsix CLI, lints and verifies; a wrong checksum stops it before anything is unpacked', () => {
      const job = (load(read('gitlab-ci.yml')) as { firebreak: { variables: Record<string, string>; script: string[] } }).firebreak;
      const home = path.join(scratch, 'gitlab-home');
      const env = (sha: string) => ({ ...process.env, ...job.variables, FIREBREAK_HOME: home, FIREBREAK_VSIX_URL: `file://${vsix}`, FIREBREAK_VSIX_SHA256: sha, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' });
      const script = job.script.join('\n');

      const tampered = bash(script, team, env(sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'))));
      assert.notEqual(tampered.status, 0);
      assert.match(tampered.stderr, /computed checksum did NOT match/);
      assert.equal(fs.existsSync(path.join(home, 'extension')), false);
      fs.rmSync(home, { recursive: true, force: true });

      const run = bash(`${script}\ncommand -v firebreak`, team, env(sha256));
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /verified 0 incidents/);
      assert.equal(run.stdout.trim().split('\n').at(-1), path.join(home, 'bin', 'firebreak'));
    });
  });
});

/** Builds the .vsix with `npm run package` in a copy of this checkout (tracked and new files), so the checkout's dist/ is left alone. */
function packageVsix(source: string): string {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: projectRoot, encoding: 'utf8' }).split('\0').filter((f) => f !== '');
  for (const file of files) {
    const from = path.join(projectRoot, file);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue; // deleted but not yet staged
    fs.mkdirSync(path.dirname(path.join(source, file)), { recursive: true });
    fs.copyFileSync(from, path.join(source, file));
  }
  fs.symlinkSync(fs.realpathSync(path.join(projectRoot, 'node_modules')), path.join(source, 'node_modules'));
  execFileSync('npm', ['run', 'package'], { cwd: source, stdio: 'pipe' });
  return path.join(source, 'firebreak.vsix');
}

/** A team's clone: main (pushed to a bare origin) holds one runbook; the checked-out branch `change` adds another. */
function teamRepository(dir: string): string {
  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', ...args], { cwd, stdio: 'pipe' });
  git(dir, 'init', '-q', '--bare', '-b', 'main', 'origin.git');
  const work = path.join(dir, 'work');
  git(dir, 'clone', '-q', path.join(dir, 'origin.git'), 'work');
  fs.mkdirSync(path.join(work, 'runbooks'));
  fs.writeFileSync(path.join(work, 'runbooks', 'lost-laptop.md'), teamRunbook('lost-laptop', 'Lost laptop'));
  git(work, 'add', '--', 'runbooks');
  git(work, 'commit', '-q', '-m', 'Add a runbook');
  git(work, 'push', '-q', 'origin', 'main');
  git(work, 'checkout', '-q', '-b', 'change');
  fs.writeFileSync(path.join(work, 'runbooks', 'stolen-badge.md'), teamRunbook('stolen-badge', 'Stolen badge'));
  git(work, 'add', '--', 'runbooks');
  git(work, 'commit', '-q', '-m', 'Add another runbook');
  return work;
}

function commitBrokenRunbook(work: string): void {
  fs.writeFileSync(path.join(work, 'runbooks', 'broken.md'), '---\nid: broken\ntitle: Broken\nversion: 1\n---\n# Broken\n\nNo steps yet.\n');
  execFileSync('git', ['add', '--', 'runbooks/broken.md'], { cwd: work, stdio: 'pipe' });
  execFileSync('git', ['-c', 'user.name=CI', '-c', 'user.email=ci@example.com', 'commit', '-q', '-m', 'Add a broken runbook'], { cwd: work, stdio: 'pipe' });
}

function teamRunbook(id: string, title: string): string {
  return `---\nid: ${id}\ntitle: ${title}\nversion: 1\nroles: [commander]\n---\n# ${title}\n\n## Detection\n- [ ] Confirm the report <!-- id: confirm; role: commander -->\n\n## Containment\n- [ ] Revoke access <!-- id: revoke; role: commander -->\n`;
}

/** Runs a CI script the way the runners do: bash, stopping at the first failing command. */
function bash(script: string, cwd: string, env: NodeJS.ProcessEnv) {
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, env, encoding: 'utf8' });
}
