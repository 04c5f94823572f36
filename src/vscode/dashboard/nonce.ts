// A CSP nonce from the platform's CSPRNG (never Math.random). Web Crypto's global rather than an
// import of node:crypto: that module costs ~7 ms to load in a fresh extension host, and the
// implementation chunk would pay it at load instead of at the first webview.
export function newNonce(): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(18))).toString('base64');
}
