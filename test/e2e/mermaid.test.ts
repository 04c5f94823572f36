// The gantt of postmortem.md must be valid for mermaid's own parser, which needs a DOM: run it in
// headless Chromium on about:blank, with mermaid loaded from node_modules (no network).
import * as assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { IncidentState } from '../../src/core/incident';
import { stageGantt } from '../../src/core/review';
import { phishingRunbook, Scenario } from '../unit/incident/fixtures';

const HOSTILE_TITLES = [
  'Contain: hosts; #1 %% comment',
  'section Eradication',
  'dateFormat YYYY',
  'title: x',
  '<!-- firebreak:generated:end stages -->',
  'click s0 call alert()',
  '{{ accDescr }}',
  'Ünïcödé — 隔离 🔥',
  ':::',
  'line\nbreak\u2028here',
];

/** A fenced block's body, as mermaid.parse wants it. */
const body = (block: string): string => block.replace(/^```mermaid\n/, '').replace(/```\n$/, '');

function scenarios(): { name: string; state: IncidentState }[] {
  const opened = new Scenario();
  opened.open();

  const full = new Scenario();
  full.open({ severity: 'SEV1' });
  full.act({ kind: 'advance' }, 10);
  full.act({ kind: 'milestone', milestone: 'contained' }, 90); // past the 1h SLA: a crit task
  full.act({ kind: 'advance' }, 95);
  full.act({ kind: 'advance' }, 200);
  full.act({ kind: 'close' }, 3000);

  const runbook = phishingRunbook();
  const hostileRunbook = { ...runbook, stages: runbook.stages.map((stage, i) => (i === 0 ? stage : { ...stage, title: HOSTILE_TITLES[i % HOSTILE_TITLES.length]! })) };
  const hostile = new Scenario();
  hostile.open({ runbook: hostileRunbook });
  hostile.act({ kind: 'advance' }, 5);
  hostile.act({ kind: 'advance' }, 5); // a zero-length stage: a milestone task
  hostile.act({ kind: 'advance' }, 30);

  const everyTitle = HOSTILE_TITLES.map((title, index) => {
    const s = new Scenario();
    s.open({ runbook: { ...runbook, stages: runbook.stages.map((stage) => (stage.id === 'detection' ? { ...stage, title } : stage)) } });
    s.act({ kind: 'advance' }, 1 + index);
    return { name: `title ${JSON.stringify(title)}`, state: s.state };
  });

  return [{ name: 'just opened', state: opened.state }, { name: 'closed, SLA missed', state: full.state }, { name: 'hostile titles', state: hostile.state }, ...everyTitle];
}

describe('e2e: Mermaid gantt of stage durations', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false }));
  });
  after(async () => {
    await browser?.close();
  });

  for (const { name, state } of scenarios()) {
    it(`parses (${name})`, async () => {
      const text = body(stageGantt(state));
      const result = await page.evaluate(async (source) => {
        const mermaid = (globalThis as unknown as { mermaid: { parse(t: string): Promise<{ diagramType: string } | false> } }).mermaid;
        try {
          const parsed = await mermaid.parse(source);
          return { ok: true, type: parsed ? parsed.diagramType : '' };
        } catch (error) {
          return { ok: false, type: String(error) };
        }
      }, text);
      assert.deepEqual(result, { ok: true, type: 'gantt' }, text);
    });
  }
});
