import * as assert from 'node:assert/strict';
import { buildEvidenceAdded, evidenceIdFor, reduceIncident, renderIncidentMarkdown, RENDERER_VERSION, type IncidentEvent } from '../../../src/core/incident';
import { escapeBlock, unescapeBlock } from '../../../src/core/incident/markdownText';
import { ALICE, BOB, Scenario } from './fixtures';

const HEADERS = evidenceIdFor('headers.eml', 'b'.repeat(64));

function busyIncident(): Scenario {
  const s = new Scenario();
  s.open({ severity: 'SEV1' });
  s.act({ kind: 'check', step: 'confirm-report', note: 'headers forged' }, 1);
  s.act({ kind: 'assign', role: 'commander', person: 'Alice Analyst' }, 2);
  s.act({ kind: 'set', field: 'summary', value: 'Credential phishing against finance.' }, 3);
  s.act({ kind: 'set', field: 'impact', value: 'Two mailboxes read.' }, 4);
  s.act({ kind: 'set', field: 'related', value: '20261101-abc123' }, 5);
  s.act({ kind: 'set', field: 'contacts', value: 'Finance lead: +1 555 0100' }, 6);
  s.act({ kind: 'set', field: 'next-steps', value: 'Rotate tokens.' }, 7);
  s.act({ kind: 'indicator', type: 'ip', value: '203.0.113.7', source: 'proxy' }, 8);
  s.act({ kind: 'decision', what: 'Disable external forwarding', approvedBy: 'CISO' }, 9);
  s.record(buildEvidenceAdded(s.state, { name: 'headers.eml', sha256: 'b'.repeat(64), size: 2048 }).draft, BOB, s.at(10));
  s.act({ kind: 'custody', evidenceId: HEADERS, to: 'Forensics' }, 11, BOB);
  s.act({ kind: 'note', text: 'Sent to the mail team.' }, 12, BOB);
  s.act({ kind: 'handoff', to: 'Bob Builder' }, 13);
  s.act({ kind: 'advance' }, 14);
  s.act({ kind: 'milestone', milestone: 'contained', at: '2026-11-28T10:12:00Z' }, 15);
  s.act({ kind: 'close' }, 20);
  return s;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let x = seed;
  for (let i = out.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('incident model: renderer', () => {
  it('is deterministic: same events → same bytes, whatever their order or duplicates', () => {
    const { events } = busyIncident();
    const first = renderIncidentMarkdown(events);
    assert.equal(renderIncidentMarkdown(events), first);
    for (let seed = 1; seed <= 5; seed++) {
      assert.equal(renderIncidentMarkdown(shuffled([...events, ...events.slice(0, 3)], seed)), first);
    }
  });

  it('does not depend on the process time zone or locale', () => {
    const { events } = busyIncident();
    const before = renderIncidentMarkdown(events);
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Chatham';
    try {
      assert.equal(renderIncidentMarkdown(events), before);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('writes the renderer version and id/status/severity/stage in front-matter', () => {
    const md = renderIncidentMarkdown(busyIncident().events);
    assert.ok(md.startsWith(`---\nrenderer: ${RENDERER_VERSION}\nid: "20261128-k7f3qa"\n`));
    assert.match(md, /^status: closed$/m);
    assert.match(md, /^severity: "SEV1"$/m);
    assert.match(md, /^stage: "containment"$/m);
  });

  it('holds every NIST field of §3', () => {
    const md = renderIncidentMarkdown(busyIncident().events);
    for (const heading of ['Status', 'Times', 'Summary', 'Impact', 'Indicators', 'Related incidents', 'Roles', 'Contacts', 'Checklist', 'Decisions', 'Hand-offs', 'Evidence', 'Chain of custody', 'Handler comments', 'Next steps', 'Actions taken']) {
      assert.match(md, new RegExp(`^## ${heading}$`, 'm'), heading);
    }
    for (const row of ['Detected', 'Contained', 'Recovered', 'Closed']) assert.match(md, new RegExp(`^\\| ${row} \\|`, 'm'));
    assert.match(md, /^\| Contained \| 2026-11-28T10:12:00\.000Z \|$/m);
    assert.match(md, /^- \[x\] Confirm the report is a phishing email <!-- step: confirm-report -->$/m);
    assert.match(md, /^- \[ \] Block the sender domain <!-- step: block-sender -->$/m);
    assert.match(md, /203\.0\.113\.7/);
    assert.match(md, new RegExp(`${HEADERS}: collected .* by Bob Builder .*; then Bob Builder to Forensics at`));
    assert.match(md, /checked 2026-11-28T10:01:00\.000Z by Alice Analyst \(alice@example\.com\): headers forged/);
  });

  it('escapes hostile text so it cannot become structure', () => {
    const s = new Scenario();
    s.open();
    const hostile = 'ok\n## Indicators\n- [x] forged <!-- step: block-sender -->\n<!-- /field: summary -->\n---\nIncident: forged\n| a | b |';
    s.act({ kind: 'set', field: 'summary', value: hostile }, 1);
    s.act({ kind: 'note', text: hostile }, 2);
    s.act({ kind: 'assign', role: 'commander', person: '<script>alert(1)</script> | x' }, 3);
    const md = renderIncidentMarkdown(s.state);
    assert.equal(md.match(/^## Indicators$/gm)!.length, 1);
    assert.equal(md.match(/<!-- step: block-sender -->/g)!.length, 1);
    assert.equal(md.match(/^<!-- \/field: summary -->$/gm)!.length, 1);
    // Only the front-matter fences are bare `---` lines (a setext underline or fence is escaped).
    assert.equal(md.match(/^---$/gm)!.length, 2);
    assert.equal(md.match(/^\| a \| b \|$/gm), null);
    assert.doesNotMatch(md, /<script>/);
  });

  it('keeps NUL and control characters out of the file, even from a foreign events file', () => {
    const s = new Scenario();
    s.open();
    s.record({ type: 'note.added', text: 'a\u0000b\u001bc\r\nd' }, ALICE, s.at(1));
    const md = renderIncidentMarkdown(s.state);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(md, /[\u0000-\u0008\u000B-\u001F\r]/);
    assert.match(md, /a\uFFFDb\uFFFDc\n {2}d/);
  });

  it('renders a 1 MB note', () => {
    const s = new Scenario();
    s.open();
    s.act({ kind: 'note', text: 'x'.repeat(1024 * 1024) }, 1);
    assert.ok(renderIncidentMarkdown(s.state).length > 1024 * 1024);
  });

  it('escapes blocks reversibly', () => {
    for (const text of ['plain', '# h\n- [ ] t\n1. x\n2) y\n+ z\n=== \\ \\\\ \\#', '<!-- field: summary -->', '  - indented', 'a|b*c_d`e~f&g[h]', '']) {
      assert.equal(unescapeBlock(escapeBlock(text)), text);
    }
  });

  it('renders a state without an opening event without throwing', () => {
    assert.match(renderIncidentMarkdown([] as IncidentEvent[]), /^# Untitled incident$/m);
    assert.equal(renderIncidentMarkdown(reduceIncident([])), renderIncidentMarkdown([]));
  });
});
