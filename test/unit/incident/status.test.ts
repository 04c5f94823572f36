import * as assert from 'node:assert/strict';
import { buildRunbookAdded, incidentStatus, renderIncidentMarkdown, serializeEvent, sha256Hex, verifyIncidentFiles } from '../../../src/core/incident';
import { BOB, phishingRunbook, Scenario } from './fixtures';

describe('incident model: status view', () => {
  it('is plain JSON with counts, times and SLA at the given clock', () => {
    const s = new Scenario();
    s.open({ severity: 'SEV1', exercise: true });
    s.act({ kind: 'check', step: 'confirm-report' }, 1);
    s.act({ kind: 'na', step: 'find-recipients', reason: 'one recipient' }, 2);
    s.act({ kind: 'block', step: 'purge-mail' }, 3);
    s.act({ kind: 'assign', role: 'scribe', person: 'Bob' }, 4);
    const status = incidentStatus(s.state, s.at(120));
    const json = JSON.parse(JSON.stringify(status)) as typeof status;
    assert.deepEqual(json.steps, { total: 6, checked: 1, na: 1, blocked: 1, requiredOpen: 2 });
    assert.equal(json.exercise, true);
    assert.deepEqual(json.roles, { scribe: 'Bob' });
    assert.equal(json.commander, 'Alice Analyst');
    assert.deepEqual(json.sla.map((e) => [e.stage, e.status]), [['containment', 'missed'], ['recovery', 'pending']]);
    assert.equal(json.stages[0]!.steps[0]!.checked, true);
    assert.equal(json.lastEventAt, '2026-11-28T10:04:00.000Z');
  });
});

describe('incident model: verify with a second runbook', () => {
  it('checks the byte copy of a runbook that joined later', () => {
    const s = new Scenario();
    s.open();
    const bytes = new TextEncoder().encode('# BEC\n');
    s.record(buildRunbookAdded(s.state, { runbook: phishingRunbook({ id: 'bec' }), path: 'runbooks/bec.md', file: 'runbook-bec.md', sha256: sha256Hex(bytes) }).draft, BOB, s.at(1));
    const files = { eventsText: s.events.map(serializeEvent).join('\n'), incidentMd: renderIncidentMarkdown(s.events), runbookBytes: undefined, evidence: [] };
    assert.deepEqual(verifyIncidentFiles({ ...files, addedRunbooks: [{ file: 'runbook-bec.md', bytes }] }).map((p) => p.file), ['runbook.md']);
    const problems = verifyIncidentFiles({ ...files, addedRunbooks: [{ file: 'runbook-bec.md', bytes: new Uint8Array([0]) }] });
    assert.match(problems.find((p) => p.file === 'runbook-bec.md')!.message, /differs from its recorded SHA-256/);
    assert.match(verifyIncidentFiles(files).find((p) => p.file === 'runbook-bec.md')!.message, /missing \(runbook bec/);
  });
});
