import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SCRIPT, STYLE } from '../../src/reporters/html/assets.js';
import { htmlReporter } from '../../src/reporters/html/html.js';
import { aFinding } from '../check/builders.js';
import { aFile, aGitReport, aHunk, diffLines } from './builders.js';
import { shapedReport } from './reportShape.fixture.js';

const page = (report = shapedReport()): string => [...htmlReporter([report], { isColor: false, width: 120 })].join('');
const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the HTML report', () => {
  it('allows exactly its own style and script, by hash, and nothing from the network', () => {
    const html = page();
    expect(CONTENT_SECURITY_POLICY).toBe(`default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src 'none'; base-uri 'none'; form-action 'none'`);
    expect(html).toContain(`<style>${STYLE}</style>`);
    expect(html).toContain(`<script>${SCRIPT}</script>`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/\b(src|href)="(?!#)/);
    expect(html).not.toMatch(/ style=| on[a-z]+=/);
  });

  it('escapes hostile paths, messages and lines into inert text', () => {
    const hostile = '"><img src=x onerror=alert(1)></details><script>alert(2)</script>\u001b[31m';
    const report = aGitReport(
      [aFile(`${hostile}.go`, [aHunk({ header: `@@ -1 +1 @@ ${hostile}`, lines: diffLines(`-${hostile}`, `+${hostile}`) })])],
      [aFinding({ path: `${hostile}.go`, message: hostile })],
    );
    const html = page(report);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('\u001b');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/details&gt;&lt;script&gt;alert(2)&lt;/script&gt;\\x1b[31m');
  });

  it('tags findings, files and hunks for the filters, and shows a both hunk\'s blocks in their sides', () => {
    const html = page();
    expect(html.match(/<tr class="finding" data-side="[a-z]+" data-categories="[a-z-]+">/g)).toHaveLength(4);
    expect(html).toContain('<div class="part upstream"><div class="part-head">@@ -1,3 +1,3 @@ <span class="badge upstream">upstream</span> lines</div>');
    expect(html).toContain('<div class="part fork"><div class="part-head">@@ -4,1 +4,1 @@ <span class="badge fork">fork</span> lines</div>');
    expect(html).not.toContain('UPSTREAM_ONLY_LINE');
    expect(html).toContain('<td class="wrap">session: fix race on close</td>');
  });

  it('is byte-identical across runs', () => {
    expect(page()).toBe(page());
  });

  it("collapses a category's long tail under the findings table, as the markdown report does, each row still filtered", async () => {
    const { summarise } = await import('../../src/audit/summary.js');
    const { aDependency, aReport } = await import('../check/builders.js');
    const { MIN_COLLAPSED_LOCK_ROWS } = await import('../../src/reporters/findingsView.js');
    const npm = (module: string, path: string) => aDependency(module, 'downgrade', { path, side: 'upstream', details: { ecosystem: 'npm', module, direction: 'downgrade', upstream: '2.0.0', fork: '1.0.0', source: path } });
    const transitive = Array.from({ length: MIN_COLLAPSED_LOCK_ROWS }, (_, index) => npm(`dep-${String(index).padStart(2, '0')}`, 'Cargo.lock'));
    const findings = [npm('react', 'package.json'), npm('react', 'Cargo.lock'), ...transitive];
    const html = page({ ...aReport(findings), summary: summarise([], findings, true) });
    const [table, tail] = html.split('<details class="long-tail"');
    expect(table).toContain('<h2 id="r0-findings">Findings (' + (MIN_COLLAPSED_LOCK_ROWS + 2) + ')</h2>');
    expect(table?.match(/<tr class="finding"/g)).toHaveLength(1);
    expect(table).not.toContain('Cargo.lock');
    expect(tail).toMatch(new RegExp(`^ data-side="upstream" data-categories="vendored-deps"><summary>Dependencies: ${MIN_COLLAPSED_LOCK_ROWS + 1} lockfile entries \\(Cargo\\.lock\\); ${MIN_COLLAPSED_LOCK_ROWS} for dependencies not in the table above</summary>\\n<table>`));
    expect(tail?.split('</details>')[0]?.match(/<tr class="finding" data-side="upstream" data-categories="vendored-deps">/g)).toHaveLength(MIN_COLLAPSED_LOCK_ROWS + 1);
  });
});
