import * as assert from 'node:assert/strict';
import { actionItemLinks, renderPostmortem } from '../../../src/core/review';
import { incidentB } from './scenarios';

describe('review: action items that name a runbook step', () => {
  it('finds `runbook#step` in the checklist items of the Action items section, with their lines', () => {
    const text = [
      '# Review', '',
      '## Timeline', '- [ ] `phishing#pull-headers` mentioned outside the action items', '',
      '## Action items', '',
      '<!-- Name a runbook step (`runbook-id#step-id`) to propose a runbook change. -->',
      '- [ ] Pull headers earlier, Ann, 2026-12-15 `phishing#pull-headers`',
      '- [x] Done already `phishing#declare-severity` and `tiny#isolate`',
      '- [ ] No step named here, see https://example.com/page#anchor',
      '- [ ] Not a safe name `Phishing#Pull Headers`',
      '', '## Lessons learned', '- [ ] `phishing#after-the-section`',
    ];
    assert.deepEqual(actionItemLinks(text.join('\n')), [
      { line: 8, runbook: 'phishing', step: 'pull-headers' },
      { line: 9, runbook: 'phishing', step: 'declare-severity' },
      { line: 9, runbook: 'tiny', step: 'isolate' },
    ]);
  });

  it('finds nothing in a freshly generated review, and the step a person names in its template item', () => {
    const text = renderPostmortem(incidentB().state);
    assert.deepEqual(actionItemLinks(text), []);
    const edited = text.replace(/^- \[ \] $/m, '- [ ] Search by URL too `phishing#scope-recipients`');
    const line = edited.split('\n').indexOf('- [ ] Search by URL too `phishing#scope-recipients`');
    assert.ok(line > 0);
    assert.deepEqual(actionItemLinks(edited), [{ line, runbook: 'phishing', step: 'scope-recipients' }]);
  });

  it('reads CRLF files as well', () => {
    assert.deepEqual(actionItemLinks('## Action items\r\n- [ ] Fix `tiny#confirm`\r\n'), [{ line: 1, runbook: 'tiny', step: 'confirm' }]);
  });
});
