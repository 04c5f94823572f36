import * as assert from 'node:assert/strict';
import { pullRequestUrl } from '../../../src/git/index';

describe('git/pullRequestUrl', () => {
  const cases: [string, string][] = [
    ['https://github.com/acme/ir.git', 'https://github.com/acme/ir/compare/incident%2F20261128-k7f3qa?expand=1'],
    ['git@github.com:acme/ir.git', 'https://github.com/acme/ir/compare/incident%2F20261128-k7f3qa?expand=1'],
    ['ssh://git@github.com/acme/ir', 'https://github.com/acme/ir/compare/incident%2F20261128-k7f3qa?expand=1'],
    ['https://gitlab.com/acme/sec/ir.git', 'https://gitlab.com/acme/sec/ir/-/merge_requests/new?merge_request%5Bsource_branch%5D=incident%2F20261128-k7f3qa'],
    ['git@gitlab.com:acme/sec/ir.git', 'https://gitlab.com/acme/sec/ir/-/merge_requests/new?merge_request%5Bsource_branch%5D=incident%2F20261128-k7f3qa'],
    ['https://user@bitbucket.org/acme/ir.git', 'https://bitbucket.org/acme/ir/pull-requests/new?source=incident%2F20261128-k7f3qa'],
    ['git@bitbucket.org:acme/ir.git', 'https://bitbucket.org/acme/ir/pull-requests/new?source=incident%2F20261128-k7f3qa'],
    ['https://acme@dev.azure.com/acme/Security/_git/ir', 'https://dev.azure.com/acme/Security/_git/ir/pullrequestcreate?sourceRef=incident%2F20261128-k7f3qa'],
    ['git@ssh.dev.azure.com:v3/acme/Security/ir', 'https://dev.azure.com/acme/Security/_git/ir/pullrequestcreate?sourceRef=incident%2F20261128-k7f3qa'],
    ['https://acme.visualstudio.com/Security/_git/ir', 'https://dev.azure.com/acme/Security/_git/ir/pullrequestcreate?sourceRef=incident%2F20261128-k7f3qa'],
  ];
  for (const [remote, expected] of cases) {
    it(`makes the compare URL from ${remote}`, () => {
      assert.equal(pullRequestUrl(remote, 'incident/20261128-k7f3qa'), expected);
    });
  }

  it('names the target branch when given', () => {
    assert.equal(pullRequestUrl('git@github.com:acme/ir.git', 'incidents', 'main'), 'https://github.com/acme/ir/compare/main...incidents?expand=1');
  });

  it('returns undefined for unknown hosts and local paths', () => {
    assert.equal(pullRequestUrl('/srv/git/ir.git', 'x'), undefined);
    assert.equal(pullRequestUrl('https://git.example.com/acme/ir.git', 'x'), undefined);
    assert.equal(pullRequestUrl('file:///srv/ir', 'x'), undefined);
  });
});
