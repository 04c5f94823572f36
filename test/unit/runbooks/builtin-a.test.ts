// The built-in runbooks for phishing, malware on an endpoint, ransomware, account compromise and
// business email compromise (issue 4): each lints clean and keeps the library's content promises.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDurationMinutes } from '../../../src/core/runbook/duration';
import { CANONICAL_STAGES, type Runbook, type Step } from '../../../src/core/runbook/model';
import { parseRunbook } from '../../../src/core/runbook/parse';

const projectRoot = path.join(__dirname, '../../..');
const OWNED_RUNBOOKS = ['phishing', 'malware-endpoint', 'ransomware', 'account-compromise', 'business-email-compromise'];
const SEVERITY_LEVELS = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
// Fixed, so the stale-review rule gives the same answer whatever day the suite runs.
const FIXED_CLOCK = new Date('2026-11-28T00:00:00Z');
const LOG_WORDING = /\blogs?\b|audit trail|sign-in/i;
const PLATFORM_LABEL = /^\s*\*\*[^*]+:\*\*\s*$/;
const FENCE = /^\s*(```|~~~)/;

interface LoadedRunbook {
  readonly file: string;
  readonly source: string;
  readonly runbook: Runbook;
  readonly steps: readonly Step[];
}

function load(id: string): LoadedRunbook {
  const file = path.join('runbooks', `${id}.md`);
  const source = fs.readFileSync(path.join(projectRoot, file), 'utf8');
  const runbook = parseRunbook(source, { file, now: FIXED_CLOCK, builtin: true });
  return { file, source, runbook, steps: runbook.stages.flatMap((stage) => stage.steps) };
}

/** Fenced blocks in a step's detail: opening and closing fence lines, paired. */
function codeBlocksIn(detail: string): number {
  return Math.floor(detail.split('\n').filter((line) => FENCE.test(line)).length / 2);
}

function platformLabelsIn(detail: string): number {
  return detail.split('\n').filter((line) => PLATFORM_LABEL.test(line)).length;
}

function stepCount(runbook: Runbook, stageId: string): number {
  return runbook.stages.find((stage) => stage.id === stageId)?.steps.length ?? 0;
}

for (const id of OWNED_RUNBOOKS) {
  describe(`built-in runbook: ${id}`, () => {
    const { file, source, runbook, steps } = load(id);

    it('lints with no error and no warning', () => {
      const findings = runbook.diagnostics
        .filter((d) => d.severity === 'error' || d.severity === 'warning')
        .map((d) => `${file}:${d.line} ${d.severity} ${d.code} ${d.message}`);
      assert.deepEqual(findings, []);
    });

    it('is native, named after its file, at version 1 with a default severity', () => {
      assert.equal(runbook.format, 'native');
      assert.equal(runbook.id, id);
      assert.equal(runbook.version, 1);
      assert.ok(SEVERITY_LEVELS.includes(runbook.severity ?? ''), `severity ${runbook.severity}`);
    });

    it('holds exactly the canonical stages, in order', () => {
      assert.deepEqual(
        runbook.stages.map((stage) => stage.canonical),
        [...CANONICAL_STAGES],
      );
    });

    it('has 5–10 readiness steps and at least 3 steps in each response stage', () => {
      const readiness = stepCount(runbook, 'preparation');
      assert.ok(readiness >= 5 && readiness <= 10, `preparation: ${readiness}`);
      for (const stage of CANONICAL_STAGES.slice(1)) {
        assert.ok(stepCount(runbook, stage) >= 3, `${stage}: ${stepCount(runbook, stage)}`);
      }
    });

    it('stays short enough to use under pressure (≤ 65 steps, ≤ 12 required)', () => {
      const required = steps.filter((step) => step.required).length;
      assert.ok(steps.length <= 65, `${steps.length} steps`);
      assert.ok(required >= 1 && required <= 12, `${required} required`);
    });

    it('gives every step a stable explicit id, unique in the runbook', () => {
      const written = [...source.matchAll(/<!--\s*id:\s*([a-z0-9-]+)/g)].map((match) => match[1]);
      assert.deepEqual(steps.map((step) => step.id), written);
      assert.equal(new Set(written).size, written.length);
    });

    it('puts every step on a role that the front-matter declares', () => {
      for (const role of ['commander', 'scribe', 'comms']) assert.ok(runbook.roles.includes(role), `missing role ${role}`);
      for (const step of steps) {
        assert.ok(step.role !== undefined && runbook.roles.includes(step.role), `${step.id}: role ${step.role}`);
      }
    });

    it('starts each step with a verb phrase and says when it is done', () => {
      for (const step of steps) {
        assert.match(step.text, /^[A-Z][a-z]+ /, step.id);
        assert.match(step.text, /— done when /, step.id);
      }
    });

    it('has parseable containment and recovery SLAs and escalation contacts for SEV1–SEV4', () => {
      for (const severity of SEVERITY_LEVELS) {
        const sla = runbook.sla[severity] ?? {};
        const containment = parseDurationMinutes(sla['containment'] ?? '');
        const recovery = parseDurationMinutes(sla['recovery'] ?? '');
        assert.ok(containment !== undefined, `${severity} containment ${sla['containment']}`);
        assert.ok(recovery !== undefined, `${severity} recovery ${sla['recovery']}`);
        assert.ok(containment < recovery, `${severity}: containment after recovery`);
        assert.ok((runbook.escalation[severity] ?? []).length > 0, `${severity}: no escalation`);
      }
      assert.notEqual(parseDurationMinutes(runbook.review?.every ?? ''), undefined);
    });

    it('carries at least one notification clock, and every deadline parses', () => {
      const clocked = steps.filter((step) => step.deadline !== undefined);
      assert.ok(clocked.length > 0, 'no step has a deadline');
      for (const step of clocked) {
        assert.notEqual(parseDurationMinutes(step.deadline ?? ''), undefined, `${step.id}: ${step.deadline}`);
      }
    });

    it('shows labelled example queries for two platforms on every step that mentions logs', () => {
      for (const step of steps.filter((candidate) => LOG_WORDING.test(candidate.text))) {
        assert.ok(codeBlocksIn(step.detail) >= 2, `${step.id}: ${codeBlocksIn(step.detail)} code blocks`);
        assert.ok(platformLabelsIn(step.detail) >= 2, `${step.id}: ${platformLabelsIn(step.detail)} platform labels`);
      }
    });

    it('marks no code block as runnable automation', () => {
      assert.deepEqual(steps.filter((step) => step.command !== undefined).map((step) => step.id), []);
    });

    it('maps every step to NIST CSF 2.0 and some steps to MITRE ATT&CK', () => {
      assert.deepEqual(steps.filter((step) => step.csf.length === 0).map((step) => step.id), []);
      assert.ok(steps.some((step) => step.attack.length > 0));
    });

    it('declares exactly the placeholders it uses in customise', () => {
      const used = [...new Set(runbook.placeholders.map((p) => p.name))].sort();
      assert.deepEqual([...runbook.customise].sort(), used);
    });

    it('ends with references including NIST SP 800-61r3 and the CISA playbooks', () => {
      const references = source.slice(source.lastIndexOf('\n## References'));
      assert.ok(references.startsWith('\n## References'), 'no References section');
      assert.match(references, /csrc\.nist\.gov\/pubs\/sp\/800\/61\/r3/);
      assert.match(references, /cisa\.gov\/[^)]*playbooks/);
    });
  });
}
