import * as assert from 'node:assert/strict';
import { formatBytes, newestFirst, shortHash } from '../../../src/webview/format';

describe('dashboard text formatting', () => {
  it('shortens a SHA-256 for display and leaves short text alone', () => {
    const sha = 'a'.repeat(64);
    assert.equal(shortHash(sha), `${'a'.repeat(12)}…`);
    assert.equal(shortHash('abc'), 'abc');
  });

  it('formats sizes in binary units', () => {
    assert.equal(formatBytes(0), '0 B');
    assert.equal(formatBytes(1023), '1023 B');
    assert.equal(formatBytes(1536), '1.5 KB');
    assert.equal(formatBytes(10 * 1024 * 1024), '10 MB');
    assert.equal(formatBytes(150 * 1024 * 1024), '150 MB');
    assert.equal(formatBytes(Number.NaN), '0 B');
  });

  it('orders timeline entries newest first, later-recorded first on equal times, unreadable times last', () => {
    const entries = [
      { at: '2026-11-28T09:00:00.000Z', text: 'opened' },
      { at: 'garbage', text: 'odd' },
      { at: '2026-11-28T09:05:00.000Z', text: 'checked' },
      { at: '2026-11-28T09:05:00.000Z', text: 'noted' },
    ];
    assert.deepEqual(newestFirst(entries).map((e) => e.text), ['noted', 'checked', 'opened', 'odd']);
    assert.deepEqual(entries.map((e) => e.text), ['opened', 'odd', 'checked', 'noted'], 'the input is not reordered');
  });
});
