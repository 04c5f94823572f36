import * as assert from 'node:assert/strict';
import { buildRunbookAdded, buildSlaMissed, incidentTimes, renderIncidentMarkdown, slaStatus, stepDeadlines } from '../../../src/core/incident';
import { missedSlaStages } from '../../../src/core/review/slaMisses';
import { ALICE, BOB, phishingRunbook, Scenario } from './fixtures';

const MIN = 60_000;

describe('incident model: times and SLA', () => {
  it('computes the §3 times: detected defaults to opening, acknowledged is the first later event', () => {
    const s = new Scenario();
    s.open();
    assert.equal(incidentTimes(s.state).detected, '2026-11-28T10:00:00.000Z');
    assert.equal(incidentTimes(s.state).acknowledged, undefined);
    s.act({ kind: 'claim', step: 'confirm-report' }, 7, BOB);
    s.act({ kind: 'set', field: 'occurred-at', value: '2026-11-28T08:00:00Z' }, 8);
    s.act({ kind: 'set', field: 'detected-at', value: '2026-11-28T09:00:00Z' }, 9);
    const t = incidentTimes(s.state);
    assert.equal(t.acknowledged, '2026-11-28T10:07:00.000Z');
    assert.equal(t.durations.toAcknowledge, 7 * MIN);
    assert.equal(t.durations.toDetect, 60 * MIN);
    assert.equal(t.detected, '2026-11-28T09:00:00.000Z');
  });

  it('takes stage completion from the advance past it, or from a backdated milestone when set', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'advance' }, 10); // → containment
    s.act({ kind: 'advance', stage: 'recovery' }, 50); // past containment and eradication
    let t = incidentTimes(s.state);
    assert.equal(t.contained, '2026-11-28T10:50:00.000Z');
    assert.equal(t.eradicated, '2026-11-28T10:50:00.000Z');
    assert.equal(t.recovered, undefined);
    // Responders report containment happened at 10:30 (backdated, recorded later).
    s.act({ kind: 'milestone', milestone: 'contained', at: '2026-11-28T10:30:00Z' }, 60);
    t = incidentTimes(s.state);
    assert.equal(t.contained, '2026-11-28T10:30:00.000Z');
    assert.equal(t.durations.toContain, 30 * MIN);
    s.act({ kind: 'close' }, 120);
    assert.equal(incidentTimes(s.state).durations.toClose, 120 * MIN);
  });

  it('refuses a milestone in the future', () => {
    const s = new Scenario();
    s.open();
    assert.throws(() => s.act({ kind: 'milestone', milestone: 'contained', at: '2026-11-28T12:00:00Z' }, 1), /in the future/);
  });

  it('re-computes deadlines from detection when the severity changes', () => {
    const s = new Scenario();
    s.open({ severity: 'SEV2' });
    let sla = slaStatus(s.state, s.at(30));
    assert.deepEqual(sla.entries.map((e) => [e.stage, e.limit, e.deadline, e.status]), [['containment', '4h', '2026-11-28T14:00:00.000Z', 'pending']]);
    s.act({ kind: 'severity', level: 'SEV1' }, 40);
    sla = slaStatus(s.state, s.at(45));
    assert.deepEqual(sla.entries.map((e) => [e.stage, e.deadline, e.status]), [
      ['containment', '2026-11-28T11:00:00.000Z', 'pending'],
      ['recovery', '2026-11-29T10:00:00.000Z', 'pending'],
    ]);
    assert.deepEqual(slaStatus(s.state, s.at(61)).entries.map((e) => e.status), ['missed', 'pending']);
  });

  it('records a missed deadline once', () => {
    const s = new Scenario();
    s.open({ severity: 'SEV1' });
    const due = buildSlaMissed(s.state, s.at(61));
    assert.equal(due.length, 1);
    assert.deepEqual(due[0]!.draft, { type: 'sla.missed', stage: 'containment', severity: 'SEV1', deadline: '2026-11-28T11:00:00.000Z' });
    assert.equal(due[0]!.action, 'sla.missed containment');
    s.record(due[0]!.draft, ALICE, s.at(61));
    assert.equal(buildSlaMissed(s.state, s.at(90)).length, 0);
    assert.equal(slaStatus(s.state, s.at(90)).entries[0]!.missRecorded, true);
    assert.match(renderIncidentMarkdown(s.state), /\| Containment \| 1h \| 2026-11-28T11:00:00\.000Z \| — \| Missed \(recorded 2026-11-28T11:01:00\.000Z\) \|/);
  });

  it('records a stage miss once per severity: a raised severity with an earlier deadline is a new miss', () => {
    const s = new Scenario();
    s.open({ severity: 'SEV2' });
    const atSev2 = buildSlaMissed(s.state, s.at(241));
    assert.deepEqual(atSev2.map((b) => [b.draft.type === 'sla.missed' && b.draft.severity, b.action]), [['SEV2', 'sla.missed containment']]);
    s.record(atSev2[0]!.draft, ALICE, s.at(241));
    s.act({ kind: 'severity', level: 'SEV1' }, 242);
    const atSev1 = buildSlaMissed(s.state, s.at(243));
    assert.deepEqual(atSev1.map((b) => b.draft), [{ type: 'sla.missed', stage: 'containment', severity: 'SEV1', deadline: '2026-11-28T11:00:00.000Z' }]);
    s.record(atSev1[0]!.draft, ALICE, s.at(243));
    assert.deepEqual(buildSlaMissed(s.state, s.at(300)), []);
    assert.equal(s.state.slaMissed.length, 2);
  });

  it('counts a miss recorded twice (two writers racing) once, and records nothing more for a closed incident', () => {
    const s = new Scenario();
    s.open({ severity: 'SEV1' });
    const [due] = buildSlaMissed(s.state, s.at(61));
    // Both writers computed the miss before seeing each other's event.
    s.record(due!.draft, ALICE, s.at(61));
    s.record(due!.draft, BOB, s.at(62));
    assert.equal(s.state.slaMissed.length, 1);
    assert.equal(s.state.slaMissed[0]!.actor.name, ALICE.name);
    assert.equal(s.state.ignored.length, 1);
    assert.deepEqual(missedSlaStages(s.state), ['containment']);
    s.act({ kind: 'close' }, 2000);
    assert.deepEqual(buildSlaMissed(s.state, s.at(3000)), []);
  });

  it('judges a completed stage by its completion time, and a closed incident at its closing', () => {
    const s = new Scenario();
    s.open({ severity: 'SEV1' });
    s.act({ kind: 'milestone', milestone: 'contained', at: '2026-11-28T10:20:00Z' }, 30);
    s.act({ kind: 'close' }, 35);
    const entries = slaStatus(s.state, s.at(10_000)).entries;
    assert.deepEqual(entries.map((e) => [e.stage, e.status]), [['containment', 'met'], ['recovery', 'pending']]);
  });

  it('uses the strictest limit when a second runbook joins', () => {
    const s = new Scenario();
    s.open({ severity: 'SEV2' });
    assert.equal(slaStatus(s.state, s.at(0)).entries[0]!.limit, '4h');
    const bec = phishingRunbook({ id: 'bec', sla: { SEV2: { containment: '2h' } } });
    s.record(buildRunbookAdded(s.state, { runbook: bec, path: 'runbooks/bec.md', file: 'runbook-bec.md', sha256: 'd'.repeat(64) }).draft, BOB, s.at(1));
    assert.deepEqual(slaStatus(s.state, s.at(2)).entries.map((e) => [e.limit, e.deadline]), [['2h', '2026-11-28T12:00:00.000Z']]);
  });
});

