// The ten built-in runbooks (issue 4): each lints clean, keeps the library's content promises, and
// runs end to end as a drill through the CLI.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDurationMinutes } from '../../../src/core/runbook/duration';
import { CANONICAL_STAGES } from '../../../src/core/runbook/model';
import {
  drillStatus, fencedBlockCount, firebreak, loadBuiltin, makeDrillRepository, platformLabelCount, searchesLogs, projectRoot, SEVERITIES, stepCount,
} from './builtinChecks';

const RUNBOOK_IDS = [
  'phishing', 'malware-endpoint', 'ransomware', 'account-compromise', 'business-email-compromise',
  'leaked-secret', 'data-exfiltration', 'insider-threat', 'denial-of-service', 'generic',
];
/** Steps with a run block, reviewed as safe and read-only (README "Runnable steps"). */
const REVIEWED_COMMANDS: Readonly<Record<string, readonly string[]>> = { 'malware-endpoint': ['snapshot-linux-volatile'] };
const RESPONSE_STAGES = CANONICAL_STAGES.filter((stage) => stage !== 'preparation');

describe('built-in runbooks: the library', () => {
  it('holds exactly the ten runbooks this suite checks', () => {
    const files = fs.readdirSync(path.join(projectRoot, 'runbooks')).filter((name) => name.endsWith('.md'));
    assert.deepEqual(files.map((name) => name.replace(/\.md$/, '')).sort(), [...RUNBOOK_IDS].sort());
  });
});

