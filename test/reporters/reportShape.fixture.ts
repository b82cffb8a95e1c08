import type { Report } from '../../src/model.js';
import { aDependency, aFinding } from '../check/builders.js';
import { aCommit, aFile, aGitReport, aHunk, anEmptySync, diffLines, noCommits } from './builders.js';

export const lockFix = aCommit('c1', 'session: fix race on close', { isFix: true });
export const cveFix = aCommit('c2', 'fix: escape tar paths', { isFix: true, security: ['CVE-2024-23652'] });

/**
 * A git-mode report with one hunk of each kind the report shapes treat
 * apart: the fork's own, upstream-only (explained by a commit), a `both`
 * hunk split into blocks, a vendored one, and one in two categories.
 */
export function shapedReport(): Report {
  const both = aHunk({
    header: '@@ -1,4 +1,4 @@ FROM base',
    categories: ['dockerfile'], side: 'both', oldStart: 1, oldLines: 4, newStart: 1, newLines: 4,
    lines: diffLines(' # syntax', '-ARG CONTAINERD=v1.6.21', '+ARG CONTAINERD=v1.6.16', ' ', '-FROM alpine', '+FROM ubuntu'),
    blocks: [
      { side: 'upstream', oldStart: 1, oldLines: 3, newStart: 1, newLines: 3 },
      { side: 'fork', oldStart: 4, oldLines: 1, newStart: 4, newLines: 1 },
    ],
    commits: ['c20000000000', 'f10000000000'],
  });
  return aGitReport(
    [
      aFile('.github/workflows/build.yml', [aHunk({ categories: ['workflow', 'removed-tests'], side: 'fork', lines: diffLines('-  - oci-rootless', '+  # - FORK_LINE') })]),
      aFile('Dockerfile', [both]),
      aFile('session/session.go', [aHunk({ categories: ['reverted-fixes'], side: 'upstream', commits: ['c10000000000'], lines: diffLines('-\ts.mu.Lock() // UPSTREAM_ONLY_LINE') })]),
      aFile('exporter/tar.go', [aHunk({ categories: ['other'], side: 'upstream', commits: ['c20000000000'], lines: diffLines('-\tclean(path) // CVE_LINE') })]),
      aFile('vendor/github.com/containerd/containerd/version.go', [aHunk({ categories: ['vendored-deps'], side: 'fork', lines: diffLines('-v1.6.21 VENDORED_LINE', '+v1.6.18') })], { module: 'github.com/containerd/containerd' }),
    ],
    [
      aFinding({ category: 'workflow', path: '.github/workflows/build.yml', message: 'matrix worker: oci-rootless commented out', side: 'fork' }),
      aFinding({ category: 'dockerfile', path: 'Dockerfile', message: 'base image alpine → ubuntu', side: 'fork' }),
      aFinding({ category: 'reverted-fixes', path: 'session/session.go', message: 'fork lacks upstream lock', side: 'upstream', commits: ['c10000000000'] }),
      aDependency('github.com/containerd/containerd', 'downgrade', { side: 'fork' }),
    ],
    {
      commits: noCommits({ missingFromFork: [lockFix, cveFix], forkOnly: [aCommit('f1', 'Dockerfile: Ubuntu base')] }),
      sync: anEmptySync({
        merge: { clean: false, conflicts: [{ path: 'Dockerfile', kind: 'content' }] },
        picks: [
          { sha: lockFix.sha, subject: lockFix.subject, result: 'clean', conflicts: [], isFix: true, security: [] },
          { sha: cveFix.sha, subject: cveFix.subject, result: 'conflict', conflicts: ['exporter/tar.go'], isFix: true, security: cveFix.security },
        ],
      }),
    },
  );
}
