import * as assert from 'node:assert/strict';
import { recogniseStage, stripLabels } from '../../../src/core/runbook/stageNames';
import { codes, diagnostic, native, parse, parseFixture } from './helpers';

const summary = (text: string, file = 'x.md') => parse(text, { file }).stages.map((s) => [s.canonical ?? s.id, s.steps.map((x) => x.text)]);

describe('runbook: stage recognition', () => {
  const cases: [string, string | undefined][] = [
    ['Preparation', 'preparation'], ['Pre-incident readiness', 'preparation'], ['Readiness', 'preparation'],
    ['Identification', 'detection'], ['(I) Identification', 'detection'], ['Triage', 'detection'], ['Declare', 'detection'],
    ['Detect & Analyze', 'analysis'], ['Part 2 — Detect & Analyse', 'analysis'], ['Detection and Analysis', 'analysis'],
    ['Investigate', 'analysis'], ['Assessment', 'analysis'], ['Diagnosis', 'analysis'], ['Scoping', 'analysis'],
    ['Part 3 — Contain', 'containment'], ['**Part 2**: Contain the Incident', 'containment'], ['3.2 Mitigation', 'containment'], ['Isolation', 'containment'],
    ['Part 4 — Eradicate & Recover', 'eradication'], ['Remediation', 'eradication'], ['Clean-up', 'eradication'],
    ['Recover from the Incident', 'recovery'], ['Restoration', 'recovery'], ['Return to operations', 'recovery'], ['Part 4b — Recover', 'recovery'],
    ['Lessons Learned', 'post-incident'], ['(L) Lessons Learned', 'post-incident'], ['Lessons/Opportunities for improvement', 'post-incident'],
    ['Post-Incident Activity', 'post-incident'], ['Postmortem', 'post-incident'], ['Follow-up', 'post-incident'], ['Retrospective', 'post-incident'],
    ['Phase two: Containment', 'containment'], ['C. Containment', 'containment'], ['4.x <Recovery steps>', 'recovery'], ['Incident Triage', 'detection'],
    ['Containment, Eradication & Recovery', 'containment'], ['Part 1: Acquire, Preserve, Document Evidence', 'analysis'], ['Evidence collection', 'analysis'],
    ['Step 6: Aftermath', 'post-incident'], ['After-Action Review', 'post-incident'], ['Incident Closure', 'post-incident'], ['Root Cause Analysis', 'analysis'],
    ['Short-term containment', 'containment'], ['Long-term Containment', 'containment'], ['System Restoration', 'recovery'], ['Step 4: Remediation', 'eradication'],
    ['Overview', undefined], ['Appendix A — Investigation Resources', undefined], ['References', undefined], ['Containers', undefined],
    ['Preparing the toolbox', undefined], ['Root Cause Identification', undefined], ['Meaning', undefined], ['<Type of Incident>', undefined],
  ];
  for (const [heading, expected] of cases) {
    it(`${JSON.stringify(heading)} → ${expected ?? 'not a stage'}`, () => {
      assert.equal(recogniseStage(heading)?.canonical, expected);
    });
  }

  it('strips numbering and labels', () => {
    assert.equal(stripLabels('Part 3 — Contain'), 'Contain');
    assert.equal(stripLabels('3.2 Containment Actions'), 'Containment Actions');
    assert.equal(stripLabels('(C) Containment'), 'Containment');
    assert.equal(stripLabels('**Part 1**: Acquire'), 'Acquire');
  });
});

