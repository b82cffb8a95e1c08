import type { Commits, RevertInfo } from '../model.js';
import { logCommits, toCommitInfo } from './commitLog.js';
import type { LoggedCommit } from './commitLog.js';
import type { Repo } from './repo.js';

/**
 * Commits that tell the two sides apart. `--cherry-pick` compares patch ids,
 * so an upstream fix the fork cherry-picked counts as present, exactly as
 * `git cherry` would report it.
 */
export const listCommits = async (repo: Repo, upstreamSha: string, forkSha: string): Promise<Commits> => {
  const range = `${forkSha}...${upstreamSha}`;
  const [missing, forkOnly] = await Promise.all([
    logCommits(repo, ['--cherry-pick', '--right-only', range]),
    logCommits(repo, ['--cherry-pick', '--left-only', range]),
  ]);
  const reverts = await findReverts(repo, forkOnly, upstreamSha);
  return { missingFromFork: missing.map(toCommitInfo), applied: [], forkOnly: forkOnly.map(toCommitInfo), reverts };
};

const REVERTED_SHA = /This reverts commit ([0-9a-f]{7,40})/i;
const REVERT_SUBJECT = /^Revert "(.+)"$/;

/** Fork-only commits that revert an upstream commit, named by sha or by subject. */
const findReverts = async (repo: Repo, forkOnly: LoggedCommit[], upstreamSha: string): Promise<RevertInfo[]> => {
  const reverts: RevertInfo[] = [];
  for (const commit of forkOnly) {
    const revertedSha = REVERTED_SHA.exec(commit.body)?.[1];
    const revertedSubject = REVERT_SUBJECT.exec(commit.subject)?.[1];
    if (!revertedSha && !revertedSubject) continue;
    const bySha = revertedSha ? await resolveCommit(repo, revertedSha) : null;
    // A revert of one of the fork's own commits is the fork's business, not drift from upstream.
    if (bySha && !(await isAncestor(repo, bySha.sha, upstreamSha))) continue;
    const reverted = bySha ?? (revertedSubject ? await findBySubject(repo, revertedSubject, upstreamSha) : null);
    reverts.push({ commit: toCommitInfo(commit), reverts: reverted?.sha ?? null, revertsSubject: reverted?.subject ?? revertedSubject ?? null });
  }
  return reverts;
};

const resolveCommit = async (repo: Repo, sha: string): Promise<LoggedCommit | null> => {
  const found = await logCommits(repo, ['--no-walk', `${sha}^{commit}`, '--']).catch(() => []);
  return found[0] ?? null;
};

const isAncestor = (repo: Repo, ancestor: string, descendant: string): Promise<boolean> =>
  repo.git
    .raw(['merge-base', '--is-ancestor', ancestor, descendant])
    .then(() => true)
    .catch(() => false);

const findBySubject = async (repo: Repo, subject: string, upstreamSha: string): Promise<LoggedCommit | null> => {
  const candidates = await logCommits(repo, ['--fixed-strings', `--grep=${subject}`, '-n', '50', upstreamSha, '--']);
  return candidates.find((candidate) => candidate.subject === subject) ?? null;
};
