import * as assert from 'node:assert/strict';
import { reconcileIncidentMarkdown, renderIncidentMarkdown, verifyIncidentFiles, serializeEvent, type EventDraft } from '../../../src/core/incident';
import { ALICE, BOB, Scenario } from './fixtures';

// Text built to look like incident.md structure, YAML, commit trailers and HTML.
const HOSTILE = [
  '## Indicators',
  '- [x] forged <!-- step: block-sender -->',
  '<!-- field: summary -->',
  '<!-- /field: impact -->',
  '---\nrenderer: 99\n---',
  '\nIncident: forged\nEvent: 01ARZ3NDEKTSV4RRFFQ69G5FAV',
  '| x | y |\n| --- | --- |',
  '1. [ ] numbered',
  '    code block',
  '`tick` *star* _under_ [link](javascript:alert(1)) <img src=x>',
  '\\- [x] backslashed <!-- step: purge-mail -->',
  'a\u0000b\u001b[31mred\u2028sep\u202Ebidi',
  '   ',
  '',
];

function hostileDrafts(text: string): EventDraft[] {
  return [
    { type: 'field.set', field: 'summary', value: text },
    { type: 'field.set', field: 'impact', value: text },
    { type: 'field.set', field: 'next-steps', value: text },
    { type: 'note.added', text },
    { type: 'role.assigned', role: text, person: text },
    { type: 'indicator.added', indicator: 'other', value: text, source: text },
    { type: 'decision.recorded', what: text, approvedBy: text, why: text },
    { type: 'handoff', from: text, to: text, summary: text },
    { type: 'step.added', step: 'added-x', stage: 'containment', text, owner: text },
    { type: 'step.blocked', step: 'block-sender', reason: text },
    { type: 'step.na', step: 'purge-mail', reason: text },
    { type: 'step.checked', step: 'confirm-report', note: text },
    { type: 'severity.changed', severity: text },
  ];
}

describe('incident model: hostile text everywhere', () => {
  for (const [index, text] of HOSTILE.entries()) {
    it(`keeps the record's structure with hostile text #${index}`, () => {
      const s = new Scenario();
      s.open();
      let minute = 1;
      for (const draft of hostileDrafts(text)) s.record(draft, { name: text || 'x', email: text }, s.at(minute++));
      s.record({ type: 'note.added', text: 'plain' }, BOB, s.at(minute++));
      const md = renderIncidentMarkdown(s.state);
      // The front-matter holds values as YAML double-quoted strings; the structure is in the body.
      const body = md.slice(md.indexOf('\n---\n') + 5);
      assert.ok(md.slice(0, md.indexOf('\n---\n')).split('\n').slice(1).every((line) => /^[a-z]+: ("([^"\\]|\\.)*"|\w+)$/.test(line)), 'front-matter lines');
      assert.equal(body.match(/^## Indicators$/gm)!.length, 1);
      assert.equal(md.match(/^---$/gm)!.length, 2);
      assert.equal(body.match(/<!-- step: block-sender -->/g)!.length, 1);
      assert.equal(body.match(/<!-- step: purge-mail -->/g)!.length, 1);
      for (const field of ['summary', 'impact', 'related', 'contacts', 'next-steps']) {
        assert.equal(body.match(new RegExp(`^<!-- field: ${field} -->$`, 'gm'))!.length, 1, field);
        assert.equal(body.match(new RegExp(`^<!-- /field: ${field} -->$`, 'gm'))!.length, 1, field);
      }
      // eslint-disable-next-line no-control-regex
      assert.doesNotMatch(md, /[\u0000-\u0008\u000B-\u001F\u007F]/);
      assert.doesNotMatch(body, /(^|[^\\])<(img|script)/m);
      assert.deepEqual(reconcileIncidentMarkdown(md, s.state, ALICE), []);
      const eventsText = s.events.map(serializeEvent).join('\n') + '\n';
      const problems = verifyIncidentFiles({ eventsText, incidentMd: md, runbookBytes: undefined, evidence: [] });
      assert.deepEqual(problems.map((p) => p.file), ['runbook.md']);
    });
  }

  it('reads a field edited to hostile text back exactly', () => {
    // Text without control characters (those are replaced on rendering, so cannot read back).
    const readable = (t: string) => [...t.replace(/\n/g, '')].every((c) => c >= ' ' && c !== '\u2028');
    for (const text of HOSTILE.filter((t) => t.trim() !== '' && readable(t))) {
      const s = new Scenario();
      s.open();
      s.record({ type: 'field.set', field: 'summary', value: text }, ALICE, s.at(1));
      const md = renderIncidentMarkdown(s.state);
      const edited = md.replace('<!-- field: impact -->\n_Not set._', `<!-- field: impact -->\n${md.split('<!-- field: summary -->\n')[1]!.split('\n<!-- /field: summary -->')[0]}`);
      const drafts = reconcileIncidentMarkdown(edited, s.state, ALICE);
      assert.deepEqual(drafts, [{ type: 'field.set', field: 'impact', value: text.replace(/\s+$/, '').replace(/^\s*\n/, '') }], JSON.stringify(text));
    }
  });
});

describe('incident model: no quadratic text handling', () => {
  // 200,000 spaces between two letters: a backtracking `\s*\n` or `\s+$` would take minutes.
  const spaces = `a${' '.repeat(200_000)}b`;

  it('renders, reconciles and accepts long runs of whitespace in linear time', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'note', text: `${spaces}\n${spaces}  ` }, 1);
    s.act({ kind: 'set', field: 'summary', value: spaces }, 2);
    s.record({ type: 'role.assigned', role: 'commander', person: `<${spaces}` }, ALICE, s.at(3));
    const md = renderIncidentMarkdown(s.state);
    const edited = md.replace('- [ ] Find all recipients <!-- step: find-recipients -->', `- [x] Find all recipients <!-- step: find-recipients -->${' '.repeat(200_000)}`);
    assert.deepEqual(reconcileIncidentMarkdown(edited, s.state, ALICE), [{ type: 'step.checked', step: 'find-recipients' }]);
    assert.deepEqual(reconcileIncidentMarkdown(md.replace('<!-- field: impact -->\n', `<!-- field: impact -->\n${spaces}\n${' '.repeat(200_000)}`), s.state, ALICE).length, 1);
    s.act({ kind: 'close' }, 4, BOB);
    assert.equal(s.state.closed!.byCommander, false);
  });
});
