import * as assert from 'node:assert/strict';
import { elapsedMs, formatElapsed } from '../../../src/shared/elapsed';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('elapsed time (tree, status bar and dashboard)', () => {
  it('formats elapsed time as a ticking clock, with days past 24 hours', () => {
    assert.equal(formatElapsed(5 * MINUTE + 9_000), '0:05:09');
    assert.equal(formatElapsed(13 * HOUR), '13:00:00');
    assert.equal(formatElapsed(27 * HOUR + 3 * MINUTE), '1d 03:03:00');
    assert.equal(formatElapsed(-5_000), '0:00:00');
  });

  it('leaves the seconds out for surfaces refreshed every half minute', () => {
    assert.equal(formatElapsed(5 * MINUTE + 59_000, { seconds: false }), '0:05');
    assert.equal(formatElapsed(27 * HOUR + 3 * MINUTE, { seconds: false }), '1d 03:03');
  });

  it('measures elapsed time until now, or until the close for a closed incident', () => {
    const opened = '2026-11-28T09:00:00.000Z';
    const now = Date.parse('2026-11-28T10:30:00.000Z');
    assert.equal(elapsedMs(opened, undefined, now), 90 * MINUTE);
    assert.equal(elapsedMs(opened, '2026-11-28T09:45:00.000Z', now), 45 * MINUTE);
    assert.equal(elapsedMs('garbage', undefined, now), undefined);
    assert.equal(elapsedMs(opened, 'garbage', now), undefined);
  });
});
