import * as assert from 'node:assert/strict';
import { DRILL_REVIEW_QUESTIONS, drillFindings, postmortemModel, renderPostmortem } from '../../../src/core/review';
import { Scenario } from '../incident/fixtures';
import { incidentB } from './scenarios';

/** A SEV2 drill: find-recipients done before confirm-report, purge-mail blocked then unblocked, a step added, contained at 90 min (SLA 4h met). */
function drill(): Scenario {
  const s = new Scenario(new Date('2026-11-12T10:00:00.000Z'));
  s.open({ severity: 'SEV2', exercise: true });
  s.act({ kind: 'check', step: 'find-recipients' }, 5);
  s.act({ kind: 'check', step: 'confirm-report' }, 10);
  s.act({ kind: 'block', step: 'purge-mail', reason: 'No admin access to the mail console' }, 12);
  s.act({ kind: 'add-step', stage: 'containment', text: 'Ask the mail team for a search export' }, 20);
  s.act({ kind: 'unblock', step: 'purge-mail' }, 40);
  s.act({ kind: 'milestone', milestone: 'contained' }, 90);
  return s;
}

describe('review: drill review', () => {
  it('finds what the drill showed about the runbook', () => {
    const { state } = drill();
    const found = drillFindings(state, postmortemModel(state));
    assert.deepEqual(found.outOfOrder.map((s) => [s.step, s.before]), [['find-recipients', 'confirm-report']]);
    assert.deepEqual(found.blocked.map((s) => [s.step, s.reasons]), [['purge-mail', ['No admin access to the mail console']]]);
    assert.deepEqual(found.added.map((s) => s.text), ['Ask the mail team for a search export']);
    assert.deepEqual(found.skipped, []);
    assert.deepEqual(found.sla, [{ stage: 'containment', limit: '4h', status: 'met' }]);
  });

  it('finds nothing out of order when steps follow the runbook', () => {
    const s = new Scenario();
    s.open({ exercise: true });
    s.act({ kind: 'check', step: 'confirm-report' }, 1);
    s.act({ kind: 'check', step: 'find-recipients' }, 2);
    assert.deepEqual(drillFindings(s.state, postmortemModel(s.state)).outOfOrder, []);
  });

  it('asks the drill questions in an exercise review only, as a part people write', () => {
    const text = renderPostmortem(drill().state);
    assert.ok(text.includes('\n## What the drill showed about the runbook\n'));
    assert.match(text, /`find-recipients` \(detection\): Find all recipients, before `confirm-report`/);
    assert.match(text, /`purge-mail` \(containment\): Purge the email from mailboxes: No admin access to the mail console/);
    assert.match(text, /Containment within 4h: met/);
    for (const question of DRILL_REVIEW_QUESTIONS) assert.ok(text.includes(`\n### ${question}\n`), question);
    const drillQuestions = text.slice(text.indexOf('## Drill review: questions about the runbook'));
    assert.ok(!drillQuestions.startsWith('<!-- firebreak:generated'), 'questions are outside generated sections');
    const real = renderPostmortem(incidentB().state);
    assert.ok(!real.includes('What the drill showed'));
    assert.ok(!real.includes(DRILL_REVIEW_QUESTIONS[0]));
  });
});
