// A CSP nonce from the platform's CSPRNG (never Math.random).
import { randomBytes } from 'node:crypto';

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}
