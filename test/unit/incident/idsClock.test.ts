import * as assert from 'node:assert/strict';
import { isEventId, isSafeName, newEventId, newIncidentId, normaliseTime, stampAfter } from '../../../src/core/incident';

describe('incident model: ids and the hybrid logical clock', () => {
  it('makes incident ids from the UTC date and a random suffix', () => {
    const id = newIncidentId(new Date('2026-11-28T23:59:59.999Z'));
    assert.match(id, /^20261128-[a-z0-9]{6}$/);
    assert.notEqual(newIncidentId(new Date('2026-11-28T00:00:00Z')), newIncidentId(new Date('2026-11-28T00:00:00Z')));
    assert.ok(isSafeName(id));
  });

  it('makes ULID event ids that sort by time', () => {
    const a = newEventId(new Date('2026-11-28T10:00:00.000Z'));
    const b = newEventId(new Date('2026-11-28T10:00:00.001Z'));
    assert.ok(isEventId(a) && isEventId(b));
    assert.ok(a.slice(0, 10) < b.slice(0, 10));
    assert.equal(newEventId(new Date(0), () => new Uint8Array(10)), '0'.repeat(26));
  });

  it('accepts only safe names', () => {
    for (const good of ['20261128-k7f3qa', 'a', 'e1-headers.eml', 'x_y']) assert.ok(isSafeName(good), good);
    for (const bad of ['', '-rf', '../x', 'a/b', '.git', 'A', 'a..b', 'a b', '--upload-pack=x', 'x\n']) assert.ok(!isSafeName(bad), bad);
  });

  it('stamps now when the clock is ahead of everything seen', () => {
    assert.equal(stampAfter('2026-11-28T10:00:00.000Z', new Date('2026-11-28T10:00:05.000Z')), '2026-11-28T10:00:05.000Z');
    assert.equal(stampAfter(undefined, new Date('2026-11-28T10:00:05.123Z')), '2026-11-28T10:00:05.123Z');
  });

  it('never stamps earlier than the latest seen: a 10-minute-slow clock stamps 1 ms after it', () => {
    const seen = '2026-11-28T10:10:00.000Z';
    const slow = new Date('2026-11-28T10:00:00.000Z');
    assert.equal(stampAfter(seen, slow), '2026-11-28T10:10:00.001Z');
    // A tie also moves on by one millisecond, so (at, id) order puts the new event last.
    assert.equal(stampAfter(seen, new Date(seen)), '2026-11-28T10:10:00.001Z');
    // Sub-millisecond clocks are truncated, not rounded past the seen time.
    assert.equal(stampAfter(undefined, new Date(Date.parse(seen) + 0.9)), seen);
  });

  it('ignores an unreadable latest time', () => {
    assert.equal(stampAfter('garbage', new Date('2026-11-28T10:00:00.000Z')), '2026-11-28T10:00:00.000Z');
  });

  it('normalises user times with a zone, refuses zoneless ones', () => {
    assert.equal(normaliseTime('2026-11-28T09:30:00Z'), '2026-11-28T09:30:00.000Z');
    assert.equal(normaliseTime('2026-11-28T10:30+01:00'), '2026-11-28T09:30:00.000Z');
    assert.equal(normaliseTime('2026-11-28T10:30:00.123456+01:00'), '2026-11-28T09:30:00.123Z');
    assert.equal(normaliseTime('2026-11-28'), '2026-11-28T00:00:00.000Z');
    assert.equal(normaliseTime('2026-11-28T10:30'), undefined);
    assert.equal(normaliseTime('yesterday'), undefined);
  });
});
