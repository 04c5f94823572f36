// The built-in runbooks for leaked secrets, data exfiltration, insider threat, denial of service and
// anything else (issue 4): each must lint clean and hold to the library's content rules.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../src/cli/main';
import { parseDurationMinutes } from '../../../src/core/runbook/duration';
import { CANONICAL_STAGES, type Runbook, type Step } from '../../../src/core/runbook/model';
import { parseRunbook } from '../../../src/core/runbook/parse';

const projectRoot = path.join(__dirname, '../../..');
const RUNBOOK_IDS = ['leaked-secret', 'data-exfiltration', 'insider-threat', 'denial-of-service', 'generic'];
const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
const RESPONSE_STAGES = CANONICAL_STAGES.filter((stage) => stage !== 'preparation');
// A fixed clock, so the stale-review rule never depends on the day the tests run.
const NOW = new Date('2026-11-28T00:00:00Z');

/** Steps that send a responder to logs must show how to search them on at least two platforms. */
const MENTIONS_LOGS = /\blogs?\b|audit trail|sign-in/i;

function allSteps(runbook: Runbook): Step[] {
  return runbook.stages.flatMap((stage) => stage.steps);
}

function fencedBlockCount(detail: string): number {
  const fences = detail.split('\n').filter((line) => /^\s*(```|~~~)/.test(line)).length;
  return Math.floor(fences / 2);
}

function boldLabelCount(detail: string): number {
  return detail.split('\n').filter((line) => /^\s*\*\*[^*]+:\*\*\s*$/.test(line)).length;
}

/** Runs the CLI in-process in `cwd`, collecting what it prints. */
async function firebreak(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

function makeDrillRepository(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-drill-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.name', 'Drill Runner');
  git('config', 'user.email', 'drill@example.com');
  git('config', 'commit.gpgsign', 'false');
  git('commit', '-q', '--allow-empty', '-m', 'Start the drill repository');
  return dir;
}

interface DrillStatus {
  readonly status: string;
  readonly exercise: boolean;
  readonly steps: { readonly total: number; readonly checked: number; readonly requiredOpen: number };
  readonly stages: readonly { readonly id: string; readonly steps: readonly { readonly id: string }[] }[];
}

async function drillStatus(repo: string, incident: string): Promise<DrillStatus> {
  const result = await firebreak(repo, 'status', incident, '--json');
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as DrillStatus;
}

for (const id of RUNBOOK_IDS) {
  describe(`built-in runbook ${id}`, () => {
    const file = path.join('runbooks', `${id}.md`);
    const source = fs.readFileSync(path.join(projectRoot, file), 'utf8');
    const runbook = parseRunbook(source, { file, now: NOW, builtin: true });
    const steps = allSteps(runbook);

    it('lints with no error or warning', () => {
      const problems = runbook.diagnostics
        .filter((d) => d.severity !== 'info')
        .map((d) => `${file}:${d.line}: ${d.severity} ${d.code}: ${d.message}`);
      assert.deepEqual(problems, []);
    });

    it('is a native runbook whose id is its file name', () => {
      assert.equal(runbook.format, 'native');
      assert.equal(runbook.id, id);
      assert.equal(runbook.version, 1);
      assert.ok(runbook.severity !== undefined && SEVERITIES.includes(runbook.severity));
    });

    it('has the seven canonical stages in lifecycle order and nothing else', () => {
      assert.deepEqual(runbook.stages.map((s) => s.canonical), [...CANONICAL_STAGES]);
    });

    it('has a readiness checklist of 5 to 10 steps and at least 3 steps in every response stage', () => {
      const count = (stage: string) => runbook.stages.find((s) => s.id === stage)?.steps.length ?? 0;
      const preparation = count('preparation');
      assert.ok(preparation >= 5 && preparation <= 10, `preparation has ${preparation} steps`);
      for (const stage of RESPONSE_STAGES) assert.ok(count(stage) >= 3, `${stage} has ${count(stage)} steps`);
    });

    it('stays usable under pressure: at most 65 steps and 12 required', () => {
      assert.ok(steps.length <= 65, `${steps.length} steps`);
      const required = steps.filter((s) => s.required).length;
      assert.ok(required >= 1 && required <= 12, `${required} required steps`);
    });

    it('gives every step an explicit, unique id', () => {
      const explicitIds = [...source.matchAll(/<!--\s*id:\s*([a-z0-9-]+)/g)].map((m) => m[1]);
      assert.deepEqual(steps.map((s) => s.id), explicitIds);
      assert.equal(new Set(explicitIds).size, explicitIds.length);
    });

    it('assigns every step a role declared in front-matter, and declares the incident roles', () => {
      for (const role of ['commander', 'scribe', 'comms']) assert.ok(runbook.roles.includes(role), role);
      for (const step of steps) assert.ok(step.role !== undefined && runbook.roles.includes(step.role), `${step.id}: ${step.role}`);
    });

    it('says how a responder knows each step is done', () => {
      for (const step of steps) assert.match(step.text, /— done when /, step.id);
    });

    it('has a containment and recovery SLA and escalation contacts for every severity', () => {
      for (const severity of SEVERITIES) {
        const sla = runbook.sla[severity];
        assert.ok(sla, `no SLA for ${severity}`);
        const containment = parseDurationMinutes(sla.containment ?? '');
        const recovery = parseDurationMinutes(sla.recovery ?? '');
        assert.ok(containment !== undefined && recovery !== undefined, `${severity}: ${JSON.stringify(sla)}`);
        assert.ok(containment < recovery, `${severity}: containment must come before recovery`);
        assert.ok((runbook.escalation[severity] ?? []).length >= 1, `no escalation for ${severity}`);
      }
      assert.ok(parseDurationMinutes(runbook.review?.every ?? '') !== undefined);
    });

    it('puts regulatory and contractual clocks on steps as deadlines that parse', () => {
      const deadlines = steps.filter((s) => s.deadline !== undefined);
      assert.ok(deadlines.length >= 1, 'no step carries a deadline');
      for (const step of deadlines) assert.ok(parseDurationMinutes(step.deadline!) !== undefined, `${step.id}: ${step.deadline}`);
    });

    it('gives every step that mentions logs example queries for at least two platforms', () => {
      const logSteps = steps.filter((s) => MENTIONS_LOGS.test(s.text));
      assert.ok(logSteps.length >= 1, 'no step searches logs: the check would be vacuous');
      for (const step of logSteps) {
        assert.ok(fencedBlockCount(step.detail) >= 2, `${step.id} has ${fencedBlockCount(step.detail)} query blocks`);
        assert.ok(boldLabelCount(step.detail) >= 2, `${step.id} does not label two platforms`);
      }
    });

    it('carries no runnable command block (queries are examples, not automation)', () => {
      for (const step of steps) assert.equal(step.command, undefined, step.id);
    });

    it('tags steps with NIST CSF 2.0 and MITRE ATT&CK ids', () => {
      assert.ok(steps.every((s) => s.csf.length >= 1), 'a step has no CSF subcategory');
      assert.ok(steps.some((s) => s.attack.length >= 1), 'no step has an ATT&CK technique');
    });

    it('lists every placeholder it uses in customise, and nothing more', () => {
      const used = [...new Set(runbook.placeholders.map((p) => p.name))].sort();
      assert.deepEqual([...runbook.customise].sort(), used);
    });

    it('runs end to end as a CLI drill: start, check every step in order with a note, close, verify', async function () {
      this.timeout(120_000);
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
        assert.equal(status.steps.total, steps.length - runbook.stages[0]!.steps.length);
        const verified = await firebreak(repo, 'verify', incident);
        assert.equal(verified.code, 0, verified.stdout + verified.stderr);
      } finally {
        fs.rmSync(repo, { recursive: true, force: true });
      }
    });

    it('ends with references to NIST SP 800-61r3 and the CISA playbooks', () => {
      const references = source.slice(source.lastIndexOf('\n## References'));
      assert.match(references, /csrc\.nist\.gov\/pubs\/sp\/800\/61\/r3/);
      assert.match(references, /cisa\.gov\/.*playbooks/);
    });
  });
}
