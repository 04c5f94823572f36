import * as assert from 'node:assert/strict';
import { parseStartLink, StartLinkError } from '../../../src/shared/startLink';

/** The query as the handler receives it: VS Code's Uri.query is the link's query, percent-decoded. */
const parse = (path: string, rawQuery: string) => parseStartLink(path, decodeURIComponent(rawQuery));

describe('start links (vscode://firebreak.firebreak/start?…)', () => {
  it('reads the runbook id, title, severity and source', () => {
    assert.deepEqual(parse('/start', 'runbook=phishing&title=Invoice%20lure%20at%20finance&severity=SEV2&source=https%3A%2F%2Fsiem.example.com%2Fa%2F42'), {
      runbook: 'phishing', title: 'Invoice lure at finance', severity: 'SEV2', source: 'https://siem.example.com/a/42',
    });
    assert.deepEqual(parse('/start', 'runbook=malware-endpoint&title='), { runbook: 'malware-endpoint' });
  });

  it('keeps an alert link with its own query, and "&", "=" and "+" inside values, as sent', () => {
    const source = 'https://siem.example.com/alerts?id=4711&org=2&view=a+b%20c';
    const link = `runbook=phishing&source=${encodeURIComponent(source)}&title=${encodeURIComponent('R&D laptop: C++ build=broken')}&severity=SEV2`;
    assert.deepEqual(parse('/start', link), { runbook: 'phishing', source, title: 'R&D laptop: C++ build=broken', severity: 'SEV2' });
    assert.deepEqual(parse('/start', `source=${encodeURIComponent(source)}&runbook=phishing`), { runbook: 'phishing', source });
    assert.deepEqual(parse('/start', `runbook=phishing&title=${encodeURIComponent('50% done')}`), { runbook: 'phishing', title: '50% done' });
  });

  it('reads the workspace folder a multi-root window should record in', () => {
    assert.deepEqual(parse('/start', 'runbook=phishing&repository=payments%20api'), { runbook: 'phishing', repository: 'payments api' });
    assert.throws(() => parse('/start', 'runbook=phishing&repository=a&repository=b'), /"repository" more than once/);
    assert.throws(() => parse('/start', 'runbook=phishing&repository=evil%E2%80%AEname'), /control or bidirectional/);
  });

  const refusals: [string, string, string, RegExp][] = [
    ['another path', '/run', 'runbook=phishing', /only \/start is supported/],
    ['an unknown parameter', '/start', 'runbook=phishing&command=rm', /unknown parameter "command": only runbook, title, severity, source/],
    ['an unknown parameter after the title', '/start', 'runbook=phishing&title=x&command=touch%20pwned', /unknown parameter "command"/],
    ['an unknown first parameter', '/start', 'command=rm&runbook=phishing', /unknown parameter "command"/],
    ['no runbook', '/start', 'title=x', /does not name a runbook/],
    ['a runbook path', '/start', 'runbook=../../etc/passwd', /not a runbook id: links name a runbook by id .* never by path/],
    ['an absolute runbook path', '/start', 'runbook=%2Ftmp%2Fevil.md', /never by path/],
    ['a Windows path', '/start', 'runbook=C%3A%5Cevil.md', /never by path/],
    ['a repeated parameter', '/start', 'runbook=phishing&runbook=generic', /"runbook" more than once/],
    ['a newline in the title', '/start', 'runbook=phishing&title=a%0Ab', /"title" contains control or bidirectional characters/],
    ['a bidi override in the title', '/start', 'runbook=phishing&title=%E2%80%AEevil', /control or bidirectional/],
    ['an oversized title', '/start', `runbook=phishing&title=${'x'.repeat(301)}`, /"title" is longer than 300/],
    ['an oversized link', '/start', `runbook=phishing&source=${'x'.repeat(9000)}`, /too long/],
    ['a severity with spaces', '/start', 'runbook=phishing&severity=SEV%201', /not a severity level/],
    ['a severity with a plus', '/start', 'runbook=phishing&severity=SEV+1', /not a severity level/],
  ];
  for (const [what, path, query, message] of refusals) {
    it(`refuses ${what}, saying why`, () => {
      assert.throws(() => parse(path, query), (error: unknown) => error instanceof StartLinkError && message.test(error.message));
    });
  }
});
