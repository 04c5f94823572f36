import * as assert from 'node:assert/strict';
import { linkToOpen } from '../../../src/webview/links';

describe('dashboard link clicks', () => {
  it('asks the host to open http, https and mailto links', () => {
    assert.equal(linkToOpen('https://example.com/runbook#step'), 'https://example.com/runbook#step');
    assert.equal(linkToOpen('http://intranet.example/wiki'), 'http://intranet.example/wiki');
    assert.equal(linkToOpen(' mailto:soc@example.com '), 'mailto:soc@example.com');
  });

  it('ignores every other scheme, relative links and missing hrefs', () => {
    for (const href of ['command:workbench.action.terminal.new', 'javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd',
      'vscode://settings', 'data:text/html,x', '#section', '/local', 'runbook.md', '', null, undefined]) {
      assert.equal(linkToOpen(href), undefined, String(href));
    }
  });
});
