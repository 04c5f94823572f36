// Ids of PRODUCT.md §3: incident ids (date + random suffix, never a counter or title words),
// event ids (ULIDs), and the safe-name rule for anything used in a path.
import { randomBytes } from 'node:crypto';

/** Returns `count` random bytes; injectable so tests are reproducible. */
export type RandomSource = (count: number) => Uint8Array;

const defaultRandom: RandomSource = (count) => randomBytes(count);

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** True for ids and names usable in a path: `[a-z0-9][a-z0-9._-]*`, at most 128 characters, no `..`. */
export function isSafeName(value: string): boolean {
  return typeof value === 'string' && value.length <= 128 && SAFE_NAME.test(value) && !value.includes('..');
}

/** An incident id such as `20261128-k7f3qa`: the UTC date of `now` and six random base-36 characters. */
export function newIncidentId(now: Date, random: RandomSource = defaultRandom): string {
  const date = now.toISOString().slice(0, 10).replaceAll('-', '');
  // 255 is not a multiple of 36: reject the top bytes so every character is equally likely.
  let suffix = '';
  while (suffix.length < 6) {
    for (const byte of random(12)) {
      if (byte < 252 && suffix.length < 6) suffix += BASE36[byte % 36];
    }
  }
  return `${date}-${suffix}`;
}

export const INCIDENT_ID = /^\d{8}-[a-z0-9]{6}$/;

export function isIncidentId(value: string): boolean {
  return typeof value === 'string' && INCIDENT_ID.test(value);
}

/** A ULID: 48-bit millisecond time of `now` then 80 random bits, in Crockford base-32 (26 characters). */
export function newEventId(now: Date, random: RandomSource = defaultRandom): string {
  let time = Math.max(0, Math.floor(now.getTime()));
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD[time % 32] + timePart;
    time = Math.floor(time / 32);
  }
  const bytes = random(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let randomPart = '';
  for (let i = 0; i < 16; i++) {
    randomPart = CROCKFORD[Number(bits & 31n)] + randomPart;
    bits >>= 5n;
  }
  return timePart + randomPart;
}

export const EVENT_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function isEventId(value: string): boolean {
  return typeof value === 'string' && EVENT_ID.test(value);
}
