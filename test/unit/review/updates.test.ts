import * as assert from 'node:assert/strict';
import { completeness, NIST_FIELDS, statusUpdate } from '../../../src/core/review';
import { BOB, Scenario } from '../incident/fixtures';
import { incidentC } from './scenarios';

describe('review: status-update drafts', () => {
  it('tactical: stage, done, next and needs', () => {
    const s = new Scenario();
    s.open({ severity: 'SEV1' });
    s.act({ kind: 'check', step: 'confirm-report' }, 3);
    s.act({ kind: 'block', step: 'find-recipients', reason: 'Waiting for mail logs' }, 4);
    s.act({ kind: 'handoff', to: 'Bob Builder' }, 5);
    const text = statusUpdate(s.state, 'tactical', s.at(10));
    assert.equal(text, [
      '## Tactical update: Phishing wave against finance (20261128-k7f3qa), 2026-11-28T10:10:00.000Z',
      '',
      '**Stage:** Detection · **Severity:** SEV1 · **Status:** open',
      '**Commander:** Alice Analyst',
      '',
      '### Done',
      '- Confirm the report is a phishing email (Alice Analyst, 2026-11-28T10:03:00.000Z)',
      '',
      '### Next',
      '- no open step in this stage',
      '',
      '### Needs',
      '- Unblock: Find all recipients (Waiting for mail logs)',
      '- Bob Builder to acknowledge the hand-off from Alice Analyst',
      '- Containment due by 2026-11-28T11:00:00.000Z (SLA 1h)',
      '- Recovery due by 2026-11-29T10:00:00.000Z (SLA 24h)',
      '',
    ].join('\n'));
  });

  it('executive: impact, severity and ETA to recovery from the SLA', () => {
    const s = new Scenario();
    s.open({ severity: 'SEV1' });
    s.act({ kind: 'set', field: 'impact', value: 'Finance mailboxes; **no** data loss known' }, 2);
    const text = statusUpdate(s.state, 'executive', s.at(60));
    assert.match(text, /\*\*Severity:\*\* SEV1 · \*\*Status:\*\* open · \*\*Stage:\*\* Detection/);
    assert.match(text, /\*\*Impact:\*\* Finance mailboxes; \\\*\\\*no\\\*\\\* data loss known/);
    assert.match(text, /\*\*ETA to recovery:\*\* target 2026-11-29T10:00:00\.000Z \(SLA 24h, 23h from now\)/);
    s.act({ kind: 'milestone', milestone: 'recovered' }, 90);
    assert.match(statusUpdate(s.state, 'executive', s.at(91)), /\*\*ETA to recovery:\*\* recovered at 2026-11-28T11:30:00\.000Z \(1h 30m after detection\)/);
    const noSla = incidentC().state;
    noSla.severity = 'SEV9';
    assert.match(statusUpdate(noSla, 'executive', new Date('2026-11-10T11:00:00Z')), /not estimated/);
  });
});

describe('review: NIST SP 800-61 completeness', () => {
  it('lists every empty field and unchecked required step of a new incident', () => {
    const s = new Scenario();
    s.open();
    const result = completeness(s.state);
    assert.equal(result.complete, false);
    assert.deepEqual(result.missing.map((m) => m.field), NIST_FIELDS.filter((f) => f !== 'status'));
    assert.deepEqual(result.uncheckedRequired.map((u) => u.step), ['confirm-report', 'block-sender', 'reset-passwords']);
  });

  it('is complete when every field is filled and required steps are done or not applicable', () => {
    const s = new Scenario();
    s.open();
    for (const field of ['summary', 'impact', 'related', 'contacts', 'next-steps']) s.act({ kind: 'set', field, value: `${field} text` }, 1);
    s.act({ kind: 'indicator', type: 'domain', value: 'evil.example' }, 2);
    s.act({ kind: 'note', text: 'Handler comment' }, 3);
    s.act({ kind: 'check', step: 'confirm-report' }, 4);
    s.act({ kind: 'check', step: 'block-sender' }, 5, BOB);
    s.act({ kind: 'na', step: 'reset-passwords', reason: 'No password was entered' }, 6);
    const partial = completeness(s.state);
    assert.deepEqual(partial.missing.map((m) => m.field), ['custody', 'evidence']);
    assert.deepEqual(partial.uncheckedRequired, []);
    const withEvidence = s.state;
    withEvidence.evidence.push({
      at: s.at(7).toISOString(), actor: BOB, event: 'x', evidence: 'e1-mail.eml', name: 'mail.eml', sha256: 'b'.repeat(64), size: 10, holder: 'Bob', custody: [],
    });
    assert.deepEqual(completeness(withEvidence), { complete: true, missing: [], uncheckedRequired: [] });
  });

  it('does not count a retracted indicator or a blank field', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'indicator', type: 'ip', value: '192.0.2.1' }, 1);
    s.act({ kind: 'retract-indicator', type: 'ip', value: '192.0.2.1' }, 2);
    s.act({ kind: 'set', field: 'summary', value: '   ' }, 3);
    const fields = completeness(s.state).missing.map((m) => m.field);
    assert.ok(fields.includes('indicators') && fields.includes('summary'));
  });
});
