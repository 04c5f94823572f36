import * as assert from 'node:assert/strict';
import type { StageView } from '../../../src/shared/dashboardProtocol';
import { advanceSummary, skippedStepTexts, stepWhoWhen } from '../../../src/webview/labels';

describe('dashboard labels', () => {
  it('says who did what to a step and when', () => {
    assert.equal(stepWhoWhen({ state: 'checked', by: 'Ana Lima', at: '2026-11-28T09:05:00.000Z' }), 'Done by Ana Lima · 2026-11-28 09:05 UTC');
    assert.equal(stepWhoWhen({ state: 'na', by: 'Bo' }), 'Marked not applicable by Bo');
    assert.equal(stepWhoWhen({ state: 'blocked', at: '2026-11-28T09:05:00.000Z' }), 'Blocked · 2026-11-28 09:05 UTC');
    assert.equal(stepWhoWhen({ state: 'open', by: 'Bo', at: '2026-11-28T09:05:00.000Z' }), '');
    assert.equal(stepWhoWhen({ state: 'checked' }), '');
  });

  it('names the next stage and warns before skipping required steps', () => {
    assert.deepEqual(advanceSummary({ nextStageTitle: 'Containment', skippedRequired: [] }), { label: 'Advance to Containment' });
    assert.deepEqual(advanceSummary({ skippedRequired: [] }), { label: 'Advance' });
    assert.deepEqual(advanceSummary({ nextStageTitle: 'Containment', skippedRequired: ['a'] }),
      { label: 'Advance to Containment', warning: '1 required step will be recorded as skipped' });
    assert.equal(advanceSummary({ nextStageTitle: 'Containment', skippedRequired: ['a', 'b'] }).warning, '2 required steps will be recorded as skipped');
  });

  it('lists the steps Advance would skip by their text, whether given ids or texts', () => {
    const stages: StageView[] = [{
      id: 'detection', title: 'Detection', state: 'current', done: 0, total: 1,
      steps: [{ id: 'confirm', text: 'Confirm the report', detailHtml: '', required: true, evidenceRequired: false, state: 'open', added: false }],
    }];
    assert.deepEqual(skippedStepTexts({ stages, advance: { skippedRequired: ['confirm', 'Scope the blast radius'] } }),
      ['Confirm the report', 'Scope the blast radius']);
  });
});
