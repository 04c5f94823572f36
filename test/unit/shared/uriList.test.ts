import * as assert from 'node:assert/strict';
import { MAX_DROPPED_FILES, parseUriList } from '../../../src/shared/uriList';

describe('dropped files: text/uri-list', () => {
  it('gives the URIs in order, without comments, blank lines or repeats', () => {
    assert.deepEqual(parseUriList('# from the Explorer\r\nfile:///tmp/a.eml\r\n\r\nfile:///tmp/b%20c.pcap\nfile:///tmp/a.eml\n'), ['file:///tmp/a.eml', 'file:///tmp/b%20c.pcap']);
  });

  it('refuses an empty list, too many files and an oversized list, saying why', () => {
    assert.throws(() => parseUriList('# only a comment\n\n'), /Nothing usable was dropped/);
    const many = Array.from({ length: MAX_DROPPED_FILES + 1 }, (_, i) => `file:///tmp/${i}`).join('\n');
    assert.throws(() => parseUriList(many), new RegExp(`at most ${MAX_DROPPED_FILES} files`));
    assert.throws(() => parseUriList(`file:///${'a'.repeat(70_000)}`), /too long/);
  });
});
