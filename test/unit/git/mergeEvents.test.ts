import * as assert from 'node:assert/strict';
import { mergeEventLogs } from '../../../src/git/index';

const ev = (id: string, at: string) => JSON.stringify({ v: 1, id, at, type: 'note.added' });

describe('git/mergeEventLogs', () => {
  const a = ev('A', '2026-11-28T10:00:00.000Z');
  const b = ev('B', '2026-11-28T10:00:01.000Z');
  const c = ev('C', '2026-11-28T10:00:01.000Z');
  const d = ev('D', '2026-11-28T09:00:00.000Z');

  it('takes the union, each id once, sorted by (at, id)', () => {
    const merged = mergeEventLogs(`${a}\n`, `${a}\n${c}\n`, `${a}\n${b}\n${d}\n`);
    assert.equal(merged, `${d}\n${a}\n${b}\n${c}\n`);
  });

  it('is symmetric, so both clones get byte-identical files', () => {
    assert.equal(mergeEventLogs(a, `${a}\n${b}`, `${a}\n${c}`), mergeEventLogs(a, `${a}\n${c}`, `${a}\n${b}`));
  });

  it('keeps unparseable lines after the events instead of dropping them', () => {
    assert.equal(mergeEventLogs('', `${a}\nnot json\n`, `${b}\n`), `${a}\n${b}\nnot json\n`);
  });

  it('drops a base line only when both sides dropped it', () => {
    assert.equal(mergeEventLogs(`${a}\n`, '', `${a}\n`), `${a}\n`);
    assert.equal(mergeEventLogs(`${a}\n`, `${b}\n`, `${b}\n`), `${b}\n`);
  });
});
