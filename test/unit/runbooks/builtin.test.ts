// The ten built-in runbooks (issue 4): each lints clean, keeps the library's content promises, and
// runs end to end as a drill through the CLI.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseDurationMinutes } from '../../../src/core/runbook/duration';
import { CANONICAL_STAGES } from '../../../src/core/runbook/model';
import {
  drillStatus, fencedBlockCount, firebreak, headingAbove, loadBuiltin, makeDrillRepository, platformLabelCount, projectRoot, searchesLogs, SEVERITIES,
  stepById, stepCount, stepOrder, VARIANT_HEADING,
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

/** Where mail, chat or the identity provider may be compromised: the step that moves the response out of band. */
const OUT_OF_BAND_STEP: Readonly<Record<string, string>> = {
  phishing: 'assign-roles', 'account-compromise': 'out-of-band', 'business-email-compromise': 'go-out-of-band', ransomware: 'go-out-of-band',
};
/** The containment step that takes an account back, and the recovery step that returns it. */
const CREDENTIAL_STEPS: Readonly<Record<string, { readonly contain: string; readonly restore: string }>> = {
  phishing: { contain: 'revoke-sessions', restore: 'restore-accounts' },
  'account-compromise': { contain: 'revoke-and-reset', restore: 'restore-access' },
  'business-email-compromise': { contain: 'contain-mailbox', restore: 'restore-mailbox-access' },
};

describe('built-in runbooks: which steps count as searching logs', () => {
  it('catches log work without the word "log" and ignores steps that only act', () => {
    const searches = [
      'Review the alert\'s process tree in the EDR — done when the verdict is recorded',
      'Monitor restored systems with heightened EDR and logging for 30 days — done when rules exist',
      'Watch the old credential for two weeks: alert on any use of the revoked key id — done when live',
      'Search for and remove anything the person left behind — done when nothing is unexplained',
      'Keep elevated monitoring for 30 days — done when the rules are live',
      'Query CloudTrail for the key\'s calls — done when listed',
    ];
    const acts = [
      'Block sign-in, reset the password, then revoke all sessions — done when sign-in is blocked',
      'Isolate the host through the EDR — done when the console shows it isolated',
      'Purge every copy of the message — done when a repeat search returns no delivered copies',
      'Publish an acceptable-use and monitoring notice — done when acknowledged',
      'Isolate every other affected host found in the fleet hunt — done when isolated',
    ];
    for (const text of searches) assert.ok(searchesLogs(text), text);
    for (const text of acts) assert.ok(!searchesLogs(text), text);
  });
});

describe('built-in runbooks: the order an incident responder relies on', () => {
  it('ransomware runs the sanctions check before any step that discusses payment', () => {
    const { steps } = loadBuiltin('ransomware');
    const at = stepOrder(steps);
    const paymentSteps = steps.filter((step) => step.id !== 'sanctions-check' && /\b(?:pay(?:ing|ment)?|negotiat\w*)\b/i.test(step.text));
    assert.ok(paymentSteps.some((step) => step.id === 'record-payment-decision'), 'the payment decision step is gone or no longer says payment');
    for (const step of paymentSteps) assert.ok(at('sanctions-check') < at(step.id), `${step.id} comes before sanctions-check`);
  });

  it('ransomware lets live encryption skip memory capture: isolate first, capture afterwards', () => {
    const capture = stepById(loadBuiltin('ransomware').steps, 'capture-volatile');
    assert.match(capture.detail, /actively\s+spreading[\s\S]*isolate\s+now[\s\S]*capture\s+what\s+you\s+can\s+afterwards/);
    assert.match(capture.text, /— done when [\s\S]*isolation went first/);
  });

  it('leaked-secret revokes the secret straight after the volatile exports, before the usage analysis', () => {
    const at = stepOrder(loadBuiltin('leaked-secret').steps);
    assert.equal(at('revoke-secret'), at('preserve-volatile') + 1);
    assert.ok(at('revoke-secret') < at('credential-usage'));
  });

  for (const [id, stepId] of Object.entries(OUT_OF_BAND_STEP)) {
    it(`${id} moves to an out-of-band channel during detection`, () => {
      const detection = loadBuiltin(id).runbook.stages.find((stage) => stage.canonical === 'detection')!;
      assert.match(stepById(detection.steps, stepId).text, /out-of-band/);
    });
  }

  for (const [id, { contain, restore }] of Object.entries(CREDENTIAL_STEPS)) {
    it(`${id} blocks sign-in, then resets the password, then revokes sessions, and re-enables with MFA later`, () => {
      const { steps } = loadBuiltin(id);
      const action = stepById(steps, contain).text.split(' — done when ')[0];
      const block = action.search(/\b(?:block sign-in|disable)\b/i);
      const reset = action.search(/\breset\b/i);
      const revoke = action.search(/\brevoke\b/i);
      assert.ok(block >= 0 && block < reset && reset < revoke, `${contain}: block ${block}, reset ${reset}, revoke ${revoke}`);
      assert.match(stepById(steps, contain).detail, /Why the order/);
      const at = stepOrder(steps);
      assert.ok(at(contain) < at(restore), `${restore} comes before ${contain}`);
      assert.match(stepById(steps, restore).text, /^Re-enable sign-in\b.*\bMFA\b/);
    });
  }
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

    it('names the cyber insurer and law enforcement in its steps', () => {
      const said = steps.map((step) => `${step.text}\n${step.detail}`).join('\n');
      assert.match(said, /\binsurer\b/i);
      assert.match(said, /\blaw[- ]enforcement\b|\bIC3\b|\bAction Fraud\b|\bpolice\b/i);
    });

    it('keeps required steps on the always-path, not inside a conditional variant', () => {
      const inVariant = steps.filter((step) => step.required && VARIANT_HEADING.test(headingAbove(source, step.line)));
      assert.deepEqual(inVariant.map((step) => `${step.id} (${headingAbove(source, step.line)})`), []);
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
