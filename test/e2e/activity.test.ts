// A new user's first minute: open a repository, find Firebreak in the activity bar, run its
// command from the Command Palette.
import * as assert from 'node:assert/strict';
import { useWorkbench } from './support/useWorkbench';

describe('e2e: first look', function () {
  this.timeout(180_000);
  const open = useWorkbench();

  it('shows the Firebreak container with its Incidents view', async () => {
    const workbench = open();
    await workbench.openViewContainer('Firebreak');
    await workbench.page.locator('.sidebar .pane-header', { hasText: /Incidents/i }).waitFor({ timeout: 60_000 });
    await workbench.page.locator('.sidebar .pane-header', { hasText: /Runbooks/i }).waitFor({ timeout: 60_000 });
    const welcome = workbench.page.locator('.sidebar .welcome-view-content', { hasText: 'No incident yet' });
    await welcome.waitFor({ timeout: 60_000 });
    assert.ok(await welcome.isVisible());
    await workbench.screenshot('01-activity-bar');
  });

  it('runs "Firebreak: About" from the Command Palette', async () => {
    const workbench = open();
    await workbench.runCommand('Firebreak: About');
    await workbench.notification('Firebreak ');
    await workbench.screenshot('02-command-palette');
  });
});
