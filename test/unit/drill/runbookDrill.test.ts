// Proven by use (issue 4): a scripted drill per built-in runbook through the CLI — start an
// exercise, work every stage in order checking each step with a note, close, verify.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { IncidentFixture } from '../cli/incidentFixture';

const projectRoot = path.resolve(__dirname, '..', '..', '..');
const runbooksDir = path.join(projectRoot, 'runbooks');
const runbookFiles = fs.existsSync(runbooksDir) ? fs.readdirSync(runbooksDir).filter((n) => n.endsWith('.md')).sort() : [];

interface StatusView {
  readonly stage: string;
  readonly status: string;
  readonly exercise: boolean;
  readonly steps: { readonly total: number; readonly checked: number };
  readonly stages: readonly { readonly id: string; readonly steps: readonly { readonly id: string; readonly checked: boolean }[] }[];
}

describe('drill: every built-in runbook works end to end through the CLI', function () {
  this.timeout(300_000);

  if (runbookFiles.length === 0) {
    it('has runbooks to drill', function () {
      console.log(`  skipped: no runbook in ${runbooksDir} yet`);
      this.skip();
    });
  }

  for (const file of runbookFiles) {
    it(file, async () => {
      const fx = new IncidentFixture();
      try {
        const runbookId = file.replace(/\.md$/, '');
        const id = await fx.ok('start', runbookId, '--title', `Drill: ${runbookId}`, '--exercise');
        const start = JSON.parse(await fx.ok('status', id, '--json')) as StatusView;
        assert.equal(start.exercise, true);
        const stages = start.stages.filter((s) => s.id !== 'preparation');
        let current = start.stage;
        const from = stages.findIndex((s) => s.id === current);
        for (const stage of stages.slice(Math.max(from, 0))) {
          if (stage.id !== current) {
            await fx.ok('advance', id, stage.id);
            current = stage.id;
          }
          for (const step of stage.steps) await fx.ok('check', id, step.id, '--note', `drill: ${step.id} done`);
        }
        await fx.ok('close', id);
        const end = JSON.parse(await fx.ok('status', id, '--json')) as StatusView;
        assert.equal(end.status, 'closed');
        const worked = stages.reduce((n, s) => n + s.steps.length, 0);
        assert.ok(end.steps.checked >= worked, `${end.steps.checked} of ${worked} steps checked`);
        assert.match(await fx.ok('verify', id), /no problem/);
      } finally {
        fx.cleanup();
      }
    });
  }
});
