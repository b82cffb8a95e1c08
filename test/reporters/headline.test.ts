import { describe, expect, it } from 'vitest';
import { headline, sinceHeadline } from '../../src/reporters/headline.js';
import { headlineLines } from '../../src/reporters/headlineText.js';
import { aDependency, aFinding } from '../check/builders.js';
import { aCommit, aFile, aGitReport, aHunk, anEmptySync, noCommits } from './builders.js';

const cve = aCommit('c1', 'fix: escape paths in the tar exporter', { isFix: true, security: ['CVE-2024-23652'] });
const race = aCommit('c2', 'session: fix race on close', { isFix: true });
const docs = aCommit('c3', 'docs: typo');

const report = aGitReport(
  [
    aFile('Dockerfile', [aHunk({ categories: ['dockerfile'], side: 'fork' }), aHunk({ categories: ['dockerfile'], side: 'both' })]),
    aFile('session/session.go', [aHunk({ categories: ['reverted-fixes'], side: 'upstream', commits: ['c20000000000'] })]),
    aFile('go.sum', [aHunk({ categories: ['vendored-deps'], side: 'upstream' }), aHunk({ categories: ['vendored-deps'], side: 'upstream' })]),
  ],
  [
    aFinding({ category: 'dockerfile', side: 'fork', message: 'base image' }),
    aFinding({ category: 'dockerfile', side: 'both', message: 'containerd pin' }),
    aFinding({ category: 'reverted-fixes', side: 'upstream', message: 'lock' }),
    aDependency('github.com/containerd/containerd', 'downgrade', { side: 'upstream' }),
  ],
  {
    commits: noCommits({ missingFromFork: [cve, race, docs], forkOnly: [aCommit('f1', 'Dockerfile: Ubuntu')], applied: [{ commit: aCommit('a1', 'fix: leak'), how: 'lines', forkCommit: null }] }),
    sync: anEmptySync({
      merge: { clean: false, conflicts: [{ path: 'Dockerfile', kind: 'content' }] },
      picks: [
        { sha: cve.sha, subject: cve.subject, result: 'conflict', conflicts: ['exporter/tar.go'], isFix: true, security: cve.security },
        { sha: race.sha, subject: race.subject, result: 'clean', conflicts: [], isFix: true, security: [] },
        { sha: docs.sha, subject: docs.subject, result: 'empty', conflicts: [], isFix: false, security: [] },
      ],
      carries: [
        { sha: 'f1'.padEnd(40, '0'), subject: 'Dockerfile: Ubuntu', status: 'carried', tag: 'carry', upstreamRef: null, isUpstreamMerged: false, files: ['Dockerfile'], liveLines: 3, removedLines: 0, renamedPaths: 0, keptFiles: 0, categories: ['dockerfile'] },
        { sha: 'f2'.padEnd(40, '0'), subject: 'UPSTREAM: 1234: fix', status: 'carried', tag: 'upstream-pr', upstreamRef: '#1234', isUpstreamMerged: true, files: ['a.go'], liveLines: 1, removedLines: 0, renamedPaths: 0, keptFiles: 0, categories: ['other'] },
        { sha: 'f3'.padEnd(40, '0'), subject: 'old', status: 'superseded', tag: null, upstreamRef: null, isUpstreamMerged: false, files: [], liveLines: 0, removedLines: 0, renamedPaths: 0, keptFiles: 0, categories: [] },
      ],
      unforecastPicks: 2,
    }),
  },
);

