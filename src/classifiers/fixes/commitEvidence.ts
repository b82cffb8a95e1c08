import { isFixSubject, isRevertSubject, isTypeCheckSubject, securityIdsOf } from '../../git/commitLog.js';

/** Subjects of feature work: a missing block from one of these is more often the feature than a fix. */
const FEATURE_SUBJECT = /^(?:[\w/.-]+(?:\([^)]*\))?:\s*)?(?:add|adds|added|support|supports|implement|introduce|new|allow|enable|feat)\b|\battribute\b|\boption\b/i;

/**
 * Subjects of rework that keeps behaviour: a tree-wide cleanup, a move, a
 * rename, a helper that now does the check (X11Libre's 'treewide: use helper
 * dixGetScreenPtr()', 'dbe: locally scope variables and declare when needed');
 * a type checker satisfied (`fix type errors`, see isTypeCheckSubject) too.
 */
const REWORK_SUBJECT = /\b(?:refactor\w*|clean(?:s|ed|ing)?[ -]?ups?|cleanups?|treewide|tree-wide|tidy|simplif\w*|reorgani[sz]\w*|restructur\w*|rework\w*|declar\w*|c99|coding style|style|reformat\w*|whitespace|parenthes[ie]s|brackets?|helpers?|inline|renam\w*|moves?|moved|split|dedup\w*|unused|dead code|instead of)\b/i;

/**
 * A dependency or CI bump: `build(deps): bump GitHub Actions to fix Node.js 20
 * deprecation` (nektos/act's 10add23e, a Docker SDK migration) fixes the
 * build, not the code its lines are in. It is a fix for that code only when it
 * names a security problem.
 */
const BUMP_SUBJECT = /^(?:(?:build|chore|ci|deps)(?:\([^)]*\))?!?:\s*)?bump\b|^(?:build|chore|ci)\(deps?\)!?:/i;

/** What the commits behind some lines say: fixes, security fixes, or feature work. */
export interface CommitEvidence {
  /** Short ids and subjects of the commits that read as fixes (fix, bug, CVE, race, leak, panic…). */
  fixes: string[];
  /** The same commits' short ids. */
  fixShas: ReadonlySet<string>;
  /** True when one of them names a CVE/GHSA id or says security. */
  isSecurity: boolean;
  /** True when every commit read is feature work and none is a fix. */
  isFeatureOnly: boolean;
  /** True when every commit read is rework or feature work, and none is a fix or a revert. */
  isReworkOnly: boolean;
}

/**
 * Reads the subjects of the commits that wrote a hunk's missing lines (git
 * mode): an upstream commit that says it fixes something is evidence on its
 * own, even where the code carries no guard-shaped line; one that adds a
 * feature makes a guard-shaped block less likely to be a fix.
 */
export function commitEvidence(commits: readonly string[], subjectOf: (shortSha: string) => string | null): CommitEvidence {
  const subjects = commits.map((sha) => ({ sha, subject: subjectOf(sha) })).filter((each): each is { sha: string; subject: string } => each.subject !== null);
  const fixes = subjects.filter(({ subject }) => isFixSubject(subject) && (!BUMP_SUBJECT.test(subject) || securityIdsOf(subject).length > 0));
  return {
    fixes: fixes.map(({ sha, subject }) => `${sha} ${subject}`),
    fixShas: new Set(fixes.map(({ sha }) => sha)),
    isSecurity: fixes.some(({ subject }) => securityIdsOf(subject).length > 0),
    isFeatureOnly: subjects.length > 0 && fixes.length === 0 && subjects.every(({ subject }) => FEATURE_SUBJECT.test(subject)),
    isReworkOnly: subjects.length > 0 && fixes.length === 0 &&
      subjects.every(({ subject }) => !isRevertSubject(subject) && (REWORK_SUBJECT.test(subject) || isTypeCheckSubject(subject) || FEATURE_SUBJECT.test(subject))),
  };
}
