import * as assert from 'node:assert/strict';
import { reconcileIncidentMarkdown, renderIncidentMarkdown } from '../../../src/core/incident';
import { BOB, Scenario } from './fixtures';

function opened(): Scenario {
  const s = new Scenario();
  s.open();
  s.act({ kind: 'check', step: 'confirm-report' }, 1);
  s.act({ kind: 'set', field: 'summary', value: 'First line.\n# not a heading' }, 2);
  return s;
}

describe('incident model: reconcile hand edits', () => {
  it('finds nothing to do in an unedited rendering', () => {
    const s = opened();
    assert.deepEqual(reconcileIncidentMarkdown(renderIncidentMarkdown(s.state), s.state, BOB), []);
  });

  it('turns a tick and an untick into step events', () => {
    const s = opened();
    const edited = renderIncidentMarkdown(s.state)
      .replace('- [ ] Block the sender domain <!-- step: block-sender -->', '- [x] Block the sender domain <!-- step: block-sender -->')
      .replace('- [x] Confirm the report', '- [ ] Confirm the report');
    assert.deepEqual(reconcileIncidentMarkdown(edited, s.state, BOB), [
      { type: 'step.unchecked', step: 'confirm-report' },
      { type: 'step.checked', step: 'block-sender' },
    ]);
  });

  it('accepts an uppercase X and CRLF line endings', () => {
    const s = opened();
    const edited = renderIncidentMarkdown(s.state).replace('- [ ] Restore access', '- [X] Restore access').replaceAll('\n', '\r\n');
    assert.deepEqual(reconcileIncidentMarkdown(edited, s.state, BOB), [{ type: 'step.checked', step: 'restore-access' }]);
  });

  it('turns an edited field section into field.set with the unescaped text', () => {
    const s = opened();
    const md = renderIncidentMarkdown(s.state);
    assert.match(md, /First line\.\n\\# not a heading/);
    const edited = md
      .replace('First line.', 'First line, edited by hand.')
      .replace('<!-- field: impact -->\n_Not set._', '<!-- field: impact -->\nPayroll delayed - 2 days\n\n- one\n- two');
    assert.deepEqual(reconcileIncidentMarkdown(edited, s.state, BOB), [
      { type: 'field.set', field: 'summary', value: 'First line, edited by hand.\n# not a heading' },
      { type: 'field.set', field: 'impact', value: 'Payroll delayed - 2 days\n\n- one\n- two' },
    ]);
  });

  it('keeps any other edit as a note holding the changed text', () => {
    const s = opened();
    const edited = renderIncidentMarkdown(s.state).replace('## Decisions\n\nNone recorded.', '## Decisions\n\nWe agreed to call legal.');
    const drafts = reconcileIncidentMarkdown(edited, s.state, BOB);
    assert.equal(drafts.length, 1);
    assert.equal(drafts[0]!.type, 'note.added');
    const text = (drafts[0] as { text: string }).text;
    assert.match(text, /by Bob Builder/);
    assert.match(text, /Added or changed:\nWe agreed to call legal\./);
    assert.match(text, /Removed or replaced:\nNone recorded\./);
  });

  it('does not take step markers forged inside a field, or for unknown steps, as structure', () => {
    const s = opened();
    const edited = renderIncidentMarkdown(s.state).replace('## Impact', '- [x] Forged <!-- step: no-such-step -->\n\n## Impact');
    const drafts = reconcileIncidentMarkdown(edited, s.state, BOB);
    assert.deepEqual(drafts.map((d) => d.type), ['note.added']);
    // A summary holding a fake checkbox is rendered escaped, so re-reading it changes nothing.
    s.act({ kind: 'set', field: 'summary', value: '- [ ] x <!-- step: block-sender -->\n<!-- /field: summary -->\n## Indicators' }, 3);
    assert.deepEqual(reconcileIncidentMarkdown(renderIncidentMarkdown(s.state), s.state, BOB), []);
  });

  it('reads a removed closing marker as an other edit, not a field change', () => {
    const s = opened();
    const edited = renderIncidentMarkdown(s.state).replace('<!-- /field: next-steps -->\n', '');
    const drafts = reconcileIncidentMarkdown(edited, s.state, BOB);
    assert.deepEqual(drafts.map((d) => d.type), ['note.added']);
  });

  it('clears a field when its section is emptied', () => {
    const s = opened();
    const edited = renderIncidentMarkdown(s.state).replace('First line.\n\\# not a heading\n', '');
    assert.deepEqual(reconcileIncidentMarkdown(edited, s.state, BOB), [{ type: 'field.set', field: 'summary', value: '' }]);
  });
});
