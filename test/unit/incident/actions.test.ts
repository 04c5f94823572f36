import * as assert from 'node:assert/strict';
import {
  ActionError, buildAction, buildEvidenceAdded, buildRunbookAdded, renderIncidentMarkdown, stepsInOrder,
} from '../../../src/core/incident';
import { ALICE, BOB, phishingRunbook, Scenario } from './fixtures';

const ctx = (s: Scenario, minutes = 1) => ({ actor: ALICE, now: s.at(minutes) });

describe('incident model: action builders', () => {
  it('returns the draft with safe commit words (type and step id, never typed text)', () => {
    const s = new Scenario();
    s.open();
    const built = buildAction(s.state, { kind: 'check', step: 'confirm-report', note: 'headers look forged\nIncident: forged' }, ctx(s));
    assert.deepEqual(built.draft, { type: 'step.checked', step: 'confirm-report', note: 'headers look forged\nIncident: forged' });
    assert.equal(built.stage, 'detection');
    assert.equal(built.action, 'step.checked confirm-report');
    const note = buildAction(s.state, { kind: 'note', text: 'evil.com --upload-pack=x' }, ctx(s));
    assert.equal(note.action, 'note.added');
  });

  it('refuses unknown steps, no-op changes, NUL and multi-line one-line values with ActionError', () => {
    const s = new Scenario();
    s.open();
    const fails = (request: Parameters<typeof buildAction>[1], pattern: RegExp) =>
      assert.throws(() => buildAction(s.state, request, ctx(s)), (e: unknown) => e instanceof ActionError && pattern.test(e.message));
    fails({ kind: 'check', step: '../x' }, /unknown step "\.\.\/x"/);
    fails({ kind: 'uncheck', step: 'confirm-report' }, /is not checked/);
    fails({ kind: 'note', text: 'a\u0000b' }, /NUL/);
    fails({ kind: 'note', text: '   ' }, /empty/);
    fails({ kind: 'assign', role: 'commander', person: 'Eve\nIncident: forged' }, /one line/);
    fails({ kind: 'severity', level: '--upload-pack=x' }, /severity must be/);
    fails({ kind: 'severity', level: 'SEV3' }, /already SEV3/);
    fails({ kind: 'set', field: 'title', value: 'x' }, /field must be one of/);
    fails({ kind: 'set', field: 'occurred-at', value: 'last tuesday' }, /ISO-8601/);
    fails({ kind: 'indicator', type: 'ipv9', value: '1.2.3.4' }, /indicator type/);
    fails({ kind: 'indicator', type: 'ip', value: '1.2.3.4', tlp: 'purple' }, /TLP/);
    fails({ kind: 'handoff-ack' }, /no hand-off/);
    fails({ kind: 'reopen' }, /not closed/);
    fails({ kind: 'custody', evidenceId: 'e9', to: 'Bob' }, /unknown evidence/);
  });

  it('accepts a 1 MB note', () => {
    const s = new Scenario();
    s.open();
    const text = 'x'.repeat(1024 * 1024);
    assert.equal((buildAction(s.state, { kind: 'note', text }, ctx(s)).draft as { text: string }).text.length, text.length);
  });

  it('adds steps with an id unique across clones, in a stage, owner kept', () => {
    const s = new Scenario();
    s.open();
    const added = s.act({ kind: 'add-step', stage: 'containment', text: 'Call the bank', owner: 'Bob' }, 1) as { step: string };
    assert.match(added.step, /^added-call-the-bank-[a-z0-9]{4}$/);
    // The same text added at the same time by someone else (another clone) gets another id.
    const other = buildAction(s.state, { kind: 'add-step', stage: 'containment', text: 'Call the bank' }, { actor: BOB, now: s.at(1) });
    assert.notEqual((other.draft as { step: string }).step, added.step);
    assert.equal(other.action, `step.added ${(other.draft as { step: string }).step}`);
    const step = s.state.steps.get(added.step)!;
    assert.deepEqual([step.stage, step.owner, step.origin], ['containment', 'Bob', 'added']);
    assert.throws(() => buildAction(s.state, { kind: 'add-step', stage: 'nowhere', text: 'x' }, ctx(s)), /unknown stage/);
  });

  it('claims, blocks, unblocks and marks not applicable', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'claim', step: 'purge-mail' }, 1, BOB);
    s.act({ kind: 'block', step: 'purge-mail', reason: 'waiting for admin rights' }, 2, BOB);
    let step = s.state.steps.get('purge-mail')!;
    assert.equal(step.claimed!.person, 'Bob Builder');
    assert.equal(step.blocked!.reason, 'waiting for admin rights');
    s.act({ kind: 'unblock', step: 'purge-mail' }, 3, BOB);
    s.act({ kind: 'na', step: 'find-recipients', reason: 'single recipient' }, 4);
    step = s.state.steps.get('purge-mail')!;
    assert.equal(step.blocked, undefined);
    assert.equal(s.state.steps.get('find-recipients')!.na!.reason, 'single recipient');
  });

  it('advancing past unchecked required steps records them as skipped (never a gate)', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'na', step: 'find-recipients', reason: 'n/a' }, 1);
    const built = buildAction(s.state, { kind: 'advance', stage: 'eradication' }, ctx(s, 2));
    assert.deepEqual(built.draft, { type: 'stage.advanced', from: 'detection', to: 'eradication', skipped: ['confirm-report', 'block-sender'] });
    assert.equal(built.stage, 'eradication');
    assert.match(built.warnings[0]!, /2 required step\(s\) recorded as skipped/);
    s.record(built.draft, ALICE, s.at(2));
    assert.ok(s.state.steps.get('confirm-report')!.skipped);
    assert.match(renderIncidentMarkdown(s.state), /skipped when the stage was advanced/);
    s.act({ kind: 'advance' }, 3);
    assert.equal(s.state.stage, 'recovery');
    assert.throws(() => buildAction(s.state, { kind: 'advance' }, ctx(s, 4)), /last stage/);
  });

  it('closing warns once about unchecked required steps; closing by someone other than the commander is shown', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'assign', role: 'commander', person: 'alice@example.com' }, 1);
    s.act({ kind: 'check', step: 'confirm-report' }, 2);
    const built = buildAction(s.state, { kind: 'close' }, { actor: BOB, now: s.at(3) });
    assert.deepEqual(built.draft, { type: 'incident.closed', uncheckedRequired: ['block-sender', 'reset-passwords'] });
    assert.equal(built.warnings.length, 1);
    s.record(built.draft, BOB, s.at(3));
    const state = s.state;
    assert.equal(state.status, 'closed');
    assert.equal(state.closed!.byCommander, false);
    assert.match(renderIncidentMarkdown(state), /\| Closed \| 2026-11-28T10:03:00\.000Z by Bob Builder \(bob@example\.com\), not the commander \(alice@example\.com\) \|/);
    assert.throws(() => buildAction(state, { kind: 'check', step: 'block-sender' }, ctx(s, 4)), /closed: reopen it first/);
    s.act({ kind: 'reopen' }, 5);
    assert.equal(s.state.status, 'open');
    s.act({ kind: 'close' }, 6);
    assert.equal(s.state.closed!.byCommander, true);
  });

  it('de-duplicates typed indicators (defanged and case variants) and handles retraction', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'indicator', type: 'domain', value: 'Evil.example.', source: 'mail gateway', tlp: 'TLP:AMBER', firstSeen: '2026-11-28T08:00:00Z' }, 1);
    assert.throws(() => buildAction(s.state, { kind: 'indicator', type: 'domain', value: 'evil[.]example' }, ctx(s, 2)), /already recorded/);
    s.act({ kind: 'retract-indicator', type: 'domain', value: 'evil[.]example', reason: 'false positive' }, 3);
    assert.equal(s.state.indicators[0]!.retracted!.reason, 'false positive');
    s.act({ kind: 'indicator', type: 'DOMAIN', value: 'evil.example', firstSeen: '2026-11-28T07:00:00Z' }, 4);
    const [indicator, ...rest] = s.state.indicators;
    assert.equal(rest.length, 0);
    assert.equal(indicator!.retracted, undefined);
    assert.equal(indicator!.firstSeen, '2026-11-28T07:00:00.000Z');
    assert.equal(indicator!.tlp, 'amber');
  });

  it('records decisions, hand-offs with acknowledgement (the incoming person becomes commander)', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'decision', what: 'Take the mail server offline', approvedBy: 'CISO', why: 'active exfiltration' }, 1);
    const handoff = s.act({ kind: 'handoff', to: 'Bob Builder', summary: 'night shift' }, 2);
    assert.equal((handoff as { from: string }).from, 'Alice Analyst');
    s.act({ kind: 'handoff-ack' }, 3, BOB);
    const state = s.state;
    assert.equal(state.handoffs[0]!.acknowledged!.actor.name, 'Bob Builder');
    assert.equal(state.roles.get('commander')!.person, 'Bob Builder');
    assert.equal(state.decisions[0]!.approvedBy, 'CISO');
  });

  it('adds evidence with a safe id, refuses duplicates, and transfers custody', () => {
    const s = new Scenario();
    s.open();
    assert.throws(() => buildEvidenceAdded(s.state, { name: 'a\nb.eml', sha256: 'b'.repeat(64), size: 1 }), /one line/);
    const built = buildEvidenceAdded(s.state, { name: '../../etc/Pass wd..eml', sha256: 'b'.repeat(64), size: 12, description: 'headers' });
    const draft = built.draft as { evidence: string; file?: string };
    assert.match(draft.evidence, /^e-[0-9a-f]{10}-pass-wd\.eml$/);
    assert.equal(built.evidence, draft.evidence);
    assert.ok(/^[a-z0-9][a-z0-9._-]*$/.test(draft.evidence) && !draft.evidence.includes('..'));
    assert.equal(draft.file, draft.evidence);
    s.record(built.draft, ALICE, s.at(1));
    assert.throws(() => buildEvidenceAdded(s.state, { name: 'other', sha256: 'b'.repeat(64), size: 12 }), /already attached as e-[0-9a-f]{10}-pass-wd\.eml/);
    const out = buildEvidenceAdded(s.state, { name: 'disk.img', sha256: 'c'.repeat(64), size: 5e9, location: 's3://forensics/disk.img' });
    assert.equal((out.draft as { file?: string }).file, undefined);
    s.act({ kind: 'custody', evidenceId: draft.evidence, to: 'Forensics lab' }, 2);
    const item = s.state.evidence[0]!;
    assert.equal(item.holder, 'Forensics lab');
    assert.deepEqual(item.custody.map((c) => [c.from, c.to]), [['Alice Analyst', 'Forensics lab']]);
  });

  it('a second runbook joins with its own snapshot; colliding step ids are prefixed', () => {
    const s = new Scenario();
    s.open();
    const second = phishingRunbook({ id: 'bec', title: 'Business email compromise', sla: { SEV2: { containment: '2h' } } });
    const built = buildRunbookAdded(s.state, { runbook: second, path: 'runbooks/bec.md', file: 'runbook-bec.md', sha256: 'd'.repeat(64) });
    assert.equal(built.action, 'runbook.added bec');
    s.record(built.draft, BOB, s.at(1));
    const ids = stepsInOrder(s.state).map((x) => x.id);
    assert.ok(ids.includes('bec.confirm-report'));
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(s.state.runbooks.length, 2);
    assert.throws(() => buildRunbookAdded(s.state, { runbook: second, path: 'x', file: 'runbook-bec2.md', sha256: 'd'.repeat(64) }), /already part/);
  });
});
