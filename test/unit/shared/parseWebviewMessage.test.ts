import * as assert from 'node:assert/strict';
import { isAllowedExternalLink } from '../../../src/shared/links';
import { parseWebviewMessage } from '../../../src/shared/parseWebviewMessage';

describe('webview messages are validated by the host', () => {
  it('accepts well-formed intents and keeps only known fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'setStepChecked', stepId: 'confirm', checked: true, extra: 'x' }), { type: 'setStepChecked', stepId: 'confirm', checked: true });
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'setMilestone', milestone: 'contained' }), { type: 'setMilestone', milestone: 'contained' });
    assert.deepEqual(parseWebviewMessage({ type: 'dropEvidence', uriList: 'file:///tmp/a.eml', path: '/etc/passwd' }), { type: 'dropEvidence', uriList: 'file:///tmp/a.eml' });
    assert.equal(parseWebviewMessage({ type: 'dropEvidence', uriList: ['file:///tmp/a.eml'] }), undefined);
  });

  it('rejects unknown types, wrong field types and values outside an enum', () => {
    assert.equal(parseWebviewMessage(null), undefined);
    assert.equal(parseWebviewMessage('ready'), undefined);
    assert.equal(parseWebviewMessage({ type: 'runCommand', command: 'rm -rf /' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'toString' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'setStepChecked', stepId: 'x', checked: 'yes' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'addNote' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'setField', field: 'title', value: 'x' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'addIndicator', indicatorType: 'malware', value: 'x' }), undefined);
  });

  it('accepts the hand-off, indicator and custody intents with their fields, and nothing malformed', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'acknowledgeHandoff', handoff: 'forged' }), { type: 'acknowledgeHandoff' });
    assert.deepEqual(parseWebviewMessage({ type: 'retractIndicator', indicatorType: 'ip', value: '203.0.113.7' }), { type: 'retractIndicator', indicatorType: 'ip', value: '203.0.113.7' });
    assert.deepEqual(parseWebviewMessage({ type: 'retractIndicator', indicatorType: 'ip', value: '203.0.113.7', reason: 'CDN' }), { type: 'retractIndicator', indicatorType: 'ip', value: '203.0.113.7', reason: 'CDN' });
    assert.deepEqual(parseWebviewMessage({ type: 'transferCustody', evidenceId: 'e-1', to: 'Forensics Lab' }), { type: 'transferCustody', evidenceId: 'e-1', to: 'Forensics Lab' });
    assert.equal(parseWebviewMessage({ type: 'retractIndicator', indicatorType: 'malware', value: 'x' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'retractIndicator', indicatorType: 'ip' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'transferCustody', evidenceId: 'e-1', to: 42 }), undefined);
    assert.equal(parseWebviewMessage({ type: 'transferCustody', to: 'Forensics Lab' }), undefined);
  });

  it('accepts a step run only as a step id: any command text the webview adds is dropped', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'runStep', stepId: 'collect', command: 'rm -rf ~', env: { FB_HOST: 'x' } }), { type: 'runStep', stepId: 'collect' });
    assert.equal(parseWebviewMessage({ type: 'runStep' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'runStep', stepId: 7 }), undefined);
  });

  it('accepts the review intents: an update kind from the list only, a step id only as a string', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'generateReview', path: '/etc/passwd' }), { type: 'generateReview' });
    assert.deepEqual(parseWebviewMessage({ type: 'compareRunbook' }), { type: 'compareRunbook' });
    assert.deepEqual(parseWebviewMessage({ type: 'copyStakeholderUpdate', kind: 'executive' }), { type: 'copyStakeholderUpdate', kind: 'executive' });
    assert.deepEqual(parseWebviewMessage({ type: 'copyStakeholderUpdate', kind: 'tactical', text: 'forged' }), { type: 'copyStakeholderUpdate', kind: 'tactical' });
    assert.equal(parseWebviewMessage({ type: 'copyStakeholderUpdate', kind: 'board' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'copyStakeholderUpdate' }), undefined);
    assert.deepEqual(parseWebviewMessage({ type: 'proposeRunbookChange' }), { type: 'proposeRunbookChange' });
    assert.deepEqual(parseWebviewMessage({ type: 'proposeRunbookChange', stepId: 'isolate', branch: '--force' }), { type: 'proposeRunbookChange', stepId: 'isolate' });
    assert.equal(parseWebviewMessage({ type: 'proposeRunbookChange', stepId: ['isolate'] }), undefined);
  });

  it('rejects oversized text', () => {
    assert.equal(parseWebviewMessage({ type: 'addNote', text: 'x'.repeat(1_000_001) }), undefined);
  });
});

describe('links from webviews', () => {
  it('opens only http, https and mailto', () => {
    assert.equal(isAllowedExternalLink('https://attack.mitre.org/techniques/T1566/'), true);
    assert.equal(isAllowedExternalLink('http://example.com'), true);
    assert.equal(isAllowedExternalLink('mailto:soc@example.com'), true);
    for (const bad of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'file:///etc/passwd', 'vscode://x', 'data:text/html,x', 'not a url']) {
      assert.equal(isAllowedExternalLink(bad), false, bad);
    }
  });
});
