import * as assert from 'node:assert/strict';
import { codes, diagnostic, native, parse, parseFixture } from './helpers';

const stepsOf = (text: string) => parse(text).stages.flatMap((s) => s.steps);

describe('runbook: steps', () => {
  it('reads the metadata comment: id, role, required, evidence, csf, attack, deadline', () => {
    const step = parseFixture('phishing.md').stages[1]!.steps[0]!;
    assert.deepEqual(
      { ...step, detail: undefined },
      {
        id: 'confirm-report', text: 'Confirm the report is a phishing email', detail: undefined, line: 19, required: true, role: 'analyst',
        evidenceRequired: true, csf: ['DE.AE-02', 'RS.AN-03'], attack: ['T1566.001', 'T1566.002'], deadline: '72h',
      },
    );
  });

  it('reads `evidence-required` as `evidence`, with the same flag values, and still rejects unknown keys', () => {
    const steps = stepsOf('## Detection\n- [ ] a <!-- evidence-required -->\n- [ ] b <!-- Evidence-Required: no -->\n- [ ] c <!-- evidence-required: yes; required -->\n');
    assert.deepEqual(steps.map((s) => [s.evidenceRequired, s.required]), [[true, false], [false, false], [true, true]]);
    const runbook = parse('## Detection\n- [ ] a <!-- evidence-required: maybe; evidence-needed -->\n');
    assert.match(diagnostic(runbook, 'step-meta-invalid')!.message, /^evidence-required is a flag: write just "evidence-required"\.$/);
    assert.equal(diagnostic(runbook, 'step-meta-unknown-key')?.line, 2);
  });

  it('takes the indented lines under a step as its detail, dedented, and a run block as its command', () => {
    const runbook = parseFixture('phishing.md');
    const confirm = runbook.stages[1]!.steps[0]!;
    assert.equal(confirm.detail, 'Look at headers, sender domain age, links. Indented text under a step is its detail.\n\n```kql\nEmailEvents | where SenderFromDomain == "example.com"\n```');
    assert.equal(confirm.command, undefined, 'a block without `run` is only detail');
    const block = runbook.stages[2]!.steps[0]!;
    assert.deepEqual(block.command, { language: 'sh', code: 'echo "block $FB_DOMAIN"\n', line: 29 });
  });

  it('warns about a second run block', () => {
    const runbook = parse('## Containment\n- [ ] a\n  ```sh run\n  x\n  ```\n  ```bash run\n  y\n  ```\n');
    assert.equal(runbook.stages[0]!.steps[0]!.command?.code, 'x\n');
    assert.equal(diagnostic(runbook, 'step-command-multiple')?.line, 6);
  });

  it('derives ids from the text, unique within the runbook, explicit ids winning', () => {
    const steps = stepsOf('## Detection\n- [ ] Check logs\n- [ ] Check logs\n- [ ] Café **résumé** [link](http://x)\n- [ ] other <!-- id: check-logs -->\n');
    assert.deepEqual(steps.map((s) => s.id), ['check-logs-2', 'check-logs-3', 'cafe-resume-link', 'check-logs']);
  });

  it('reports duplicate explicit ids and invalid ones', () => {
    const runbook = parse('## Detection\n- [ ] a <!-- id: same -->\n- [ ] b <!-- id: same -->\n- [ ] c <!-- id: Bad_Id -->\n');
    assert.equal(diagnostic(runbook, 'step-duplicate-id')?.line, 3);
    assert.equal(diagnostic(runbook, 'step-id-invalid')?.line, 4);
    assert.equal(new Set(runbook.stages[0]!.steps.map((s) => s.id)).size, 3);
  });

  it('reports unknown keys, malformed entries, bad CSF/ATT&CK ids, bad deadlines and undeclared roles', () => {
    const runbook = parse(native('roles: [analyst]', '# T\n## Detection\n- [ ] a <!-- colour: red; role; csf: XX-1, DE.AE-02; attack: 1566, T1566; deadline: soon; role: ghost -->\n'));
    for (const code of ['step-meta-unknown-key', 'step-meta-invalid', 'step-csf-invalid', 'step-attack-invalid', 'duration-invalid', 'role-unknown']) {
      assert.equal(diagnostic(runbook, code)?.line, 9, code);
    }
    const step = runbook.stages[0]!.steps[0]!;
    assert.deepEqual([step.csf, step.attack, step.role], [['DE.AE-02'], ['T1566'], 'ghost']);
  });

  it('recognises -, * and numbered task items, checked or not, and reports empty ones', () => {
    const runbook = parse('## Detection\n- [ ] a\n* [x] b\n1. [X] c\n2) [ ]\n- [] not a task\n');
    assert.deepEqual(runbook.stages[0]!.steps.map((s) => s.text), ['a', 'b', 'c', '']);
    assert.ok(codes(runbook).includes('step-text-empty'));
  });

  it('nested task items are steps of their own and not part of the parent detail', () => {
    const steps = stepsOf('## Containment\n- [ ] parent\n  parent detail\n  - [ ] child\n    child detail\n');
    assert.deepEqual(steps.map((s) => [s.text, s.detail]), [['parent', 'parent detail'], ['child', 'child detail']]);
  });

  it('finds {{placeholders}} and checks them against customise', () => {
    const text = native('customise: [siem_url, unused]', '# T\n## Detection\n- [ ] Open {{siem_url}}\n- [ ] Page {{ oncall }}\n');
    const team = parse(text);
    assert.deepEqual(team.placeholders, [{ name: 'siem_url', line: 9 }, { name: 'oncall', line: 10 }]);
    assert.equal(codes(team).filter((c) => c === 'placeholder-unfilled').length, 2);
    const builtin = parse(text, { builtin: true });
    assert.ok(!codes(builtin).includes('placeholder-unfilled'));
    assert.equal(diagnostic(builtin, 'placeholder-undeclared')?.line, 10);
    assert.ok(codes(builtin).includes('customise-unused'));
    assert.ok(!codes(team).includes('customise-unused'), 'a filled-in customise entry is the goal in a team copy');
  });

  it('counts {{placeholders}} in the front-matter (escalation contacts) as used, and reports them unfilled in a team copy', () => {
    const text = native('escalation: { SEV1: ["{{ciso-email}}"] }\nowners: ["{{team}}"]\ncustomise: [ciso-email, team, siem]', '# T\n## Detection\n- [ ] Open {{siem}}\n');
    const builtin = parse(text, { builtin: true });
    assert.deepEqual(builtin.placeholders, [{ name: 'ciso-email', line: 5 }, { name: 'team', line: 6 }, { name: 'siem', line: 11 }]);
    assert.deepEqual(codes(builtin), []);
    const team = parse(text);
    assert.deepEqual(team.diagnostics.filter((d) => d.code === 'placeholder-unfilled').map((d) => d.line), [5, 6, 11]);
    const undeclared = parse(text.replace('customise: [ciso-email, team, siem]', 'customise: [team, siem]'), { builtin: true });
    assert.equal(diagnostic(undeclared, 'placeholder-undeclared')?.line, 5);
  });
});
