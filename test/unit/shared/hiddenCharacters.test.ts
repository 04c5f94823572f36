import * as assert from 'node:assert/strict';
import { hasHiddenCharacters, withHiddenShown } from '../../../src/shared/hiddenCharacters';

describe('hidden characters in names shown to people', () => {
  it('shows controls and bidirectional overrides as U+FFFD and leaves other text alone', () => {
    assert.equal(withHiddenShown('invoice\u202Efdp.exe'), 'invoice\uFFFDfdp.exe');
    assert.equal(withHiddenShown('a\nb\u0085c\u2066d'), 'a\uFFFDb\uFFFDc\uFFFDd');
    assert.equal(withHiddenShown('Ünïcödé 隔离 🔥.eml'), 'Ünïcödé 隔离 🔥.eml');
    assert.equal(hasHiddenCharacters('plain.eml'), false);
    assert.equal(hasHiddenCharacters('x\u200fy'), true);
  });

  it('uses the same table as command confirmation: zero-width and invisible formatting characters count too', () => {
    for (const hidden of ['\u200b', '\u2060', '\ufeff', '\u00ad', '\t']) assert.equal(hasHiddenCharacters(`a${hidden}b`), true, JSON.stringify(hidden));
    assert.equal(withHiddenShown('pay\u200broll.xlsx'), 'pay\uFFFDroll.xlsx');
  });
});