describe('runbook: stages and steps of imported playbooks', () => {
  it('maps AWS-style parts, nested stage headings and the appendix', () => {
    const runbook = parseFixture('aws-style.md');
    assert.deepEqual(runbook.stages.map((s) => [s.id, s.canonical, s.steps.length]), [
      ['preparation', 'preparation', 1],
      ['analysis', 'analysis', 1],
      ['containment', 'containment', 1],
      ['eradication', 'eradication', 1],
      ['recovery', 'recovery', 2],
      ['post-incident', 'post-incident', 1],
      ['appendix-a-investigation-resources', null, 1],
    ]);
    assert.equal(runbook.stages[0]!.title, 'Part 1 — Prepare');
    assert.equal(runbook.stages[0]!.line, 9);
  });

  it('a task item in a code block is not a step, and a # comment in one is not a heading', () => {
    const runbook = parseFixture('aws-style.md');
    const all = runbook.stages.flatMap((s) => s.steps.map((x) => x.text));
    assert.ok(!all.some((t) => t.includes('inside a code block')));
    assert.ok(!runbook.stages.some((s) => /Identify the key owner/.test(s.title)));
  });

  it('reads bold paragraph labels as stages and list items under them as steps', () => {
    const runbook = parseFixture('picerl-bold-labels.md');
    assert.deepEqual(runbook.stages.map((s) => s.canonical), ['preparation', 'detection', 'containment', 'eradication', 'recovery', 'post-incident']);
    assert.deepEqual(runbook.stages[1]!.steps.map((s) => s.text), ['Check EDR alerts', 'Identify patient zero']);
    assert.equal(runbook.stages[1]!.steps[0]!.detail, '- nested detail about EDR');
    assert.ok(!runbook.stages.flatMap((s) => s.steps).some((s) => s.text.includes('example.com')), 'References closes the last stage');
  });

  it('a stage heading nested under another stage closes it (#### Contain under ### Remediate)', () => {
    assert.deepEqual(summary('### Remediate\n- [ ] a\n#### Contain\n- [ ] b\n#### Notes\n- [ ] c\n### Appendix\n- [ ] d\n'), [
      ['eradication', ['a']],
      ['containment', ['b', 'c']],
      ['appendix', ['d']],
    ]);
  });

  it('a nested heading that only mentions an earlier stage stays in the current one', () => {
    assert.deepEqual(summary('## Post-incident\n- [ ] a\n### Detection gap analysis\n- [ ] b\n'), [['post-incident', ['a', 'b']]]);
  });

  it('a non-stage heading at the same or a higher level closes the stage', () => {
    assert.deepEqual(summary('## Containment\n- [ ] a\n## References\n- [ ] b\n'), [['containment', ['a']], ['references', ['b']]]);
    assert.deepEqual(summary('## Containment\n- [ ] a\n# Other\n- [ ] b\n'), [['containment', ['a']], ['other', ['b']]]);
  });

  it('task items outside any stage form an implicit section titled by their heading', () => {
    const runbook = parse('# Title\n- [ ] first\n## Setup notes\n- [ ] second\n## Triage\n- [ ] third\n');
    assert.deepEqual(runbook.stages.map((s) => [s.id, s.title, s.canonical]), [
      ['title', 'Title', null], ['setup-notes', 'Setup notes', null], ['detection', 'Triage', 'detection'],
    ]);
    assert.equal(diagnostic(runbook, 'step-outside-stage')?.severity, 'info');
    assert.deepEqual(runbook.stages.map((s) => s.implicit === true), [true, true, false]);
  });

  it('uses list items as steps only when the file has no task items, and only directly under a stage', () => {
    assert.deepEqual(summary('## Intro\n- not a step\n## Mitigation\n- scale up\n  - nested detail\n- restart\n'), [['containment', ['scale up', 'restart']]]);
    assert.deepEqual(summary('## Mitigation\n- plain\n- [ ] task\n'), [['containment', ['task']]]);
  });

  it('handles CRLF, BOM, HTML, tables, shortcodes and template placeholders', () => {
    const runbook = parseFixture('hugo-template.md');
    assert.equal(runbook.title, '<Type of Incident> playbook');
    assert.deepEqual(runbook.stages.map((s) => [s.canonical, s.steps.length]), [['detection', 2], ['analysis', 0], ['containment', 0]]);
    assert.equal(runbook.stages[0]!.steps[0]!.text, 'Collect the alert from <SIEM>');
    const crlf = parse(`\uFEFF${'# T\n## Containment\n- [ ] isolate\n'.replace(/\n/g, '\r\n')}`);
    assert.deepEqual(crlf.stages.map((s) => [s.canonical, s.line, s.steps[0]?.line]), [['containment', 2, 3]]);
  });
});

describe('runbook: stages of native runbooks', () => {
  it('warns about steps outside any stage', () => {
    const runbook = parse(native('', '# T\n- [ ] orphan\n## Detection\n- [ ] a\n'));
    assert.equal(diagnostic(runbook, 'step-outside-stage')?.severity, 'warning');
    assert.equal(diagnostic(runbook, 'step-outside-stage')?.line, 7);
  });

  it('reads declared custom stages and checks the stages list', () => {
    const runbook = parse(native('stages: [detection, communication, containment, legal-review]', '# T\n## Detection\n- [ ] a\n## Communication\n- [ ] tell people\n## Containment\n- [ ] b\n## Recovery\n- [ ] c\n'));
    assert.deepEqual(runbook.declaredStages, ['detection', 'communication', 'containment', 'legal-review']);
    assert.deepEqual(runbook.stages.map((s) => [s.id, s.canonical]), [['detection', 'detection'], ['communication', null], ['containment', 'containment'], ['recovery', 'recovery']]);
    assert.ok(!codes(runbook).includes('step-outside-stage'));
    assert.match(diagnostic(runbook, 'stage-unknown')!.message, /legal-review/);
    assert.equal(diagnostic(runbook, 'stage-not-declared')?.line, 14);
  });

  it('warns about empty stages and reports a runbook without steps', () => {
    const runbook = parse(native('', '# T\n## Detection\n## Containment\n- [ ] a\n'));
    assert.equal(diagnostic(runbook, 'stage-empty')?.line, 7);
    assert.equal(diagnostic(parse(native('', '# T\n')), 'runbook-empty')?.severity, 'error');
    assert.equal(diagnostic(parse(''), 'runbook-empty')?.severity, 'warning');
  });

  it('keeps stage ids unique when a stage repeats', () => {
    const runbook = parse(native('', '# T\n## Containment\n- [ ] a\n## Notes\n## Containment\n- [ ] b\n'));
    assert.deepEqual(runbook.stages.map((s) => s.id), ['containment', 'containment-2']);
    assert.ok(codes(runbook).includes('stage-duplicate'));
  });
});
