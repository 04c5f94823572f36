import * as assert from 'node:assert/strict';
import { buildEvidenceAdded, evidenceIdFor, renderIncidentMarkdown, serializeEvent, sha256Hex, verifyAgainstBase, verifyIncidentFiles } from '../../../src/core/incident';
import { ALICE, Scenario } from './fixtures';

const MAIL = evidenceIdFor('mail.eml', sha256Hex('mail'));
const RUNBOOK = new TextEncoder().encode('# Phishing email response\n');

function incident() {
  const s = new Scenario();
  s.open();
  // The fixture opening records sha256 'a'*64: rewrite it to the hash of our runbook bytes.
  const opening = s.events[0] as { runbook: { sha256: string } };
  opening.runbook.sha256 = sha256Hex(RUNBOOK);
  s.act({ kind: 'check', step: 'confirm-report' }, 1);
  s.record(buildEvidenceAdded(s.state, { name: 'mail.eml', sha256: sha256Hex('mail'), size: 4 }).draft, ALICE, s.at(2));
  const eventsText = s.events.map(serializeEvent).join('\n') + '\n';
  return {
    s,
    files: { eventsText, incidentMd: renderIncidentMarkdown(s.events), runbookBytes: RUNBOOK, evidence: [{ name: MAIL, sha256: sha256Hex('mail') }] },
  };
}

describe('incident model: verify (pure half)', () => {
  it('passes a consistent incident', () => {
    assert.deepEqual(verifyIncidentFiles(incident().files), []);
  });

  it('names the file and line of each problem', () => {
    const { files } = incident();
    const lines = files.eventsText.split('\n');
    const problems = verifyIncidentFiles({
      eventsText: [lines[0], lines[1], lines[1], '{oops', lines[2], ''].join('\n'),
      incidentMd: files.incidentMd.replace('- [ ] Block', '- [x] Block'),
      runbookBytes: new TextEncoder().encode('changed'),
      evidence: [{ name: MAIL, sha256: sha256Hex('other') }, { name: 'stray.bin', sha256: sha256Hex('x') }],
    });
    const simplified = problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`);
    assert.match(simplified[0]!, /^events\.jsonl:4 not valid JSON/);
    assert.match(simplified[1]!, /^events\.jsonl:3 event id \w+ repeats \(first on line 2\)/);
    assert.ok(simplified.some((p) => /^runbook\.md: differs from its recorded SHA-256/.test(p)));
    assert.ok(simplified.some((p) => p.startsWith(`evidence/${MAIL}: differs`)));
    assert.ok(simplified.some((p) => /^evidence\/stray\.bin: not recorded/.test(p)));
  });

  it('fails on an unreconciled hand edit of incident.md and says to run reconcile', () => {
    const { files } = incident();
    const problems = verifyIncidentFiles({ ...files, incidentMd: files.incidentMd.replace('- [ ] Block', '- [x] Block') });
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.file, 'incident.md');
    assert.match(problems[0]!.message, /firebreak reconcile/);
    assert.ok(problems[0]!.line! > 1);
  });

  it('reports missing files and a log without an opening', () => {
    const problems = verifyIncidentFiles({ eventsText: '', incidentMd: undefined, runbookBytes: undefined, evidence: [] });
    assert.deepEqual(problems.map((p) => p.file), ['events.jsonl', 'incident.md']);
  });

  it('bounds the number of problems', () => {
    const problems = verifyIncidentFiles({ eventsText: 'x\n'.repeat(1000), incidentMd: '', runbookBytes: undefined, evidence: [] });
    assert.equal(problems.length, 50);
    assert.match(problems.at(-1)!.message, /and \d+ more problems/);
  });

  it('checks append-only against a base: edited, removed events and a changed runbook fail; appends pass', () => {
    const { s, files } = incident();
    const base = files.eventsText;
    s.act({ kind: 'note', text: 'later' }, 5);
    const appended = s.events.map(serializeEvent).join('\n') + '\n';
    assert.deepEqual(verifyAgainstBase({ baseEventsText: base, eventsText: appended, baseRunbookBytes: RUNBOOK, runbookBytes: RUNBOOK }), []);
    const lines = appended.split('\n');
    const edited = [lines[0]!.replace('Phishing wave', 'Nothing'), lines[2], lines[3], ''].join('\n');
    const problems = verifyAgainstBase({ baseEventsText: base, eventsText: edited, baseRunbookBytes: RUNBOOK, runbookBytes: new Uint8Array([1]) });
    assert.deepEqual(problems.map((p) => p.message.replace(/event [0-9A-Z]{26}/, 'event X')), [
      'the opening event was changed: events are append-only',
      'event X (base line 2) was removed: events are append-only',
      'changed since the base: the runbook copy is immutable',
    ]);
  });
});