for (const id of RUNBOOK_IDS) {
  describe(`built-in runbook: ${id}`, () => {
    const { file, source, runbook, steps } = loadBuiltin(id);

    it('lints with no error and no warning', () => {
      const findings = runbook.diagnostics
        .filter((d) => d.severity !== 'info')
        .map((d) => `${file}:${d.line}: ${d.severity} ${d.code}: ${d.message}`);
      assert.deepEqual(findings, []);
    });

    it('is native, named after its file, with a positive integer version and a default severity', () => {
      assert.equal(runbook.format, 'native');
      assert.equal(runbook.id, id);
      assert.ok(Number.isInteger(runbook.version) && runbook.version! >= 1, `version ${runbook.version}`);
      assert.ok(SEVERITIES.includes(runbook.severity ?? ''), `severity ${runbook.severity}`);
    });

    it('holds exactly the canonical stages, in lifecycle order', () => {
      assert.deepEqual(runbook.stages.map((stage) => stage.canonical), [...CANONICAL_STAGES]);
    });

    it('has 5–10 readiness steps and at least 3 steps in each response stage', () => {
      const readiness = stepCount(runbook, 'preparation');
      assert.ok(readiness >= 5 && readiness <= 10, `preparation: ${readiness}`);
      for (const stage of RESPONSE_STAGES) assert.ok(stepCount(runbook, stage) >= 3, `${stage}: ${stepCount(runbook, stage)}`);
    });

    it('stays short enough to use under pressure (≤ 65 steps, 1–12 required)', () => {
      const required = steps.filter((step) => step.required).length;
      assert.ok(steps.length <= 65, `${steps.length} steps`);
      assert.ok(required >= 1 && required <= 12, `${required} required`);
    });

    it('gives every step a stable explicit id, unique in the runbook', () => {
      const written = [...source.matchAll(/<!--\s*id:\s*([a-z0-9-]+)/g)].map((match) => match[1]);
      assert.deepEqual(steps.map((step) => step.id), written);
      assert.equal(new Set(written).size, written.length);
    });

    it('declares the incident roles and puts every step on a declared role', () => {
      for (const role of ['commander', 'scribe', 'comms']) assert.ok(runbook.roles.includes(role), `missing role ${role}`);
      for (const step of steps) assert.ok(step.role !== undefined && runbook.roles.includes(step.role), `${step.id}: role ${step.role}`);
    });

    it('starts each step with a verb phrase and says how you know it is done', () => {
      for (const step of steps) {
        assert.match(step.text, /^[A-Z][a-z]+(?:-[a-z]+)? /, step.id); // Check, Re-enable, Pre-approve
        assert.match(step.text, /— done when /, step.id);
      }
    });

    it('has parseable containment and recovery SLAs and escalation contacts for SEV1–SEV4', () => {
      for (const severity of SEVERITIES) {
        const sla = runbook.sla[severity] ?? {};
        const containment = parseDurationMinutes(sla['containment'] ?? '');
        const recovery = parseDurationMinutes(sla['recovery'] ?? '');
        assert.ok(containment !== undefined && recovery !== undefined, `${severity}: ${JSON.stringify(sla)}`);
        assert.ok(containment < recovery, `${severity}: containment must come before recovery`);
        assert.ok((runbook.escalation[severity] ?? []).length > 0, `${severity}: no escalation`);
      }
      assert.notEqual(parseDurationMinutes(runbook.review?.every ?? ''), undefined);
    });

    it('puts notification clocks on steps as deadlines that parse', () => {
      const clocked = steps.filter((step) => step.deadline !== undefined);
      assert.ok(clocked.length > 0, 'no step has a deadline');
      for (const step of clocked) assert.notEqual(parseDurationMinutes(step.deadline ?? ''), undefined, `${step.id}: ${step.deadline}`);
    });

    it('shows labelled example queries for two platforms on every step that mentions logs', () => {
      const logSteps = steps.filter((step) => searchesLogs(step.text));
      assert.ok(logSteps.length >= 1, 'no step searches logs: the check would be vacuous');
      for (const step of logSteps) {
        assert.ok(fencedBlockCount(step.detail) >= 2, `${step.id}: ${fencedBlockCount(step.detail)} query blocks`);
        assert.ok(platformLabelCount(step.detail) >= 2, `${step.id}: ${platformLabelCount(step.detail)} platform labels`);
      }
    });

    it('runs only its reviewed read-only commands (queries are examples, not automation)', () => {
      assert.deepEqual(steps.filter((step) => step.command !== undefined).map((step) => step.id), REVIEWED_COMMANDS[id] ?? []);
      for (const step of steps.filter((s) => s.command !== undefined)) {
        // Nothing that writes, deletes, signals or reaches out: stderr to /dev/null is the one redirect.
        assert.doesNotMatch(step.command!.code.replaceAll('2>/dev/null', ''), /[>]|\b(?:rm|mv|cp|dd|tee|kill|pkill|chmod|chown|curl|wget|shutdown|reboot|iptables)\b/, step.id);
      }
    });

    it('maps every step to NIST CSF 2.0 and some steps to MITRE ATT&CK', () => {
      assert.deepEqual(steps.filter((step) => step.csf.length === 0).map((step) => step.id), []);
      assert.ok(steps.some((step) => step.attack.length > 0), 'no step has an ATT&CK technique');
    });

    it('lists exactly the placeholders it uses (front-matter and body) in customise', () => {
      const used = [...new Set(runbook.placeholders.map((p) => p.name))].sort();
      assert.deepEqual([...runbook.customise].sort(), used);
    });

    it('ends with references including NIST SP 800-61r3 and the CISA playbooks', () => {
      const references = source.slice(source.lastIndexOf('\n## References'));
      assert.ok(references.startsWith('\n## References'), 'no References section');
      assert.match(references, /csrc\.nist\.gov\/pubs\/sp\/800\/61\/r3/);
      assert.match(references, /cisa\.gov\/[^)]*playbooks/);
    });

    it('runs end to end as a CLI drill: start, check every step in order with a note, close, verify', async function () {
      this.timeout(180_000);
      const repo = makeDrillRepository();
      try {
        const started = await firebreak(repo, 'start', path.join(projectRoot, file), '--title', `Drill of ${id}`, '--exercise');
        assert.equal(started.code, 0, started.stderr);
        const incident = started.stdout.trim().split('\n').pop()!;
        const stages = (await drillStatus(repo, incident)).stages;
        assert.deepEqual(stages.map((s) => s.id), RESPONSE_STAGES, 'an incident starts at detection');
        for (const [index, stage] of stages.entries()) {
          for (const step of stage.steps) {
            const checked = await firebreak(repo, 'check', incident, step.id, '--note', `Drill: ${step.id} done`);
            assert.equal(checked.code, 0, `${step.id}: ${checked.stderr}`);
          }
          if (index < stages.length - 1) assert.equal((await firebreak(repo, 'advance', incident)).code, 0);
        }
        const closed = await firebreak(repo, 'close', incident);
        assert.equal(closed.code, 0, closed.stderr);
        assert.doesNotMatch(closed.stderr, /unchecked/, 'closing warned about unchecked required steps');
        const status = await drillStatus(repo, incident);
        assert.equal(status.status, 'closed');
        assert.equal(status.exercise, true);
        assert.equal(status.steps.checked, status.steps.total);
        assert.equal(status.steps.total, steps.length - stepCount(runbook, 'preparation'));
        const verified = await firebreak(repo, 'verify', incident);
        assert.equal(verified.code, 0, verified.stdout + verified.stderr);
      } finally {
        fs.rmSync(repo, { recursive: true, force: true });
      }
    });
  });
}