describe('headline', () => {
  it('counts what the fork carries, what it lacks, and what both moved, by side', () => {
    const result = headline(report);
    expect(result.hasSides).toBe(true);
    expect(result.carries).toMatchObject({ files: 0, hunks: 1, additions: 1, deletions: 1, forkOnlyCommits: 1 });
    expect(result.carries.findings).toMatchObject({ dockerfile: 1, 'vendored-deps': 0 });
    expect(result.lacks).toMatchObject({ files: 2, hunks: 3, missingCommits: 3, fixes: 2, applied: 1 });
    expect(result.lacks.findings).toMatchObject({ 'reverted-fixes': 1, 'vendored-deps': 1 });
    expect(result.both).toMatchObject({ files: 1, hunks: 1 });
    expect(result.both.findings.dockerfile).toBe(1);
  });

  it('calls out security fixes by id, with what cherry-picking them would do', () => {
    expect(headline(report).lacks.security).toEqual([{ sha: cve.sha, subject: cve.subject, ids: ['CVE-2024-23652'], pick: 'conflict', sameFixAs: null }]);
  });

  it('forecasts the sync: merge conflicts, picks by result, carries by status, droppable carries', () => {
    expect(headline(report).sync).toEqual({
      isMergeClean: false, mergeConflicts: 1, picks: { clean: 1, conflict: 1, empty: 1 }, unforecastPicks: 2,
      carries: { carried: 2, superseded: 1, reverted: 0, dropped: 0 }, droppableCarries: 1,
    });
  });

  it('says it in sentences, security first under what the fork lacks', () => {
    const lines = headlineLines(headline(report));
    expect(lines.map((line) => line.label)).toEqual(['Carries', 'Lacks', 'Security', 'Both moved', 'Sync forecast']);
    // A side's files count those both sides changed, which hold its hunks too.
    expect(lines[1]?.text).toBe('3 upstream commits (2 read as fixes, 1 security); 3 files (1 also changed by the fork), 3 hunks (+3 −3); 2 findings (1 vendored-deps, 1 reverted-fixes); 1 more already applied under other shas');
    // The fork's one hunk sits in a file upstream changed too: it carries that file.
    expect(lines[0]?.text).toBe('1 file (1 also changed by upstream), 1 hunk (+1 −1); 1 finding (1 dockerfile); 1 fork-only commit');
    const alone = headlineLines(headline(aGitReport([aFile('Dockerfile', [aHunk({ categories: ['dockerfile'], side: 'fork' })])], [], { commits: noCommits({}) })));
    expect(alone[0]?.text).toBe('1 file, 1 hunk (+1 −1); no findings; 0 fork-only commits');
    // Both sides' lines in one hunk: neither side has a hunk of its own, and says where its changes are.
    const shared = headlineLines(headline(aGitReport([aFile('Dockerfile', [aHunk({ categories: ['dockerfile'], side: 'both' })], { side: 'both' })], [], { commits: noCommits({}) })));
    expect(shared.slice(0, 2).map((line) => line.text)).toEqual([
      '1 file (1 also changed by upstream), every change in hunks both sides changed; no findings; 0 fork-only commits',
      '0 upstream commits (0 read as fixes, 0 security); 1 file (1 also changed by the fork), every change in hunks both sides changed; no findings',
    ]);
    // A file both sides changed, each in lines of its own: no hunk is both sides', and the line says so rather than "0 hunks".
    const apart = headlineLines(headline(aGitReport([aFile('Makefile', [aHunk({ categories: ['other'], side: 'fork' }), aHunk({ categories: ['other'], side: 'upstream' })], { side: 'both' })], [], { commits: noCommits({}) })));
    expect(apart.map((line) => [line.label, line.text])).toEqual([
      ['Carries', '1 file (1 also changed by upstream), 1 hunk (+1 −1); no findings; 0 fork-only commits'],
      ['Lacks', '0 upstream commits (0 read as fixes, 0 security); 1 file (1 also changed by the fork), 1 hunk (+1 −1); no findings'],
      ['Both moved', "1 file, each side's changes in hunks of its own; no findings"],
    ]);
    // Every hunk the fork's (it took upstream's release whole, as evil-helix does): upstream's side says so rather than "0 hunks".
    const taken = headlineLines(headline(aGitReport([aFile('Cargo.lock', [aHunk({ categories: ['other'], side: 'fork' })], { side: 'both' })], [], { commits: noCommits({}) })));
    expect(taken[1]?.text).toBe("0 upstream commits (0 read as fixes, 0 security); 1 file (1 also changed by the fork), every hunk in them the fork's; no findings");
    expect(taken[0]?.text).toBe('1 file (1 also changed by upstream), 1 hunk (+1 −1); no findings; 0 fork-only commits');
    expect(lines[3]?.text).toBe('1 file, 1 hunk (+1 −1); 1 finding (1 dockerfile)');
    expect(lines[2]).toMatchObject({ level: 1, isAlert: true, text: 'CVE-2024-23652: c10000000000 fix: escape paths in the tar exporter (cherry-pick: conflict)' });
    expect(lines[4]?.text).toBe(
      'merging upstream now conflicts in 1 file; cherry-picks: 1 clean, 1 conflict, 1 empty (2 more not forecast); carries: 2 carried, 1 superseded, 0 reverted, 0 dropped (1 droppable: upstream merged their pull request)',
    );
  });

  it('says plainly that a fork which merged upstream\'s tip lacks nothing and has nothing to cherry-pick', () => {
    const synced = aGitReport([aFile('src/codec.c', [aHunk({ categories: ['other'], side: 'fork' })])], [], {
      commits: noCommits({ forkOnly: [aCommit('f1', 'Add a page codec')] }),
      sync: anEmptySync({ merge: { clean: true, conflicts: [] } }),
    });
    expect(headlineLines(headline(synced)).map((line) => [line.label, line.text])).toEqual([
      ['Carries', '1 file, 1 hunk (+1 −1); no findings; 1 fork-only commit'],
      ['Lacks', 'nothing: the fork has every upstream commit'],
      ['Sync forecast', 'merging upstream now is clean; nothing to cherry-pick; carries: 0 carried, 0 superseded, 0 reverted, 0 dropped'],
    ]);
    // Every upstream commit applied under another sha is not nothing: the counts stay.
    const applied = aGitReport([], [], { commits: noCommits({ applied: [{ commit: aCommit('a1', 'fix: leak'), how: 'lines', forkCommit: null }] }) });
    expect(headlineLines(headline(applied))[1]?.text).toBe('0 upstream commits (0 read as fixes, 0 security); 0 files, 0 hunks (+0 −0); no findings; 1 more already applied under other shas');
  });

  it('leads a security line with its advisory ids, and with nothing more when the commit only says security', () => {
    const said = { sha: 'd'.repeat(40), subject: 'Update dependency postcss to v8.5.10 [SECURITY]', ids: ['security'], pick: 'clean' as const, sameFixAs: null };
    const lines = headlineLines({ ...headline(report), lacks: { ...headline(report).lacks, security: [said] } });
    expect(lines.find((line) => line.label === 'Security')?.text).toBe('dddddddddddd Update dependency postcss to v8.5.10 [SECURITY] (cherry-pick: clean)');
  });

  it('names the fixes that name an advisory before those that only say security', () => {
    const said = { sha: 'd'.repeat(40), subject: 'go: bump cel-go (security)', ids: ['security'], pick: 'conflict' as const, sameFixAs: null };
    const advisory = { sha: 'f'.repeat(40), subject: 'lxd/archive: Reject unconfined backup.yaml', ids: ['GHSA-fv82-v4fj-mm4m'], pick: 'conflict' as const, sameFixAs: null };
    const lines = headlineLines({ ...headline(report), lacks: { ...headline(report).lacks, security: [said, advisory] } });
    expect(lines.filter((line) => line.label === 'Security').map((line) => line.text)).toEqual([
      'GHSA-fv82-v4fj-mm4m: ffffffffffff lxd/archive: Reject unconfined backup.yaml (cherry-pick: conflict)',
      'dddddddddddd go: bump cel-go (security) (cherry-pick: conflict)',
    ]);
  });

  it('names ten security fixes one by one, and says how many more there are and where', () => {
    const fix = (index: number) => ({ sha: String(index).padStart(40, 'e'), subject: `lxd: defend against path traversal ${index}`, ids: ['security'], pick: 'conflict' as const, sameFixAs: null });
    const withFixes = (count: number, sync = headline(report).sync) =>
      headlineLines({ ...headline(report), sync, lacks: { ...headline(report).lacks, security: Array.from({ length: count }, (_, index) => fix(index)) } })
        .filter((line) => line.label === 'Security').map((line) => line.text);
    const many = withFixes(62);
    expect(many).toHaveLength(11);
    expect(many[9]).toContain('path traversal 9 ');
    expect(many[10]).toBe("52 more security fixes: the sync plan's cherry-picks list them first");
    expect(withFixes(62, null)[10]).toBe("52 more security fixes: the JSON report's headline lists them all");
    // One more than ten is named rather than summed up.
    expect(withFixes(11)).toHaveLength(11);
    expect(withFixes(11)[10]).toContain('path traversal 10 ');
  });

  it('with --since, says what changed, missing commits included', () => {
    const since = sinceHeadline({ newFindings: [aFinding()], resolvedFindings: [], unchanged: 3, missingCommits: { before: 2, now: 3, newlyMissing: 2, taken: 1 }, sync: null });
    const lines = headlineLines(headline(report, since), true);
    expect(lines.at(-1)).toMatchObject({
      label: 'Since last report',
      text: '1 new finding, 0 resolved, 3 unchanged; missing upstream commits 2 → 3 (2 newly missing, 1 taken)',
    });
    expect(headlineLines(headline(report), true).at(-1)?.text).toBe('no previous report for this ref');
  });

  it('without history, puts everything under "sides unknown" and reads no hunk', () => {
    const saved = { ...report, mode: 'diff-file' as const, mergeBase: null, commits: null, sync: null };
    const files = saved.files.map((file) => Object.defineProperty({ ...file }, 'hunks', { get: () => { throw new Error('hunks read'); } }));
    const result = headline({ ...saved, files });
    expect(result.hasSides).toBe(false);
    expect(result.unknown).toMatchObject({ files: 3, hunks: 5 });
    expect(result.lacks.missingCommits).toBeNull();
    expect(headlineLines(result).map((line) => line.label)).toEqual(['Sides unknown']);
    // Said so that it holds for git mode without a merge base too, which is no saved diff.
    expect(headlineLines(result)[0]?.text).toMatch(/^with no merge base \(a saved diff has none\), what the fork carries and what it lacks cannot be told apart: 3 files, 5 hunks/);
  });
});
