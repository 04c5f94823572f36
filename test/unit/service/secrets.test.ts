import * as assert from 'node:assert/strict';
import { findSecrets, secretWarnings } from '../../../src/service/secrets';

describe('service: secret scan', () => {
  const samples: Record<string, string> = {
    'private key': '-----BEGIN OPENSSH PRIVATE KEY-----',
    'AWS access key id': 'key AKIAIOSFODNN7EXAMPLE used',
    'AWS secret access key': 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'GitHub token': `token ghp_${'a1B2'.repeat(9)}`,
    'GitLab token': 'glpat-abcdefghij0123456789',
    'Slack token': 'xoxb-123456789012-abcdefABCDEF',
    'Google API key': `AIza${'x'.repeat(35)}`,
    'password in a URL': 'https://admin:hunter22@db.example.com/',
  };

  for (const [kind, text] of Object.entries(samples)) {
    it(`finds a ${kind}`, () => {
      assert.deepEqual(findSecrets(`first line\n${text}`).map((f) => [f.kind, f.line]), [[kind, 2]]);
    });
  }

  it('finds nothing in ordinary incident notes', () => {
    assert.deepEqual(findSecrets('Isolated host web-01 at 10:42; user reset password via the SSO portal.\nhttps://example.com/ticket/42'), []);
  });

  it('never repeats the secret in the warning', () => {
    const [warning] = secretWarnings('note', 'AKIAIOSFODNN7EXAMPLE');
    assert.match(warning!, /note line 1 may hold a secret \(AWS access key id\)/);
    assert.doesNotMatch(warning!, /AKIAIOSFODNN7EXAMPLE/);
  });

  it('scans 1 MB of text', () => {
    assert.equal(findSecrets('x'.repeat(1024 * 1024)).length, 0);
  });
});
