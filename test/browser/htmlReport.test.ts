import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { diffFixture, projectRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { scratchDir } from '../helpers/scratch.js';
import { isBrowserSkipped, openChromium } from './chromium.js';

/** Where the test leaves its screenshot for a person to look at (git-ignored). */
const SCREENSHOTS = join(projectRoot, '.screenshots');

let fixture: ForkFixture & { remove(): void };
let browser: Awaited<ReturnType<typeof openChromium>>;
beforeAll(async () => {
  [fixture, browser] = await Promise.all([buildFixture(), openChromium()]);
});
afterAll(async () => {
  await browser?.close();
  fixture?.remove();
});

interface Opened {
  page: Page;
  problems: string[];
  dialogs: string[];
  requests: string[];
}

/** The page from disk, recording console errors, page errors, dialogs and any request that is not the file itself. */
async function open(context: BrowserContext, html: string, name: string): Promise<Opened> {
  const file = join(scratchDir('html'), name);
  writeFileSync(file, html);
  const page = await context.newPage();
  const opened: Opened = { page, problems: [], dialogs: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') opened.problems.push(message.text());
  });
  page.on('pageerror', (error) => opened.problems.push(String(error)));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (request.url() !== pathToFileURL(file).href) opened.requests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href);
  return opened;
}

const html = (args: string[], cwd?: string): string => {
  const { status, stdout, stderr } = runCli([...args, '--format', 'html'], { cwd });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return stdout;
};

const visibleFindings = (page: Page): Promise<number> => page.locator('tr.finding:visible').count();