describe('incident model: step deadlines', () => {
  it('counts a step deadline from detection; met when checked in time, missed after', () => {
    const base = phishingRunbook();
    const withDeadline = phishingRunbook({
      stages: base.stages.map((stage) => ({ ...stage, steps: stage.steps.map((step) => (step.id === 'find-recipients' ? { ...step, deadline: '72h' } : step.id === 'purge-mail' ? { ...step, deadline: '1h' } : step)) })),
    });
    const s = new Scenario();
    s.open({ runbook: withDeadline });
    s.act({ kind: 'check', step: 'find-recipients' }, 30);
    const list = stepDeadlines(s.state, s.at(61));
    assert.deepEqual(list.map((d) => [d.step, d.deadline, d.status]), [
      ['find-recipients', '2026-12-01T10:00:00.000Z', 'met'],
      ['purge-mail', '2026-11-28T11:00:00.000Z', 'missed'],
    ]);
    assert.equal(stepDeadlines(s.state)[1]!.status, 'pending');
    assert.match(renderIncidentMarkdown(s.state), /^\| purge-mail \| 1h \| 2026-11-28T11:00:00\.000Z \| — \| Open \|$/m);
  });

  it('records a missed step deadline once, as sla.missed naming the step, without counting it as a stage SLA miss', () => {
    const base = phishingRunbook({ sla: {} });
    const runbook = phishingRunbook({
      sla: {},
      stages: base.stages.map((stage) => ({ ...stage, steps: stage.steps.map((step) => (step.id === 'purge-mail' ? { ...step, deadline: '1h' } : step)) })),
    });
    const s = new Scenario();
    s.open({ runbook });
    assert.deepEqual(buildSlaMissed(s.state, s.at(59)), []);
    const due = buildSlaMissed(s.state, s.at(61));
    assert.deepEqual(due.map((b) => [b.draft, b.action]), [
      [{ type: 'sla.missed', stage: 'containment', step: 'purge-mail', severity: 'SEV3', deadline: '2026-11-28T11:00:00.000Z' }, 'sla.missed purge-mail'],
    ]);
    s.record(due[0]!.draft, ALICE, s.at(61));
    s.act({ kind: 'severity', level: 'SEV2' }, 62);
    assert.deepEqual(buildSlaMissed(s.state, s.at(90)), []);
    assert.deepEqual(missedSlaStages(s.state), []);
    assert.doesNotMatch(renderIncidentMarkdown(s.state), /^## SLA/m);
  });
});
