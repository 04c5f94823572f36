// A responder's first incident, through the real UI: start from the Command Palette, tick a step
// in the tree, open the dashboard, tick another step and add a note there, reload the window and find the
// dashboard restored. Every action is a commit.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { useWorkbench } from './support/useWorkbench';
import type { Workbench } from './support/workbench';

describe('e2e: running an incident', function () {
  this.timeout(300_000);
  let workbench: Workbench;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: workbench.workspace, env: workbench.env, encoding: 'utf8' });
  const commits = () => Number(git('rev-list', '--count', 'HEAD').trim());
  const waitForCommits = async (count: number) => {
    await workbench.page.waitForFunction(() => true); // let the UI settle one frame
    const deadline = Date.now() + 30_000;
    while (commits() < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} commits, have ${commits()}`);
      await workbench.page.waitForTimeout(100);
    }
  };
  let dashboard: FrameLocator;

  const open = useWorkbench();
  before(() => {
    workbench = open();
  });

  it('starts an incident from the Command Palette', async () => {
    const { page } = workbench;
    await workbench.openViewContainer('Firebreak');
    await page.locator('.sidebar .welcome-view-content', { hasText: 'No incident yet' }).waitFor({ timeout: 60_000 });
    const before = commits();
    await workbench.runCommand('Firebreak: Start Incident…');
    // A new repository without .firebreak.yml: the first start asks where incidents live, once.
    await page.locator('.quick-input-widget', { hasText: 'Where do incidents live?' }).waitFor();
    await workbench.pick('Current branch');
    await workbench.pick('Phishing');
    await workbench.type('Invoice lure reported by finance');
    await workbench.pick('SEV2');
    await workbench.pick('Real incident');
    await waitForCommits(before + 1);
    await page.locator('.sidebar .monaco-list-row', { hasText: 'Invoice lure reported by finance' }).waitFor();
    // The choice is written for the team and left for the user to commit.
    assert.match(readFileSync(path.join(workbench.workspace, '.firebreak.yml'), 'utf8'), /^branch: current$/m);
    assert.equal(git('status', '--porcelain', '--', '.firebreak.yml').trim(), '?? .firebreak.yml');
    await workbench.screenshot('10-incident-started');
  });

  it('records a step ticked in the tree', async () => {
    const { page } = workbench;
    const before = commits();
    const row = page.locator('.sidebar .monaco-list-row:has(.custom-view-tree-node-item-checkbox)').first();
    await row.waitFor();
    await row.locator('.custom-view-tree-node-item-checkbox').click();
    await waitForCommits(before + 1);
    assert.match(git('log', '-1', '--format=%s'), /step\.checked|check/);
    await workbench.screenshot('11-tree-step-checked');
  });

  it('ticks a step and adds a note in the dashboard', async () => {
    const { page } = workbench;
    dashboard = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await dashboard.locator('#incident-title').waitFor({ timeout: 60_000 });
    const before = commits();
    const open = dashboard.locator('[data-step-id] input[type=checkbox]:not(:checked)').first();
    await open.check();
    await waitForCommits(before + 1);
    await dashboard.locator('#note-text').fill('Sender domain registered yesterday; blocking at the gateway.');
    await dashboard.locator('#note-add').click();
    await waitForCommits(before + 2);
    await dashboard.locator('#timeline li', { hasText: 'Sender domain registered yesterday' }).waitFor();
    await workbench.screenshot('12-dashboard');
  });

  // The serializer the activation shell registers loads the implementation and restores the panel.
  it('restores the open dashboard after a window reload', async () => {
    const { page } = workbench;
    // The command, not a page reload: VS Code saves the open editors on its way down.
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), workbench.runCommand('Developer: Reload Window')]);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const restored = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await restored.locator('#incident-title', { hasText: 'Invoice lure reported by finance' }).waitFor({ timeout: 60_000 });
    await restored.locator('#timeline li', { hasText: 'Sender domain registered yesterday' }).waitFor();
    // A reopened window shows the active incident in the status bar without any new action.
    await page.locator('.statusbar-item', { hasText: 'Invoice lure' }).waitFor({ timeout: 60_000 });
    await workbench.screenshot('13-dashboard-restored');
  });
});
