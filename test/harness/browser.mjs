// Debian's Chromium driven by playwright-core (no browser download), headless, offline-friendly.
import { chromium as playwright } from 'playwright-core';
import { chromium } from './paths.mjs';

export async function launchBrowser(env) {
  return playwright.launch({
    executablePath: chromium,
    headless: true,
    env,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}
