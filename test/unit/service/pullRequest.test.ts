import * as assert from 'node:assert/strict';
import { IncidentService } from '../../../src/service/incidentService';
import { IncidentFixture } from '../cli/incidentFixture';

describe('service: pull request link for the incidents\' branch', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  beforeEach(() => { fx = new IncidentFixture(); });
  afterEach(() => fx.cleanup());

  it('gives the compare URL of the checked-out branch on the configured remote', async () => {
    fx.git('checkout', '-q', '-b', 'ir/phish-2026');
    fx.git('remote', 'add', 'origin', 'git@github.com:acme/ir-records.git');
    const service = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    const link = await service.pullRequest();
    assert.equal(link.branch, 'ir/phish-2026');
    assert.equal(link.url, 'https://github.com/acme/ir-records/compare/ir%2Fphish-2026?expand=1');
  });

  it('says what is missing: no remote, an unknown host, a detached HEAD', async () => {
    const service = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    await assert.rejects(service.pullRequest(), /no remote "origin"/);
    fx.git('remote', 'add', 'origin', 'https://git.example.com/acme/ir.git');
    await assert.rejects(service.pullRequest(), /cannot make a pull-request link/);
    fx.git('checkout', '-q', '--detach');
    await assert.rejects(service.pullRequest(), /detached HEAD/);
  });

  it('refuses an unsafe incident id before running git', async () => {
    const service = await IncidentService.open({ cwd: fx.dir, now: () => fx.now });
    await assert.rejects(service.pullRequest('--upload-pack=x'), /invalid incident id/);
  });
});
