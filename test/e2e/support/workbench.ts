// Drives the real VS Code workbench (code-server) in Debian's Chromium as a person would:
// the extension is installed into code-server's extensions folder, a fresh Git repository is
// opened, and tests click and type through the UI. Screenshots go to test-output/e2e/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
// The harness modules are plain .mjs shared with the integration launcher.
// @ts-expect-error -- untyped .mjs module
import { launchBrowser } from '../../harness/browser.mjs';
// @ts-expect-error -- untyped .mjs module
import { installExtensionCopy, makeRunDir, makeWorkspace, removeRunDir, startCodeServer } from '../../harness/codeServer.mjs';
// @ts-expect-error -- untyped .mjs module
import { projectRoot, whyNoVSCode } from '../../harness/paths.mjs';

export const screenshotDir = path.join(projectRoot as string, 'test-output', 'e2e');

interface Server { origin: string; url(folder: string): string; stop(): Promise<void> }

export class Workbench {
  private constructor(
    readonly page: Page,
    readonly workspace: string,
    readonly env: Record<string, string>,
    private readonly browser: Browser,
    private readonly server: Server,
    private readonly runDir: string,
  ) {}

  /** Installs the built extension, starts code-server, opens a fresh repository in Chromium. */
  static async open(options: { fixture?: string } = {}): Promise<Workbench> {
    const missing = (whyNoVSCode as () => string | undefined)();
    if (missing) throw new Error(`e2e needs a real VS Code: ${missing}`);
    const { runDir, env } = makeRunDir('firebreak-e2e-') as { runDir: string; env: Record<string, string> };
    installExtensionCopy(path.join(runDir, 'extensions'));
    const workspace = makeWorkspace(runDir, env, options.fixture) as string;
    const server = (await startCodeServer({ runDir, env })) as Server;
    const browser = (await launchBrowser(env)) as Browser;
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url(workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    return new Workbench(page, workspace, env, browser, server, runDir);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    removeRunDir(this.runDir);
  }

  /** Clicks an activity-bar icon by its label (e.g. "Firebreak"). */
  async openViewContainer(label: string): Promise<void> {
    const item = this.page.locator(`.activitybar a.action-label[aria-label^="${label}"]`);
    await item.waitFor({ timeout: 60_000 });
    await item.click();
  }

  /** Runs a command from the Command Palette (F1), typed as a person would. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Picks the quick-pick row containing `label` (the open quick input). */
  async pick(label: string): Promise<void> {
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor();
    await row.click();
  }

  /** Types into the open input box and accepts it. */
  async type(text: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(text);
    await this.page.keyboard.press('Enter');
  }

  /**
   * Waits for a notification containing `text`. A headless window may route notifications
   * straight to the notification center instead of a toast, so it opens the center to look.
   */
  async notification(text: string): Promise<void> {
    const toast = this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
    try {
      await toast.waitFor({ timeout: 10_000 });
      return;
    } catch {
      // not shown as a toast: look in the notification center
    }
    await this.runCommand('Notifications: Show Notifications');
    await this.page.locator('.notifications-center .notification-list-item', { hasText: text }).first().waitFor({ timeout: 30_000 });
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
