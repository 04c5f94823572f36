import * as assert from 'node:assert/strict';
import { parseEventLog, serializeEvent } from '../../../src/core/incident';
import { ALICE, Scenario } from './fixtures';

describe('incident model: events.jsonl', () => {
  it('round-trips events through one JSON line each', () => {
    const s = new Scenario();
    s.open();
    s.record({ type: 'note.added', text: 'line one\nIncident: forged\u0000?\u2028' }, ALICE, s.at(1));
    const text = s.events.map(serializeEvent).join('\n') + '\n';
    assert.equal(text.split('\n').length, 3);
    const parsed = parseEventLog(text);
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.events, JSON.parse(JSON.stringify(s.events)));
    assert.deepEqual(parsed.lines, [1, 2]);
  });

  it('puts the envelope first in a fixed key order', () => {
    const s = new Scenario();
    const event = s.open();
    assert.match(serializeEvent(event), /^\{"v":1,"id":"[0-9A-Z]{26}","at":"2026-11-28T10:00:00\.000Z","actor":\{"name":"Alice Analyst","email":"alice@example\.com"\},"type":"incident\.opened",/);
  });

  it('reports bad lines with their line numbers and keeps the good ones, never throwing', () => {
    const s = new Scenario();
    s.open();
    const good = serializeEvent(s.events[0]!);
    const text = [
      good,
      '{not json',
      '[]',
      JSON.stringify({ v: 2, id: 'x' }),
      JSON.stringify({ ...s.events[0], type: 'made.up' }),
      JSON.stringify({ ...s.events[0], at: '2026-11-28 10:00' }),
      JSON.stringify({ ...s.events[0], type: 'step.checked', step: 3 }),
      '',
      JSON.stringify({ ...s.events[0], actor: { name: ALICE.name } }),
      '',
    ].join('\n');
    const parsed = parseEventLog(text);
    assert.equal(parsed.events.length, 1);
    assert.deepEqual(parsed.errors.map((e) => e.line), [2, 3, 4, 5, 6, 7, 8, 9]);
    assert.match(parsed.errors[0]!.message, /not valid JSON/);
    assert.match(parsed.errors[3]!.message, /unknown event type "made\.up"/);
    assert.match(parsed.errors[5]!.message, /"step" must be a string/);
    assert.match(parsed.errors[6]!.message, /blank line/);
  });

  it('parses hostile input without throwing', () => {
    for (const text of ['', '\n', '\u0000', '{"__proto__":{"x":1}}', 'null', '"str"', '1e999', '{'.repeat(10000)]) {
      const parsed = parseEventLog(text);
      assert.equal(parsed.events.length, 0);
    }
  });
});

describe('incident model: events.jsonl names used in paths', () => {
  it('rejects an evidence file, runbook copy or incident id that is not a safe name', () => {
    const s = new Scenario();
    const opening = s.open();
    const evidence = { ...opening, type: 'evidence.added', evidence: 'e1', name: 'x', file: '../../etc/passwd', sha256: 'a'.repeat(64), size: 1 };
    const badRunbook = { ...opening, runbook: { ...(opening as { runbook: object }).runbook, file: '../runbook.md' } };
    const badId = { ...opening, incident: '-rf' };
    const parsed = parseEventLog([evidence, badRunbook, badId].map((e) => JSON.stringify(e)).join('\n'));
    assert.equal(parsed.events.length, 0);
    assert.match(parsed.errors[0]!.message, /"file" must be a safe name/);
    assert.match(parsed.errors[1]!.message, /runbook: "file" must be a safe name/);
    assert.match(parsed.errors[2]!.message, /"incident" must be a safe name/);
  });
});
