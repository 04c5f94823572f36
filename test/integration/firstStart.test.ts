// "Where incidents live", asked once on the first interactive start (PRODUCT.md §3): the
// question, the written .firebreak.yml, the store reopened on the chosen mode, and nothing
// asked or written when the file exists or the responder cancels. Leaves the workspace on
// `branch: current` (the other suites record on the checked-out branch).
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { parseConfig } from '../../src/core/config';
import type { StartPrompts } from '../../src/vscode/commands/startPrompts';
import { CancelledError } from '../../src/vscode/commands/pickers';
import { closeDashboards, commitCount, firebreak, git, waitFor, workspaceRoot } from './support/firebreak';

const link = (title: string) => vscode.Uri.parse(`vscode://firebreak.firebreak/start?runbook=phishing&title=${encodeURIComponent(title)}&severity=SEV3`);
const configFile = () => path.join(workspaceRoot(), '.firebreak.yml');

/** Start-flow answers; `location` records whether it was asked. */
function answers(location: StartPrompts['location'], confirm = true): { asked: () => number; prompts: StartPrompts } {
  let asked = 0;
  return {
    asked: () => asked,
    prompts: {
      location: async (root) => { asked++; return location(root); },
      title: async (prefill) => prefill ?? 'typed',
      severity: async (levels, preferred) => preferred ?? levels[0]!,
      exercise: async () => false,
      confirm: async () => confirm,
      repository: async () => { throw new Error('one repository in this window: the start must not ask which'); },
    },
  };
}

/** Untracked and modified paths of the user's checkout. */
const checkoutStatus = () => git('status', '--porcelain', '--untracked-files=all').split('\n').filter((l) => l !== '').sort();

describe('first start: where incidents live is asked once', () => {
  after(async () => {
    // Back to the current branch for the suites that follow: the question answered, the start declined.
    fs.rmSync(configFile(), { force: true });
    const api = await firebreak();
    await assert.rejects(api.openStartLink(link('Restore current'), answers(async () => ({ kind: 'current' }), false).prompts));
    assert.deepEqual(parseConfig(fs.readFileSync(configFile(), 'utf8')).config.branch, { kind: 'current' });
    await closeDashboards();
  });

  it('asks nothing when .firebreak.yml exists, even without a branch key', async () => {
    const api = await firebreak();
    fs.writeFileSync(configFile(), '# team settings to come\n');
    const before = commitCount();
    const { asked, prompts } = answers(async () => { throw new Error('must not be asked'); }, false);
    await assert.rejects(api.openStartLink(link('Not asked'), prompts), (error: Error) => !/must not be asked/.test(error.message));
    assert.equal(asked(), 0);
    assert.equal(fs.readFileSync(configFile(), 'utf8'), '# team settings to come\n', 'the file is left as it was');
    assert.equal(commitCount(), before);
  });

  it('cancelling the question cancels the start and writes nothing, so it asks again', async () => {
    const api = await firebreak();
    fs.rmSync(configFile(), { force: true });
    const before = commitCount();
    const first = answers(async () => { throw new CancelledError(); });
    await assert.rejects(api.openStartLink(link('Cancelled'), first.prompts));
    assert.equal(first.asked(), 1);
    assert.equal(fs.existsSync(configFile()), false, 'no .firebreak.yml');
    assert.deepEqual(fs.readdirSync(workspaceRoot()).filter((f) => f.startsWith('.firebreak')), [], 'no temporary file either');
    assert.equal(commitCount(), before);
    const second = answers(async () => { throw new CancelledError(); });
    await assert.rejects(api.openStartLink(link('Cancelled again'), second.prompts));
    assert.equal(second.asked(), 1, 'asked again on the next start');
  });

  it('writes the choice and records the first incident on the dedicated branch, the checkout untouched', async () => {
    const api = await firebreak();
    fs.rmSync(configFile(), { force: true });
    const branchBefore = git('symbolic-ref', 'HEAD').trim();
    const headBefore = git('rev-parse', 'HEAD').trim();
    const statusBefore = checkoutStatus();
    const { asked, prompts } = answers(async () => ({ kind: 'dedicated', branch: 'incidents' }));
    const result = await api.openStartLink(link('Recorded on the incidents branch'), prompts);
    assert.equal(asked(), 1);

    const written = parseConfig(fs.readFileSync(configFile(), 'utf8'));
    assert.deepEqual(written.diagnostics, []);
    assert.deepEqual(written.config.branch, { kind: 'dedicated', branch: 'incidents' });

    assert.equal(git('symbolic-ref', 'HEAD').trim(), branchBefore, 'the checkout stays on its branch');
    assert.equal(git('rev-parse', 'HEAD').trim(), headBefore, 'no commit on the user\'s branch');
    assert.deepEqual(checkoutStatus(), [...statusBefore, '?? .firebreak.yml'].sort(), 'only the new .firebreak.yml, left for the user to commit');
    assert.equal(fs.existsSync(path.join(workspaceRoot(), result.folder)), false, 'the incident is not in the user\'s checkout');

    const worktree = /^worktree (.+)\nHEAD [0-9a-f]+\nbranch refs\/heads\/incidents$/m.exec(git('worktree', 'list', '--porcelain'))?.[1];
    assert.ok(worktree, 'the incidents branch is checked out in its own worktree');
    assert.ok(fs.existsSync(path.join(worktree, result.folder, 'events.jsonl')), 'the incident is in that worktree');
    assert.equal(git('rev-parse', 'refs/heads/incidents').trim(), result.commit, 'its commit is on the incidents branch');
    assert.ok(git('ls-tree', '-r', '--name-only', 'incidents').includes(`${result.folder}/events.jsonl`));
    await waitFor('the incident in the reopened store', async () => (await api.incidents()).some((i) => i.id === result.incidentId));
  });

  it('does not ask again once the file is written', async () => {
    const api = await firebreak();
    const { asked, prompts } = answers(async () => ({ kind: 'current' }), false);
    await assert.rejects(api.openStartLink(link('Asked once'), prompts));
    assert.equal(asked(), 0);
  });
});
