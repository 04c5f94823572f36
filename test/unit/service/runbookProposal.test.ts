// "Propose Runbook Change" on real repositories: the branch from HEAD, in place only when the
// checkout is clean (else in its own worktree, the user's files untouched), reused on a rerun, the
// runbook at the step's line, a built-in copied in first, and the commit with the `Incident:` trailer.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildRunbookChangeMessage, checkOutBranch } from '../../../src/git';
import { IncidentService } from '../../../src/service/incidentService';
import type { RunbookProposal } from '../../../src/service/types';
import { IncidentFixture, RUNBOOK } from '../cli/incidentFixture';

type Ready = Extract<RunbookProposal, { kind: 'ready' }>;

function ready(proposal: RunbookProposal): Ready {
  assert.equal(proposal.kind, 'ready');
  return proposal as Ready;
}

describe('service: proposing a runbook change after an incident', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  let builtinDir: string;
  let service: IncidentService;
  let incidentId: string;

  beforeEach(async () => {
    fx = new IncidentFixture();
    builtinDir = fs.mkdtempSync(path.join(path.dirname(fx.dir), 'fb-builtin-'));
    fs.writeFileSync(path.join(builtinDir, 'shipped.md'), RUNBOOK.replace('id: tiny', 'id: shipped').replace('# Tiny runbook', '# Shipped runbook'));
    service = await IncidentService.open({ cwd: fx.dir, now: () => fx.now, builtinRunbooksDir: builtinDir });
    incidentId = (await service.start({ runbook: 'tiny', title: 'Lessons' })).incidentId;
  });
  afterEach(() => {
    fx.cleanup();
    fs.rmSync(builtinDir, { recursive: true, force: true });
  });

  it('checks the branch out in place when the checkout is clean, from HEAD, with the runbook at the step', async () => {
    const head = fx.git('rev-parse', 'HEAD').trim();
    const proposal = ready(await service.proposeRunbookChange({ incidentId, step: 'isolate' }));
    assert.equal(proposal.branch, `runbook/tiny-${incidentId}`);
    assert.equal(proposal.root, fs.realpathSync(fx.dir));
    assert.equal(proposal.managedWorktree, false);
    assert.equal(fx.git('symbolic-ref', '--short', 'HEAD').trim(), proposal.branch);
    assert.equal(fx.git('rev-parse', 'HEAD').trim(), head);
    assert.equal(proposal.path, 'runbooks/tiny.md');
    assert.equal(fs.readFileSync(proposal.file, 'utf8').split('\n')[proposal.line - 1], '- [ ] Isolate the host <!-- id: isolate; required -->');
    assert.equal(proposal.stepFound, true);
  });

  it('uses its own worktree when the checkout is dirty, leaving the user\'s branch and files as they were; a rerun reuses it', async () => {
    const branchBefore = fx.git('symbolic-ref', '--short', 'HEAD').trim();
    fs.appendFileSync(path.join(fx.dir, 'runbooks', 'tiny.md'), '\nwork in progress\n');
    fs.writeFileSync(path.join(fx.dir, 'notes.txt'), 'untracked\n');
    const statusBefore = fx.git('status', '--porcelain');
    const first = ready(await service.proposeRunbookChange({ incidentId }));
    assert.equal(first.managedWorktree, true);
    assert.equal(first.created, true);
    assert.notEqual(first.root, fs.realpathSync(fx.dir));
    assert.equal(first.line, 1);
    assert.equal(fs.readFileSync(first.file, 'utf8'), RUNBOOK, 'the branch has the committed runbook, not the user\'s edit');
    assert.equal(fx.git('symbolic-ref', '--short', 'HEAD').trim(), branchBefore);
    assert.equal(fx.git('status', '--porcelain'), statusBefore);
    assert.match(fs.readFileSync(path.join(fx.dir, 'runbooks', 'tiny.md'), 'utf8'), /work in progress/);

    const again = ready(await service.proposeRunbookChange({ incidentId }));
    assert.equal(again.root, first.root);
    assert.equal(again.created, false);
  });

  it('commits only the runbook on the branch, with the incident and step as trailers; the user\'s staged work stays staged', async () => {
    const proposal = ready(await service.proposeRunbookChange({ incidentId, step: 'isolate' }));
    fs.writeFileSync(proposal.file, fs.readFileSync(proposal.file, 'utf8').replace('Isolate the host', 'Isolate the host from the network'));
    fs.appendFileSync(path.join(fx.dir, 'README.md'), 'staged by the user\n');
    fx.git('add', 'README.md');
    const result = await service.commitRunbookChange({ incidentId, step: 'isolate' });
    assert.equal(fx.git('rev-parse', `refs/heads/${proposal.branch}`).trim(), result.commit);
    assert.deepEqual(fx.git('show', '--name-only', '--format=', result.commit).trim().split('\n'), ['runbooks/tiny.md']);
    assert.equal(fx.git('log', '-1', '--format=%(trailers:key=Incident,valueonly)', result.commit).trim(), incidentId);
    assert.equal(fx.git('log', '-1', '--format=%(trailers:key=Step,valueonly)', result.commit).trim(), 'isolate');
    assert.equal(fx.git('diff', '--cached', '--name-only').trim(), 'README.md');
    await assert.rejects(service.commitRunbookChange({ incidentId, step: 'isolate' }), /no change to commit/);
  });

  it('commits in the worktree when the proposal is there', async () => {
    fs.writeFileSync(path.join(fx.dir, 'README.md'), '# Team\n');
    fx.git('add', 'README.md');
    fx.git('commit', '-q', '-m', 'readme');
    fs.appendFileSync(path.join(fx.dir, 'README.md'), 'dirty\n');
    const proposal = ready(await service.proposeRunbookChange({ incidentId }));
    fs.appendFileSync(proposal.file, '\n## Lessons\n');
    const result = await service.commitRunbookChange({ incidentId });
    assert.equal(result.root, proposal.root);
    assert.equal(fx.git('rev-parse', `refs/heads/${proposal.branch}`).trim(), result.commit);
    assert.equal(fx.git('log', '-1', '--format=%(trailers:key=Incident,valueonly)', result.commit).trim(), incidentId);
    assert.equal(fx.git('diff', '--name-only').trim(), 'README.md');
  });

  it('asks before copying a built-in runbook, then copies it into the repository\'s runbook folder on the branch', async () => {
    const shipped = (await service.start({ runbook: 'shipped', title: 'From a built-in' })).incidentId;
    const branches = fx.git('branch', '--list').trim();
    const asked = await service.proposeRunbookChange({ incidentId: shipped, step: 'confirm' });
    assert.deepEqual(asked, { kind: 'builtin', incidentId: shipped, runbook: 'shipped', builtinFile: path.join(builtinDir, 'shipped.md') });
    assert.equal(fx.git('branch', '--list').trim(), branches, 'no branch before the user agrees');

    const proposal = ready(await service.proposeRunbookChange({ incidentId: shipped, step: 'confirm', copyBuiltin: true }));
    assert.equal(proposal.copiedBuiltin, true);
    assert.equal(proposal.path, 'runbooks/shipped.md');
    assert.equal(fs.readFileSync(proposal.file, 'utf8'), fs.readFileSync(path.join(builtinDir, 'shipped.md'), 'utf8'));
    const result = await service.commitRunbookChange({ incidentId: shipped, step: 'confirm' });
    assert.deepEqual(fx.git('show', '--name-only', '--format=', result.commit).trim().split('\n'), ['runbooks/shipped.md']);
    assert.equal(ready(await service.proposeRunbookChange({ incidentId: shipped })).copiedBuiltin, false, 'a rerun finds the copy');
  });

  it('refuses an unknown step, and names that are not safe never reach git', async () => {
    await assert.rejects(service.proposeRunbookChange({ incidentId, step: '--upload-pack=evil' }), /has no step/);
    await assert.rejects(service.proposeRunbookChange({ incidentId: '../x' }), /invalid incident id/);
    await assert.rejects(checkOutBranch(fx.dir, '-b'), /Invalid branch name/);
    await assert.rejects(checkOutBranch(fx.dir, 'runbook/x..y'), /Invalid branch name/);
    assert.throws(() => buildRunbookChangeMessage({ runbook: 'tiny', incidentId, step: 'x\nIncident: forged' }), /Invalid step id/);
    assert.throws(() => buildRunbookChangeMessage({ runbook: 'Tiny Runbook', incidentId }), /Invalid runbook id/);
    await assert.rejects(service.commitRunbookChange({ incidentId }), /not checked out anywhere/);
  });
});
