// `firebreak report` for a drill: the review asks what the drill showed about the runbook.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import { DRILL_REVIEW_QUESTIONS } from '../../../src/core/review';
import { IncidentFixture } from '../cli/incidentFixture';

describe('review: firebreak report for a drill', function () {
  this.timeout(60_000);
  let fx: IncidentFixture;
  beforeEach(() => { fx = new IncidentFixture(); });
  afterEach(() => fx.cleanup());

  it('adds what the drill showed to the data and to postmortem.md; a real incident has neither', async () => {
    const drill = await fx.ok('start', 'tiny', '--title', 'Tabletop: ransomware', '--exercise');
    await fx.ok('block', drill, 'isolate', '--reason', 'No EDR console access');
    await fx.ok('add-step', drill, 'containment', 'Call the MSP for an out-of-hours contact');
    const data = JSON.parse(await fx.ok('report', drill, '--json')) as { exercise: boolean; drill: { blocked: { step: string; reasons: string[] }[]; added: { text: string }[]; questions: string[] } };
    assert.equal(data.exercise, true);
    assert.deepEqual(data.drill.blocked.map((b) => [b.step, b.reasons]), [['isolate', ['No EDR console access']]]);
    assert.deepEqual(data.drill.added.map((a) => a.text), ['Call the MSP for an out-of-hours contact']);
    assert.deepEqual(data.drill.questions, [...DRILL_REVIEW_QUESTIONS]);
    await fx.ok('report', drill);
    const text = fs.readFileSync(fx.file('incidents', drill, 'postmortem.md'), 'utf8');
    assert.match(text, /\n## What the drill showed about the runbook\n/);
    assert.match(text, /\n## Drill review: questions about the runbook\n/);

    const real = await fx.ok('start', 'tiny', '--title', 'Real one');
    assert.equal('drill' in (JSON.parse(await fx.ok('report', real, '--json')) as object), false);
  });
});
