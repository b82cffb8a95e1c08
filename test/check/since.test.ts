import { describe, expect, it } from 'vitest';
import { compareSince, loadPreviousReports, parsePreviousReports, previousFor } from '../../src/check/since.js';
import { renderSinceMarkdown, renderSinceText } from '../../src/check/sinceRender.js';
import { ForkdiffError } from '../../src/errors.js';
import { aDependency, aFinding, aRemovedTest, aReport } from './builders.js';
import { useTempDir } from './tempDir.js';

const tmp = useTempDir();

const kept = aDependency('github.com/containerd/containerd', 'downgrade', { fingerprint: 'kept' });
const fixed = aRemovedTest('testLLBMountPerformance', { fingerprint: 'fixed' });
const added = aFinding({ category: 'workflow', path: '.github/workflows/build.yml', message: 'job oci-rootless removed', fingerprint: 'added' });

describe('since', () => {
  it('finds new and resolved findings by fingerprint in a real previous JSON report', async () => {
    const file = await tmp.write('drift.json', JSON.stringify(aReport([kept, fixed]), null, 2));
    const [previous] = await loadPreviousReports(file);
    if (!previous) throw new Error('no previous report');
    const current = aReport([added, { ...kept, message: 'line numbers moved, same drift' }]);
    const comparison = compareSince(previous, current);
    expect(comparison.newFindings.map((finding) => finding.fingerprint)).toEqual(['added']);
    expect(comparison.resolvedFindings).toEqual([fixed]);
    expect(comparison.unchanged).toBe(1);
  });

  it('accepts a list of reports and picks the one for the same refs', () => {
    const text = JSON.stringify([aReport([kept], 'v0.10'), aReport([fixed], 'v0.11')]);
    const previous = parsePreviousReports(text, 'drift.json');
    expect(previousFor(aReport([], 'v0.11'), previous)?.findings).toEqual([fixed]);
    expect(previousFor(aReport([], 'v0.12'), previous)).toBeNull();
    expect(previousFor(aReport([], 'v0.12'), previous.slice(0, 1))?.forkRef).toBe('v0.10');
  });

  it.each([
    ['not json', '{'],
    ['another schema version', JSON.stringify({ ...aReport([]), schemaVersion: 2 })],
    ['findings without fingerprints', JSON.stringify({ schemaVersion: 1, findings: [{ category: 'other' }] })],
    ['something else entirely', '"hello"'],
  ])('rejects %s in one line', (_, text) => {
    expect(() => parsePreviousReports(text, 'old.json')).toThrow(
      new ForkdiffError('old.json: not a forkdiff JSON report (schemaVersion 1): write one with --format json'),
    );
  });

  it('says when the --since file is missing', async () => {
    const file = `${tmp.path()}/nope.json`;
    await expect(loadPreviousReports(file)).rejects.toThrow(new ForkdiffError(`${file}: previous report not found (check --since)`));
  });

  it('renders markdown that hostile text cannot break', () => {
    const hostile = aFinding({
      path: 'a|b`c.go',
      message: 'x </details><script>\n| injected | row |',
      fingerprint: 'h',
    });
    const markdown = renderSinceMarkdown({ newFindings: [hostile], resolvedFindings: [], unchanged: 3, sync: null });
    expect(markdown).toBe(
      [
        '## New since last report (1)',
        '',
        '| Category | Path | Finding | Fingerprint |',
        '| --- | --- | --- | --- |',
        '| other | a\\|b\\`c.go | x &lt;/details&gt;&lt;script&gt;\\\\n\\| injected \\| row \\| | h |',
        '',
        '## Resolved since last report (0)',
        '',
        '_None._',
        '',
        '3 unchanged.',
        '',
      ].join('\n'),
    );
  });

  it('renders plain text', () => {
    expect(renderSinceText({ newFindings: [added], resolvedFindings: [fixed], unchanged: 1, sync: null })).toBe(
      [
        'New since last report: 1',
        '  workflow  .github/workflows/build.yml  job oci-rootless removed  [added]',
        'Resolved since last report: 1',
        '  removed-tests  client/client_test.go  testLLBMountPerformance removed  [fixed]',
        'Unchanged: 1',
        '',
      ].join('\n'),
    );
  });
});

describe('since, for the sync plan', () => {
  it('says which picks now conflict, which now apply, and which merge conflicts came or went', async () => {
    const { compareSync } = await import('../../src/check/sinceSync.js');
    const pick = (sha: string, result: 'clean' | 'conflict' | 'empty', conflicts: string[] = []) =>
      ({ sha, subject: `commit ${sha}`, result, conflicts, isFix: false, security: [] });
    const change = compareSync(
      { merge: { conflicts: [{ path: 'Dockerfile' }] }, picks: [pick('a', 'clean'), pick('b', 'conflict', ['go.mod'])] },
      { merge: { clean: false, conflicts: [{ path: 'go.mod', kind: 'content' }] }, picks: [pick('a', 'conflict', ['x.go']), pick('b', 'clean'), pick('c', 'conflict', ['y'])], carries: [], unforecastPicks: 0, securityFixes: [] },
    );
    expect(change?.newlyConflicting.map((each) => each.sha)).toEqual(['a', 'c']);
    expect(change?.newlyClean.map((each) => each.sha)).toEqual(['b']);
    expect(change).toMatchObject({ mergeNewConflicts: ['go.mod'], mergeResolved: ['Dockerfile'] });
    expect(compareSync(null, null)).toBeNull();
    const text = renderSinceText({ newFindings: [], resolvedFindings: [], unchanged: 0, sync: change });
    expect(text).toContain('Picks that now conflict (2):\n  a commit a (x.go)\n  c commit c (y)\n');
    expect(text).toContain('Merge no longer conflicts in: Dockerfile\n');
  });
});
