import * as assert from 'node:assert/strict';
import { clockOffset, formatAxisDuration, formatCountdown, formatDuration, formatUtc, localInputToIso } from '../../../src/webview/time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('dashboard time formatting', () => {
  it('formats durations compactly at the right unit', () => {
    assert.equal(formatDuration(0), '0s');
    assert.equal(formatDuration(45_999), '45s');
    assert.equal(formatDuration(12 * MINUTE + 5_000), '12m 05s');
    assert.equal(formatDuration(3 * HOUR + 7 * MINUTE + 59_000), '3h 07m');
    assert.equal(formatDuration(52 * HOUR), '2d 04h');
    assert.equal(formatDuration(-5_000), '0s');
  });

  it('labels chart axes with the two largest non-zero units', () => {
    assert.equal(formatAxisDuration(0), '0');
    assert.equal(formatAxisDuration(45_000), '45s');
    assert.equal(formatAxisDuration(15 * MINUTE), '15m');
    assert.equal(formatAxisDuration(90 * MINUTE), '1h 30m');
    assert.equal(formatAxisDuration(6 * HOUR), '6h');
    assert.equal(formatAxisDuration(60 * HOUR + 5 * MINUTE), '2d 12h');
    assert.equal(formatAxisDuration(48 * HOUR + 5 * MINUTE), '2d', 'a zero second unit is left out, not replaced by a smaller one');
  });

  it('counts down to a deadline and then counts the overrun', () => {
    const deadline = '2026-11-28T10:00:00.000Z';
    assert.equal(formatCountdown(deadline, Date.parse(deadline) - 12 * MINUTE - 5_000), '12m 05s left');
    assert.equal(formatCountdown(deadline, Date.parse(deadline)), '0s over');
    assert.equal(formatCountdown(deadline, Date.parse(deadline) + 3 * MINUTE + 10_000), '3m 10s over');
    assert.equal(formatCountdown('soon', 0), 'soon');
  });

  it('ticks from the host clock: the offset between host and local clocks', () => {
    const local = Date.parse('2026-11-28T10:00:00.000Z');
    assert.equal(clockOffset('2026-11-28T10:00:02.500Z', local), 2_500);
    assert.equal(clockOffset('2026-11-28T09:59:59.000Z', local), -1_000);
    assert.equal(clockOffset('not a time', local), 0);
  });

  it('shows times in UTC and returns non-times unchanged', () => {
    assert.equal(formatUtc('2026-11-28T09:05:59.999Z'), '2026-11-28 09:05 UTC');
    assert.equal(formatUtc('2026-11-28T10:05:00+01:00'), '2026-11-28 09:05 UTC');
    assert.equal(formatUtc('yesterday'), 'yesterday');
  });

  it('turns a datetime-local value (local wall time) into ISO UTC', () => {
    assert.equal(localInputToIso('2026-11-28T09:05'), new Date(2026, 10, 28, 9, 5).toISOString());
    assert.equal(localInputToIso('2026-11-28T09:05:30'), new Date(2026, 10, 28, 9, 5, 30).toISOString());
    assert.equal(localInputToIso('2026-11-28T09:05:30.5'), new Date(2026, 10, 28, 9, 5, 30, 500).toISOString());
  });

  it('rejects empty, malformed and impossible datetime-local values without throwing', () => {
    for (const value of ['', '2026-11-28', '09:05', '2026-13-01T00:00', '2026-02-30T10:00', '2026-11-28T25:00', '-2026-11-28T09:05', '2026-11-28T09:05Z']) {
      assert.equal(localInputToIso(value), undefined, value);
    }
  });
});
