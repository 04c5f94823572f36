import * as assert from 'node:assert/strict';
import { buildEvidenceAdded, evidenceIdFor, formatHandoffSummary, handoffSummary } from '../../../src/core/incident';
import { ALICE, BOB, Scenario } from './fixtures';

describe('incident model: hand-off summary', () => {
  it('lists everything since the last hand-off: changes, open and claimed steps, decisions, evidence to transfer', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'check', step: 'confirm-report' }, 1);
    s.act({ kind: 'decision', what: 'Old decision', approvedBy: 'CISO' }, 2);
    s.act({ kind: 'handoff', to: 'Bob Builder' }, 3);
    s.act({ kind: 'handoff-ack' }, 4, BOB);
    s.act({ kind: 'claim', step: 'block-sender' }, 5, BOB);
    s.act({ kind: 'block', step: 'purge-mail', reason: 'no admin rights' }, 6, BOB);
    s.act({ kind: 'decision', what: 'Notify regulator', approvedBy: 'Legal' }, 7, BOB);
    s.record(buildEvidenceAdded(s.state, { name: 'mail.eml', sha256: 'e'.repeat(64), size: 10 }).draft, BOB, s.at(8));
    s.record(buildEvidenceAdded(s.state, { name: 'other.eml', sha256: 'f'.repeat(64), size: 10 }).draft, ALICE, s.at(9));

    const summary = handoffSummary(s.state);
    assert.equal(summary.from, 'Bob Builder');
    assert.equal(summary.since, '2026-11-28T10:03:00.000Z');
    assert.deepEqual(summary.changes.map((c) => c.at), ['2026-11-28T10:04:00.000Z', '2026-11-28T10:05:00.000Z', '2026-11-28T10:06:00.000Z', '2026-11-28T10:07:00.000Z', '2026-11-28T10:08:00.000Z', '2026-11-28T10:09:00.000Z']);
    assert.ok(!summary.openSteps.some((x) => x.id === 'confirm-report'));
    assert.deepEqual(summary.claimedSteps.map((x) => [x.id, x.claimedBy]), [['block-sender', 'Bob Builder']]);
    assert.equal(summary.openSteps.find((x) => x.id === 'purge-mail')!.blocked, 'no admin rights');
    assert.deepEqual(summary.decisions.map((d) => d.what), ['Notify regulator']);
    assert.deepEqual(summary.evidenceToTransfer.map((e) => e.evidence), [evidenceIdFor('mail.eml', 'e'.repeat(64))]);
    assert.equal(summary.unacknowledged, undefined);
    const text = formatHandoffSummary(summary);
    assert.match(text, /Open steps: 5\./);
    assert.match(text, new RegExp(`Evidence to transfer: ${evidenceIdFor('mail.eml', 'e'.repeat(64))}`));
  });

  it('shows a hand-off waiting for acknowledgement, and covers everything when there was none', () => {
    const s = new Scenario();
    s.open();
    assert.equal(handoffSummary(s.state).changes.length, 0);
    s.act({ kind: 'note', text: 'n' }, 1);
    assert.equal(handoffSummary(s.state).changes.length, 1);
    s.act({ kind: 'handoff', to: 'Bob Builder', summary: 'over to you' }, 2);
    assert.equal(handoffSummary(s.state).unacknowledged!.to, 'Bob Builder');
  });

  it('lists the SLA deadlines still open when given a clock', () => {
    const s = new Scenario();
    s.open({ severity: 'SEV1' });
    assert.deepEqual(handoffSummary(s.state).openDeadlines, []);
    const open = handoffSummary(s.state, s.at(90)).openDeadlines;
    assert.deepEqual(open.map((d) => [d.stage, d.status]), [['containment', 'missed'], ['recovery', 'pending']]);
    assert.match(formatHandoffSummary(handoffSummary(s.state, s.at(90))), /SLA containment: missed 2026-11-28T11:00:00\.000Z/);
  });
});
