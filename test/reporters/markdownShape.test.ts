import { describe, expect, it } from 'vitest';
import { markdownReporter } from '../../src/reporters/markdown/markdown.js';
import type { HunksMode } from '../../src/reporters/options.js';
import { shapedReport } from './reportShape.fixture.js';

const markdown = (hunks?: HunksMode): string => [...markdownReporter([shapedReport()], { isColor: false, width: 120, hunks })].join('');

describe('the markdown report shape', () => {
  it('leads with the headline, security fix first under what the fork lacks', () => {
    const lines = markdown().split('\n');
    expect(lines[4]).toMatch(/^- \*\*Carries:\*\* /);
    expect(lines[5]).toMatch(/^- \*\*⚠ Lacks:\*\* 2 upstream commits \(2 read as fixes, 1 security\)/);
    expect(lines[6]).toBe('  - **⚠ Security:** CVE-2024-23652: c20000000000 fix: escape tar paths (cherry-pick: conflict)');
    expect(lines.indexOf('## Summary')).toBeGreaterThan(6);
  });

  it('prints the fork\'s hunks in full and summarises upstream-only ones by commit (--hunks fork)', () => {
    const text = markdown();
    expect(text).toContain('+  # - FORK_LINE');
    expect(text).not.toContain('UPSTREAM_ONLY_LINE');
    expect(text).not.toContain('CVE_LINE');
    expect(text).toContain('| c10000000000 | session: fix race on close | session/session.go | 1 | +0 | −1 |');
    expect(text).toContain('| c20000000000 | fix: escape tar paths (security: CVE-2024-23652) | exporter/tar.go | 1 | +0 | −1 |');
    expect(text).toContain('_1 upstream-only hunk summarised by commit below; `--hunks all` prints every hunk._');
  });

  it('keeps vendored modules as rows, never inline hunks', () => {
    const text = markdown();
    expect(text).not.toContain('VENDORED_LINE');
    expect(text).toContain('| vendor/github.com/containerd/containerd/ (1 file) | vendored module | +1 | −1 | fork |');
    expect(text).toContain('_1 hunk of vendored modules and lockfiles not shown; `--hunks all` prints every hunk._');
  });

  it('splits a both-side hunk into its blocks, each with its side', () => {
    expect(markdown()).toContain(
      ['```diff', '@@ -1,4 +1,4 @@ FROM base (both)', '@@ -1,3 +1,3 @@ (upstream)', ' # syntax', '-ARG CONTAINERD=v1.6.21', '+ARG CONTAINERD=v1.6.16', ' ',
        '@@ -4,1 +4,1 @@ (fork)', '-FROM alpine', '+FROM ubuntu', '```'].join('\n'),
    );
  });

  it('prints a hunk of two categories once, under the first', () => {
    const text = markdown();
    expect(text.split('FORK_LINE')).toHaveLength(2);
    expect(text).toContain('_1 hunk of this category printed under an earlier one._');
  });

  it('keeps every finding and the sync plan', () => {
    const text = markdown();
    for (const finding of shapedReport().findings) expect(text).toContain(finding.message.split(' ')[0]);
    expect(text).toContain('### Merging upstream now: 1 conflict');
    expect(text).toContain('| c20000000000 | fix: escape tar paths | conflict | fix | CVE-2024-23652 | exporter/tar.go |');
  });

  it('prints every hunk with --hunks all, and none with --hunks none', () => {
    const all = markdown('all');
    for (const marker of ['FORK_LINE', 'UPSTREAM_ONLY_LINE', 'CVE_LINE', 'VENDORED_LINE']) expect(all).toContain(marker);
    expect(all).not.toContain('by commit');
    const none = markdown('none');
    for (const marker of ['FORK_LINE', 'UPSTREAM_ONLY_LINE', 'VENDORED_LINE', '```diff']) expect(none).not.toContain(marker);
    expect(none).toContain('Upstream changes the fork lacks, by commit');
  });

  it('is byte-identical across runs', () => {
    expect(markdown()).toBe(markdown());
  });
});
