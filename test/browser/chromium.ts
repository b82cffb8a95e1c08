import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium; never a browser playwright would download. */
export const CHROMIUM = '/usr/bin/chromium';

/** Set only on a developer's machine without chromium: CI installs it and must never skip. */
export const isBrowserSkipped = process.env.FORKDIFF_SKIP_BROWSER === '1';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Headless chromium with a fresh profile; fails loudly when chromium is missing. */
export async function openChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does), or set FORKDIFF_SKIP_BROWSER=1 to skip the browser tests locally`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'forkdiff-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
