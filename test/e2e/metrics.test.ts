// The Metrics webview in the real workbench: a repository with a month of incidents (event logs
// built on a fake clock, as the record would hold them), "Show Incident Metrics" from the Command
// Palette, the three charts drawn, the toggle to exercises (a screenshot of each), and Enter on a
// point opening that incident's dashboard.
import * as assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serializeEvent } from '../../src/core/incident';
import { phishingRunbook, Scenario } from '../unit/incident/fixtures';
import { useWorkbench } from './support/useWorkbench';

interface Seed {
  readonly id: string;
  readonly title: string;
  readonly opened: string;
  readonly severity: string;
  readonly runbook?: string;
  readonly exercise?: boolean;
  /** Minutes from the opening: into containment, contained, into eradication, into recovery, closed. */
  readonly at: readonly [number, number, number, number, number];
}

const SEEDS: readonly Seed[] = [
  { id: '20261102-a1b2c3', title: 'Invoice lure reported by finance', opened: '2026-11-02T09:10:00Z', severity: 'SEV3', at: [12, 55, 70, 180, 240] },
  { id: '20261106-d4e5f6', title: 'Credential phishing against payroll', opened: '2026-11-06T14:00:00Z', severity: 'SEV2', at: [20, 150, 160, 300, 420] },
  { id: '20261110-g7h8i9', title: 'Stolen session token on the VPN', opened: '2026-11-10T08:30:00Z', severity: 'SEV1', runbook: 'account-compromise', at: [5, 95, 110, 200, 260] },
  { id: '20261115-j1k2l3', title: 'QR-code phishing in HR', opened: '2026-11-15T11:45:00Z', severity: 'SEV3', at: [30, 75, 90, 130, 200] },
  { id: '20261119-m4n5o6', title: 'Infostealer on a build agent', opened: '2026-11-19T16:20:00Z', severity: 'SEV2', runbook: 'malware-endpoint', at: [15, 300, 330, 520, 600] },
  { id: '20261124-p7q8r9', title: 'CEO impersonation wire request', opened: '2026-11-24T10:05:00Z', severity: 'SEV2', at: [8, 40, 45, 90, 150] },
  { id: '20261112-s1t2u3', title: 'Drill: phishing wave', opened: '2026-11-12T13:00:00Z', severity: 'SEV2', exercise: true, at: [10, 60, 70, 100, 120] },
  { id: '20261126-v4w5x6', title: 'Drill: ransomware tabletop', opened: '2026-11-26T13:00:00Z', severity: 'SEV1', runbook: 'malware-endpoint', exercise: true, at: [6, 80, 90, 150, 180] },
];

/** A workspace folder whose incidents/ holds one closed incident per seed. */
function seededWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-e2e-metrics-'));
  for (const seed of SEEDS) {
    const s = new Scenario(new Date(seed.opened));
    s.open({ incident: seed.id, title: seed.title, severity: seed.severity, exercise: seed.exercise ?? false, runbook: phishingRunbook(seed.runbook ? { id: seed.runbook } : {}) });
    const [contain, contained, eradicate, recover, close] = seed.at;
    s.act({ kind: 'advance' }, contain);
    s.act({ kind: 'milestone', milestone: 'contained' }, contained);
    s.act({ kind: 'advance' }, eradicate);
    s.act({ kind: 'advance' }, recover);
    s.act({ kind: 'close' }, close);
    const folder = path.join(dir, 'incidents', seed.id);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'events.jsonl'), s.events.map((e) => `${serializeEvent(e)}\n`).join(''));
  }
  return dir;
}

describe('e2e: incident metrics', function () {
  this.timeout(300_000);
  const fixture = seededWorkspace();
  const open = useWorkbench({ fixture });
  after(() => fs.rmSync(fixture, { recursive: true, force: true }));

  it('charts stage durations, time to contain and SLA misses across the repository', async () => {
    const workbench = open();
    const { page } = workbench;
    await workbench.openViewContainer('Firebreak');
    await page.locator('.sidebar .pane-header', { hasText: /Incidents/i }).waitFor({ timeout: 60_000 });
    await workbench.runCommand('Firebreak: Show Incident Metrics');
    const metrics = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await metrics.locator('#stage-durations svg.chart').waitFor({ timeout: 60_000 });

    const real = SEEDS.filter((s) => !s.exercise);
    assert.equal(await metrics.locator('#metrics-summary').textContent(), `${real.length} incidents: 0 open, ${real.length} closed.`);
    // Four stages reached per incident (detection, containment, eradication, recovery): one focusable mark each.
    assert.equal(await metrics.locator('#stage-durations svg rect.mark').count(), real.length * 4);
    assert.equal(await metrics.locator('#time-to-contain svg circle.mark').count(), real.length);
    assert.equal(await metrics.locator('#sla-misses svg rect.mark').count(), 3, 'phishing, account-compromise, malware-endpoint');
    const slaLabels = await metrics.locator('#sla-misses svg rect.mark').evaluateAll((marks) => marks.map((m) => m.getAttribute('aria-label')));
    // SEV1 containment SLA is 1 h: the stolen session (contained after 95 min) missed it.
    assert.ok(slaLabels.includes('account-compromise: 1 SLA miss(es) in 1 incident(s)'), slaLabels.join(' | '));
    const point = metrics.locator('#time-to-contain svg circle.mark').first();
    assert.match(await point.getAttribute('aria-label') ?? '', /^Invoice lure reported by finance, opened 2026-11-02 09:10 UTC: contained in 55m 00s$/);
    await workbench.screenshot('20-metrics');

    await metrics.locator('#kind-exercises').check();
    await metrics.locator('#metrics-summary', { hasText: '2 exercises' }).waitFor();
    assert.equal(await metrics.locator('#time-to-contain svg circle.mark').count(), 2);
    await workbench.screenshot('21-metrics-exercises');

    // A point is a control: Enter on it opens that incident's dashboard.
    await metrics.locator('#kind-real').check();
    const first = metrics.locator('#time-to-contain svg circle.mark').first();
    await first.focus();
    await first.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: `Incident ${SEEDS[0]!.id}` }).waitFor({ timeout: 60_000 });
  });

  it('marks a closed drill on its dashboard: steps read-only, notes open', async () => {
    const workbench = open();
    const { page } = workbench;
    // The last test left the keyboard in a dashboard's frame, where F1 does not reach the workbench.
    await page.locator('.part.sidebar .composite.title .title-label').click();
    await workbench.runCommand('View: Close All Editors');
    const drill = SEEDS.find((s) => s.exercise)!;
    await workbench.runCommand('Firebreak: Open Incident Dashboard');
    await workbench.pick(drill.title);
    const dashboard = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await dashboard.locator('#incident-title', { hasText: drill.title }).waitFor({ timeout: 60_000 });
    const banner = dashboard.locator('.banner.exercise');
    assert.equal((await banner.textContent())?.trim(), 'Exercise: this incident is a drill.');
    // Closed: what the record refuses until a reopen is disabled; notes can still be added.
    await dashboard.locator('.banner.closed', { hasText: 'until the incident is reopened' }).waitFor();
    assert.equal(await dashboard.locator('[data-step-id] input[type=checkbox]').first().isDisabled(), true);
    assert.equal(await dashboard.locator('#severity').isDisabled(), true);
    assert.equal(await dashboard.locator('#note-text').isEnabled(), true);
    assert.equal(await dashboard.locator('[data-key="reopen"]').isEnabled(), true);
    await workbench.screenshot('22-drill-dashboard');
  });
});