describe.skipIf(isBrowserSkipped)('the HTML report in headless Chromium', () => {
  it('shows every finding, filters by side and category from the keyboard, with no console error or request', async () => {
    const { page, problems, dialogs, requests } = await open(browser.context, html(['v0.11'], fixture.clone), 'drift.html');
    const rows = page.locator('tr.finding');
    const total = await rows.count();
    expect(total).toBeGreaterThan(10);
    await expect.poll(() => visibleFindings(page)).toBe(total);
    expect(await page.locator('.filter-count').textContent()).toBe(`Showing ${total} of ${total} findings`);
    expect(await page.getByRole('cell', { name: 'fork lacks upstream nil check: if ref == nil { continue }' }).count()).toBe(1);

    // Keyboard only: focus the "fork carries" checkbox and press Space.
    const fork = page.getByRole('checkbox', { name: /^fork carries/ });
    await fork.focus();
    await page.keyboard.press('Space');
    expect(await fork.isChecked()).toBe(false);
    const notFork = await page.locator('tr.finding[data-side]:not([data-side="fork"])').count();
    expect(await visibleFindings(page)).toBe(notFork);
    expect(notFork).toBeLessThan(total);
    expect(await page.locator('tr.finding[data-side="fork"]:visible').count()).toBe(0);

    await page.getByRole('checkbox', { name: /^Reverted or missing fixes/ }).uncheck();
    const left = await page.locator('tr.finding:visible').evaluateAll((found) => found.map((row) => row.getAttribute('data-categories')));
    expect(left.length).toBeLessThan(notFork);
    expect(left).not.toContain('reverted-fixes');

    await page.getByRole('button', { name: 'Show everything' }).press('Enter');
    await expect.poll(() => visibleFindings(page)).toBe(total);

    // Keyboard focus is visible: a real outline, not the browser's default removed.
    await page.getByRole('button', { name: 'Expand all' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('details.file[open]').count()).toBe(await page.locator('details.file').count());
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'html-report.png'), fullPage: true });
    expect({ problems, dialogs, requests }).toEqual({ problems: [], dialogs: [], requests: [] });
  });

  it('keeps the findings table within the page when a snippet holds one long token', async () => {
    // incus-ui: a template string of 90 characters without a space widened the table past the page.
    const token = '`${ROOT_PATH}/1.0/networks/${encodeURIComponent(network)}/forwards/${encodeURIComponent(forward.listenAddress)}`';
    const diff = join(scratchDir('html'), 'long-token.diff');
    writeFileSync(diff, `diff --git a/src/api/forwards.tsx b/src/api/forwards.tsx
--- a/src/api/forwards.tsx
+++ b/src/api/forwards.tsx
@@ -3,5 +3,2 @@ export const fetchForward = (network: string, forward: Forward) => {
-  if (forward === null) {
-    return fetch(${token}).then(handleResponse);
-  }
   return fetch(url);
`);
    const { page, problems } = await open(browser.context, html(['--diff-file', diff]), 'long-token.html');
    const widths = await page.evaluate(() => ({
      table: document.querySelector('tr.finding')?.closest('table')?.getBoundingClientRect().right ?? Infinity,
      body: document.body.getBoundingClientRect().right,
    }));
    expect(widths.table).toBeLessThanOrEqual(widths.body);
    expect(await page.getByRole('cell', { name: /fork lacks upstream nil check|forward === null/ }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('runs nothing a hostile diff carries: <script>, onerror= and onload= stay text', async () => {
    const { page, problems, dialogs, requests } = await open(browser.context, html(['--diff-file', diffFixture('html-payloads.diff')]), 'hostile.html');
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.waitForTimeout(200); // an onerror would fire as the image fails to load
    expect(await page.evaluate(() => (window as unknown as { __forkdiffPwned?: unknown }).__forkdiffPwned)).toBeUndefined();
    expect(await page.locator('img, iframe, svg, body script').count()).toBe(1); // the report's own script
    const finding = page.getByRole('cell', { name: /onerror=window\.__forkdiffPwned='finding'/ });
    expect(await finding.count()).toBe(1);
    expect(await page.getByText('<script>window.__forkdiffPwned = \'header\'</script>').count()).toBeGreaterThan(0);
    expect(await page.getByText('src/<img src=x onerror=alert(1)>.go').count()).toBeGreaterThan(0);
    expect({ problems, dialogs, requests }).toEqual({ problems: [], dialogs: [], requests: [] });
  });

  it("keeps a lockfile's long tail collapsed under the table, opens it on a click, and filters it with its category", async () => {
    // 21 Cargo.lock entries upstream bumped beside the one Cargo.toml names: the lockfile's rows go under the table.
    const packages = Array.from({ length: 21 }, (_, index) => `dep-${String(index).padStart(2, '0')}`);
    const lock = packages.flatMap((name) => [' [[package]]', ` name = "${name}"`, '-version = "2.0.0"', '+version = "1.0.0"']);
    const diff = join(scratchDir('html'), 'long-tail.diff');
    writeFileSync(diff, [
      'diff --git a/Cargo.toml b/Cargo.toml', '--- a/Cargo.toml', '+++ b/Cargo.toml', '@@ -1,2 +1,2 @@', ' [dependencies]', '-dep-00 = "2.0.0"', '+dep-00 = "1.0.0"',
      'diff --git a/Cargo.lock b/Cargo.lock', '--- a/Cargo.lock', '+++ b/Cargo.lock', `@@ -1,${3 * packages.length} +1,${3 * packages.length} @@`, ...lock, '',
    ].join('\n'));
    const { page, problems } = await open(browser.context, html(['--diff-file', diff]), 'long-tail.html');
    const tail = page.locator('details.long-tail');
    expect(await tail.locator('summary').textContent()).toBe('Dependencies: 21 lockfile entries (Cargo.lock); 20 for dependencies not in the table above');
    expect(await page.locator('.filter-count').textContent()).toBe('Showing 22 of 22 findings');
    // Collapsed: only the manifest's row shows.
    await expect.poll(() => visibleFindings(page)).toBe(1);
    await tail.locator('summary').click();
    await expect.poll(() => visibleFindings(page)).toBe(22);
    await page.getByRole('checkbox', { name: /^Dependencies/ }).uncheck();
    expect(await tail.isVisible()).toBe(false);
    expect(await visibleFindings(page)).toBe(0);
    expect(problems).toEqual([]);
  });
});
