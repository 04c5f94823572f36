import assert from 'node:assert/strict';
import { newNonce } from '../../../src/vscode/dashboard/nonce';

describe('webview: CSP nonce', () => {
  it('is 18 random bytes in base64, different every time', () => {
    const nonces = Array.from({ length: 1000 }, () => newNonce());
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
      assert.equal(Buffer.from(nonce, 'base64').length, 18);
    }
    assert.equal(new Set(nonces).size, nonces.length);
  });
});
