import * as assert from 'node:assert/strict';
import { buildEvidenceAdded, reduceIncident } from '../../../src/core/incident';
import { ganttLabel, mergePostmortem, postmortemModel, renderPostmortem, stageGantt, stageSpans } from '../../../src/core/review';
import { ALICE, BOB, phishingRunbook, Scenario } from '../incident/fixtures';
import { incidentA, incidentB } from './scenarios';

describe('review: post-incident review', () => {
  it('is the same bytes for the same events, in any order and with duplicates', () => {
    const { events } = incidentB();
    const shuffled = [...events].reverse();
    shuffled.push(events[2]!);
    assert.equal(renderPostmortem(reduceIncident(shuffled)), renderPostmortem(reduceIncident(events)));
  });

  it('holds the times, SLA misses, skipped, n/a and added steps, and the timeline', () => {
    const model = postmortemModel(incidentB().state);
    assert.equal(model.times.contained, '2026-11-05T15:00:00.000Z');
    assert.deepEqual(model.sla.map((e) => [e.stage, e.status]), [['containment', 'missed']]);
    assert.deepEqual(model.skipped.map((s) => s.step), ['confirm-report']);
    assert.deepEqual(model.notApplicable.map((s) => [s.step, s.reason]), [['purge-mail', 'No mailbox access']]);
    assert.deepEqual(model.added.map((s) => s.text), ['Call the bank']);
    assert.equal(model.timeline.length, 6);
    assert.equal(model.lessonsLearned.length, 9);
    const text = renderPostmortem(incidentB().state);
    for (const heading of ['## Times', '## SLA', '## Stage durations', '## Timeline', '## Lessons learned', '## Action items', '## Decision log', '## Evidence and chain of custody']) {
      assert.ok(text.includes(`\n${heading}\n`), heading);
    }
    assert.match(text, /\| Containment \| 4h \| 2026-11-05T14:00:00\.000Z \| 2026-11-05T15:00:00\.000Z \| \*\*missed\*\* \|/);
  });

  it('lists each evidence item\'s custody trail: every hand-over as from → to with its time', () => {
    const s = new Scenario();
    s.open();
    s.record(buildEvidenceAdded(s.state, { name: 'headers.eml', sha256: 'b'.repeat(64), size: 2048 }).draft, BOB, s.at(10));
    s.record(buildEvidenceAdded(s.state, { name: 'proxy.log', sha256: 'c'.repeat(64), size: 10 }).draft, ALICE, s.at(11));
    const [headers, proxy] = s.state.evidence.map((e) => e.evidence);
    s.act({ kind: 'custody', evidenceId: headers!, to: 'Forensics lab' }, 20, BOB);
    s.act({ kind: 'custody', evidenceId: headers!, to: 'Legal hold' }, 30, ALICE);
    const rows = renderPostmortem(s.state).split('\n');
    const row = (id: string) => rows.find((line) => line.startsWith(`| \`${id}\` |`));
    assert.ok(row(headers!)?.endsWith('| Legal hold | 2026-11-28T10:20:00.000Z: Bob Builder → Forensics lab; 2026-11-28T10:30:00.000Z: Forensics lab → Legal hold |'), row(headers!));
    assert.ok(row(proxy!)?.endsWith('| Alice Analyst | — |'), row(proxy!));
    assert.match(row(proxy!)!, /\| 2026-11-28T10:11:00\.000Z by Alice Analyst/);
  });

  it('lists steps done after their deadline', () => {
    const runbook = phishingRunbook();
    const stages = runbook.stages.map((stage) => stage.id === 'detection'
      ? { ...stage, steps: stage.steps.map((step) => (step.id === 'confirm-report' ? { ...step, deadline: '1h' } : step)) } : stage);
    const s = new Scenario();
    s.open({ runbook: { ...runbook, stages } });
    s.act({ kind: 'check', step: 'confirm-report' }, 90);
    const late = postmortemModel(s.state).late;
    assert.deepEqual(late.map((l) => [l.step, l.due, l.checkedAt]), [['confirm-report', '2026-11-28T11:00:00.000Z', '2026-11-28T11:30:00.000Z']]);
  });

  it('escapes hostile text so it cannot become structure or a marker', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'set', field: 'summary', value: '<!-- firebreak:generated:end overview -->\n# Not a heading' }, 1);
    const text = renderPostmortem(s.state);
    assert.equal(text.split('\n').filter((l) => l.startsWith('<!-- firebreak:generated:end overview')).length, 1);
    assert.ok(!text.includes('\n# Not a heading'));
  });
});

