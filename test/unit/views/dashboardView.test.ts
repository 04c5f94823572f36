// The dashboard's view model from reduced incident state: known answers on a hand-built incident.
import * as assert from 'node:assert/strict';
import { buildEvidenceAdded, buildOpening } from '../../../src/core/incident';
import { toDashboardView } from '../../../src/core/views/dashboardView';
import { ALICE, BOB, phishingRunbook, Scenario } from '../incident/fixtures';

const options = (now: Date) => ({ now, severities: ['SEV1', 'SEV2', 'SEV3', 'SEV4'], canRecord: true });

describe('views: dashboard view model', () => {
  it('shows stages with progress and state, and steps with who/when', () => {
    const scenario = new Scenario();
    scenario.open({ severity: 'SEV2' });
    scenario.act({ kind: 'check', step: 'confirm-report' }, 5, BOB);
    const view = toDashboardView(scenario.state, options(scenario.at(10)));
    assert.equal(view.incident.severity, 'SEV2');
    assert.equal(view.incident.status, 'active');
    assert.deepEqual(view.stages.map((s) => [s.id, s.state, s.done, s.total]), [
      ['detection', 'current', 1, 2], ['containment', 'pending', 0, 2], ['eradication', 'pending', 0, 1], ['recovery', 'pending', 0, 1],
    ]);
    const confirm = view.stages[0]!.steps[0]!;
    assert.equal(confirm.state, 'checked');
    assert.equal(confirm.by, BOB.name);
    assert.equal(confirm.required, true);
    assert.deepEqual(view.advance, { nextStageTitle: 'Containment', skippedRequired: [] });
    assert.equal(view.timeline[0]!.text, 'Checked “Confirm the report is a phishing email”');
  });

  it('gives each evidence item its custody trail: collected by whom and when, each hand-over, the holder now', () => {
    const scenario = new Scenario();
    scenario.open();
    const added = buildEvidenceAdded(scenario.state, { name: 'headers.eml', sha256: 'b'.repeat(64), size: 2048 });
    scenario.record(added.draft, BOB, scenario.at(10));
    const id = scenario.state.evidence[0]!.evidence;
    scenario.act({ kind: 'custody', evidenceId: id, to: 'Forensics lab' }, 20, BOB);
    scenario.act({ kind: 'custody', evidenceId: id, to: 'Legal hold' }, 30, ALICE);
    const [item] = toDashboardView(scenario.state, options(scenario.at(40))).evidence;
    assert.equal(item!.collectedBy, BOB.name);
    assert.equal(item!.collectedAt, '2026-11-28T10:10:00.000Z');
    assert.deepEqual(item!.custody.map((c) => [c.at, c.from, c.to]), [
      ['2026-11-28T10:20:00.000Z', BOB.name, 'Forensics lab'],
      ['2026-11-28T10:30:00.000Z', 'Forensics lab', 'Legal hold'],
    ]);
    assert.equal(item!.holder, 'Legal hold');
  });

  it('names the alert an incident started from, and nothing for one started by hand', () => {
    const fromAlert = new Scenario();
    const opening = buildOpening({
      incident: '20261128-k7f3qa', title: 'Impossible travel', runbook: phishingRunbook(), path: 'runbooks/phishing.md', sha256: 'a'.repeat(64),
      fromAlert: 'https://siem.example.com/alerts/42',
    });
    fromAlert.record(opening.draft, ALICE, fromAlert.start);
    assert.equal(toDashboardView(fromAlert.state, options(fromAlert.at(1))).incident.source, 'https://siem.example.com/alerts/42');
    const byHand = new Scenario();
    byHand.open();
    assert.equal('source' in toDashboardView(byHand.state, options(byHand.at(1))).incident, false);
  });

  it('gives SLA deadlines at the current severity, from detection, and marks a miss', () => {
    const scenario = new Scenario();
    scenario.open({ severity: 'SEV2' });
    const early = toDashboardView(scenario.state, options(scenario.at(60)));
    assert.deepEqual(early.sla, [{ label: 'Containment', deadline: '2026-11-28T14:00:00.000Z', state: 'ok' }]);
    scenario.act({ kind: 'severity', level: 'SEV1' }, 61);
    const late = toDashboardView(scenario.state, options(scenario.at(90)));
    assert.deepEqual(late.sla.map((s) => [s.label, s.deadline, s.state]), [
      ['Containment', '2026-11-28T11:00:00.000Z', 'missed'],
      ['Recovery', '2026-11-29T10:00:00.000Z', 'ok'],
    ]);
  });

  it('lists the required steps that advancing would record as skipped', () => {
    const scenario = new Scenario();
    scenario.open();
    const view = toDashboardView(scenario.state, options(scenario.at(1)));
    assert.deepEqual(view.advance.skippedRequired, ['Confirm the report is a phishing email']);
  });

  it('shows a hand-off until the incoming person acknowledges it', () => {
    const scenario = new Scenario();
    scenario.open();
    assert.equal(toDashboardView(scenario.state, options(scenario.at(1))).pendingHandoff, undefined);
    scenario.act({ kind: 'handoff', to: BOB.name, summary: 'Sender blocked.' }, 5);
    assert.deepEqual(toDashboardView(scenario.state, options(scenario.at(6))).pendingHandoff, {
      at: '2026-11-28T10:05:00.000Z', from: 'Alice Analyst', to: BOB.name, summary: 'Sender blocked.',
    });
    scenario.act({ kind: 'handoff-ack' }, 7, BOB);
    assert.equal(toDashboardView(scenario.state, options(scenario.at(8))).pendingHandoff, undefined);
  });
});
