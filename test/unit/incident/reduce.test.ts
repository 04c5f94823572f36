import * as assert from 'node:assert/strict';
import { reduceIncident, renderIncidentMarkdown, stepsInOrder, type IncidentEvent } from '../../../src/core/incident';
import { BOB, Scenario } from './fixtures';

describe('incident model: reducer', () => {
  it('builds the state from the opening snapshot, without preparation steps', () => {
    const s = new Scenario();
    s.open();
    const state = s.state;
    assert.equal(state.id, '20261128-k7f3qa');
    assert.equal(state.severity, 'SEV3');
    assert.equal(state.stage, 'detection');
    assert.deepEqual(state.stages.map((x) => x.id), ['detection', 'containment', 'eradication', 'recovery']);
    assert.deepEqual(stepsInOrder(state).map((x) => x.id), ['confirm-report', 'find-recipients', 'block-sender', 'purge-mail', 'reset-passwords', 'restore-access']);
    assert.equal(state.steps.has('train-users'), false);
  });

  it('applies events in (at, id) order whatever the file order, last wins per field', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'check', step: 'confirm-report' }, 1);
    s.act({ kind: 'uncheck', step: 'confirm-report' }, 2, BOB);
    s.act({ kind: 'severity', level: 'SEV1' }, 3);
    s.act({ kind: 'severity', level: 'SEV2' }, 4);
    const ordered = reduceIncident(s.events);
    const reversed = reduceIncident([...s.events].reverse());
    assert.equal(ordered.steps.get('confirm-report')!.checked, false);
    assert.equal(reversed.steps.get('confirm-report')!.checked, false);
    assert.equal(ordered.severity, 'SEV2');
    assert.equal(reversed.severity, 'SEV2');
    assert.equal(renderIncidentMarkdown(reversed), renderIncidentMarkdown(ordered));
  });

  it('counts duplicate event ids once', () => {
    const s = new Scenario();
    s.open();
    const note = s.act({ kind: 'note', text: 'one' }, 1);
    const state = reduceIncident([...s.events, note, { ...note }]);
    assert.equal(state.notes.length, 1);
    assert.equal(state.events.length, 2);
  });

  it('orders an event with an earlier at before a later one even when it comes last in the file', () => {
    const s = new Scenario();
    s.open();
    const late = s.act({ kind: 'check', step: 'confirm-report' }, 10);
    // An unchecking written by a machine that did not see the check, stamped earlier: the check wins.
    const early: IncidentEvent = { ...late, id: '01KB0000000000000000000000', at: '2026-11-28T10:05:00.000Z', type: 'step.unchecked', step: 'confirm-report', actor: BOB };
    const state = reduceIncident([...s.events, early]);
    assert.equal(state.steps.get('confirm-report')!.checked, true);
    assert.deepEqual(state.events.map((e) => e.type), ['incident.opened', 'step.unchecked', 'step.checked']);
  });

  it('never throws on events about unknown steps; it lists them as ignored', () => {
    const s = new Scenario();
    s.open();
    const checked = s.act({ kind: 'check', step: 'confirm-report' }, 1);
    const state = reduceIncident([...s.events, { ...checked, id: '01KB0000000000000000000001', step: 'nope' } as IncidentEvent]);
    assert.equal(state.ignored.length, 1);
    assert.match(state.ignored[0]!.reason, /unknown step/);
  });

  it('flags exercises', () => {
    const s = new Scenario();
    s.open({ exercise: true });
    assert.equal(s.state.exercise, true);
    assert.match(renderIncidentMarkdown(s.state), /^exercise: true$/m);
    assert.match(renderIncidentMarkdown(s.state), /\*\*Exercise\*\*/);
  });
});

describe('incident model: clock skew', () => {
  it('a clone whose clock is 10 minutes slow cannot make an older-stamped change win over what it saw', () => {
    const fast = new Scenario();
    fast.open();
    fast.act({ kind: 'check', step: 'confirm-report' }, 10); // 10:10 on the fast machine
    // The slow clone syncs, sees the check, and unchecks at what its clock calls 10:05.
    const slow = new Scenario();
    slow.events.push(...fast.events);
    const unchecked = slow.act({ kind: 'uncheck', step: 'confirm-report' }, 5, BOB);
    assert.equal(unchecked.at, '2026-11-28T10:10:00.001Z');
    assert.equal(reduceIncident([...fast.events, unchecked]).steps.get('confirm-report')!.checked, false);
    assert.equal(reduceIncident([unchecked, ...fast.events].reverse()).steps.get('confirm-report')!.checked, false);
  });
});