describe('review: Mermaid gantt of stage durations', () => {
  it('has one section and task per stage reached, with start and end times', () => {
    const state = incidentA().state;
    assert.deepEqual(stageSpans(state).map((s) => [s.stage, s.durationMs / 60_000, s.completed]), [['detection', 10, true], ['containment', 20, true]]);
    assert.equal(stageGantt(state), [
      '```mermaid', 'gantt', '    title Stage durations (UTC)', '    dateFormat YYYY-MM-DDTHH:mm:ss', '    axisFormat %m-%d %H:%M',
      '    section Detection', '    Detection :done, s0, 2026-11-01T10:00:00, 2026-11-01T10:10:00',
      '    section Containment', '    Containment :done, s1, 2026-11-01T10:10:00, 2026-11-01T10:30:00',
      '```', '',
    ].join('\n'));
  });

  it('marks a stage whose SLA was missed as critical', () => {
    assert.match(stageGantt(incidentB().state), /Containment :done, crit, s1, /);
  });

  it('makes hostile titles harmless task names', () => {
    assert.equal(ganttLabel('Contain: hosts; #1 %% {x} <b>', 'c'), 'Contain hosts 1 x b');
    assert.equal(ganttLabel('section A', 'c'), 'Stage section A');
    assert.equal(ganttLabel('dateFormat YYYY', 'c'), 'Stage dateFormat YYYY');
    assert.equal(ganttLabel(' :;# \n', 'containment'), 'containment');
    assert.equal(ganttLabel('a\nb\u2028c', 'x'), 'a b c');
  });
});

describe('review: regenerating postmortem.md', () => {
  const before = incidentA();
  const first = renderPostmortem(before.state);

  it('is unchanged when nothing changed', () => {
    assert.deepEqual(mergePostmortem(first, first), { text: first, keptEdited: [], added: [] });
    assert.equal(mergePostmortem(undefined, first).text, first);
  });

  it('keeps people\'s answers and action items, and refreshes untouched generated sections', () => {
    const edited = first
      .replace('_To be answered in the review meeting._', 'The mail filter missed the lookalike domain.')
      .replace('- [ ] \n', '- [ ] Add a lookalike-domain rule (owner: Bob, due 2026-12-15)\n');
    const after = incidentA();
    after.act({ kind: 'decision', what: 'Keep the filter rule', approvedBy: 'CISO' }, 70);
    const merged = mergePostmortem(edited, renderPostmortem(after.state));
    assert.deepEqual(merged.keptEdited, []);
    assert.ok(merged.text.includes('The mail filter missed the lookalike domain.'));
    assert.ok(merged.text.includes('Add a lookalike-domain rule (owner: Bob, due 2026-12-15)'));
    assert.ok(merged.text.includes('Keep the filter rule'));
    assert.ok(!first.includes('Keep the filter rule'));
  });

  it('never overwrites a generated section people edited, and says so', () => {
    const edited = first.replace('_No decision recorded._', 'We decided to wait (discussed by phone).');
    const after = incidentA();
    after.act({ kind: 'decision', what: 'Keep the filter rule', approvedBy: 'CISO' }, 70);
    const merged = mergePostmortem(edited, renderPostmortem(after.state));
    assert.deepEqual(merged.keptEdited, ['decisions']);
    assert.ok(merged.text.includes('We decided to wait (discussed by phone).'));
    assert.ok(!merged.text.includes('| Keep the filter rule |'));
    // Other sections still refresh: the timeline has the decision.
    assert.match(merged.text, /## Timeline[\s\S]*recorded decision: Keep the filter rule/);
  });

  it('brings back a deleted section at its place, and keeps a document with no markers', () => {
    const start = first.indexOf('<!-- firebreak:generated:start indicators');
    const end = first.indexOf('<!-- firebreak:generated:end indicators -->\n') + '<!-- firebreak:generated:end indicators -->\n\n'.length;
    const without = first.slice(0, start) + first.slice(end);
    const merged = mergePostmortem(without, first);
    assert.deepEqual(merged.added, ['indicators']);
    assert.equal(merged.text, first);
    const plain = mergePostmortem('# Our own notes\n', first);
    assert.ok(plain.text.startsWith('# Our own notes\n\n<!-- firebreak:generated:start overview'));
  });
});
