// A step's detail travels from the runbook through the opening snapshot to the dashboard, rendered
// as safe HTML; opening events written before details were kept still load.
import * as assert from 'node:assert/strict';
import { parseEventLog, reduceIncident, serializeEvent } from '../../../src/core/incident';
import { snapshotRunbook } from '../../../src/core/incident/snapshot';
import { parseRunbook } from '../../../src/core/runbook/parse';
import { toDashboardView } from '../../../src/core/views/dashboardView';
import { renderStepDetail } from '../../../src/core/views/renderDetail';
import { Scenario } from '../incident/fixtures';

const RUNBOOK = `---
id: detailed
title: Detailed runbook
---
# Detailed runbook

## Detection
- [ ] Confirm the alert <!-- id: confirm -->

  Look in the **SIEM** for the [alert](https://siem.example.com/alerts).
- [ ] Declare the incident <!-- id: declare -->
`;

const detailed = () => parseRunbook(RUNBOOK, { file: 'runbooks/detailed.md', now: new Date('2026-11-28T00:00:00Z') });
const options = (now: Date) => ({ now, severities: ['SEV3'], canRecord: true, renderDetail: renderStepDetail });

describe('views: step details', () => {
  it('keeps the detail in the snapshot and renders it for the dashboard', () => {
    const runbook = detailed();
    const steps = snapshotRunbook(runbook).stages[0]!.steps;
    assert.equal(steps[0]!.detail, 'Look in the **SIEM** for the [alert](https://siem.example.com/alerts).');
    assert.equal('detail' in steps[1]!, false);

    const scenario = new Scenario();
    scenario.open({ runbook });
    const view = toDashboardView(scenario.state, options(scenario.at(1)));
    const [confirm, declare] = view.stages[0]!.steps;
    assert.equal(confirm!.detailHtml, '<p>Look in the <strong>SIEM</strong> for the <a href="https://siem.example.com/alerts">alert</a>.</p>\n');
    assert.equal(confirm!.detail, steps[0]!.detail);
    assert.equal(declare!.detailHtml, '');
  });

  it('loads an opening event written without step details', () => {
    const scenario = new Scenario();
    const opening = scenario.open({ runbook: detailed() });
    const stripped = JSON.parse(serializeEvent(opening)) as { snapshot: { stages: { steps: Record<string, unknown>[] }[] } };
    const confirm = stripped.snapshot.stages[0]!.steps[0]!;
    assert.equal(typeof confirm.detail, 'string');
    delete confirm.detail;
    const log = parseEventLog(`${JSON.stringify(stripped)}\n`);
    assert.deepEqual(log.errors, []);
    const state = reduceIncident(log.events);
    assert.equal(state.steps.get('confirm')!.detail, undefined);
    assert.equal(toDashboardView(state, options(scenario.at(1))).stages[0]!.steps[0]!.detailHtml, '');
  });

  it('refuses a snapshot whose detail is not text', () => {
    const opening = JSON.parse(serializeEvent(new Scenario().open())) as { snapshot: { stages: { steps: Record<string, unknown>[] }[] } };
    opening.snapshot.stages[0]!.steps[0]!.detail = { html: '<script>' };
    assert.match(parseEventLog(`${JSON.stringify(opening)}\n`).errors.map((e) => e.message).join('\n'), /a step is malformed/);
  });

  it('escapes HTML in a detail: a <script> is text, never an element', () => {
    const html = renderStepDetail('Run this: <script>alert(1)</script> <img src=x onerror=alert(2)>');
    assert.equal(html.includes('<script'), false);
    assert.equal(html.includes('<img'), false);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it('makes links only of http, https and mailto; javascript: and command: stay text', () => {
    const html = renderStepDetail('[a](javascript:alert(1)) [b](command:workbench.action.terminal.new) [c](mailto:soc@example.com) [d](http://x.example)');
    assert.equal(/href="(javascript|command):/.test(html), false);
    assert.match(html, /\[a\]\(javascript:alert\(1\)\)/);
    assert.match(html, /<a href="mailto:soc@example.com">c<\/a>/);
    assert.match(html, /<a href="http:\/\/x.example">d<\/a>/);
  });

  it('does not load images a runbook names', () => {
    const html = renderStepDetail('![tracking pixel](https://tracker.example/p.png)');
    assert.equal(html.includes('<img'), false);
  });
});
