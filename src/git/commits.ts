import type { AppliedCommit, Commits, RevertInfo } from '../model.js';
import { logCommits, toCommitInfo } from './commitLog.js';
import type { LoggedCommit } from './commitLog.js';
import type { Repo } from './repo.js';
import { runGitWithInput } from './spawnGit.js';

/**
 * Commits that tell the two sides apart, from one `git log --left-right
 * --cherry-mark` over the symmetric range (git's own cost, whatever the
 * count): `>` upstream only, `<` fork only, `=` a commit whose patch-id the
 * other side has too. An upstream commit the fork cherry-picked is then
 * not missing but applied, paired with the fork commit that carries it.
 */
export const listCommits = async (repo: Repo, upstreamSha: string, forkSha: string): Promise<ListedCommits> => {
  const [logged, upstreamOnly] = await Promise.all([logCommits(repo, ['--left-right', '--cherry-mark', `${forkSha}...${upstreamSha}`]), revList(repo, `${forkSha}..${upstreamSha}`)]);
  const isUpstream = new Set(upstreamOnly);
  const missing = logged.filter((commit) => commit.mark === '>');
  const forkOnly = logged.filter((commit) => commit.mark === '<');
  const equivalent = logged.filter((commit) => commit.mark === '=');
  const forkEquivalent = equivalent.filter((commit) => !isUpstream.has(commit.sha));
  const applied = await pairByPatchId(repo, equivalent.filter((commit) => isUpstream.has(commit.sha)), forkEquivalent);
  const reverts = await findReverts(repo, forkOnly, upstreamSha);
  return {
    commits: { missingFromFork: missing.map(toCommitInfo), applied, forkOnly: forkOnly.map(toCommitInfo), reverts },
    forkCommits: logged.filter((commit) => !isUpstream.has(commit.sha)),
    parents: new Map(logged.map((commit) => [commit.sha, commit.parents])),
  };
};

/** The commit lists, and every fork commit since the merge base with its message (for the carry ledger). */
export interface ListedCommits {
  commits: Commits;
  /** Fork-only commits and the fork's cherry-picks of upstream ones (`mark` `=`), newest first. */
  forkCommits: LoggedCommit[];
  /** Each listed commit's parents. */
  parents: Map<string, string[]>;
}

const revList = async (repo: Repo, range: string): Promise<string[]> =>
  (await repo.git.raw(['rev-list', range, '--'])).split('\n').filter((line) => line.length > 0);

/** Upstream commits the fork cherry-picked, each with the fork commit of the same `git patch-id --stable`. */
const pairByPatchId = async (repo: Repo, upstream: LoggedCommit[], fork: LoggedCommit[]): Promise<AppliedCommit[]> => {
  if (upstream.length === 0) return [];
  const shas = [...upstream, ...fork].map((commit) => commit.sha);
  const patches = await runGitWithInput(repo.cwd, ['log', '--stdin', '--no-walk', '-p', '--no-color', '--no-ext-diff', '--format=commit %H'], shas.map((sha) => `${sha}\n`).join(''));
  const ids = await runGitWithInput(repo.cwd, ['patch-id', '--stable'], patches);
  const idOf = new Map<string, string>();
  for (const line of ids.split('\n')) {
    const [patchId, sha] = line.split(' ');
    if (patchId && sha) idOf.set(sha, patchId);
  }
  const forkByPatchId = new Map(fork.map((commit) => [idOf.get(commit.sha), commit.sha]));
  return upstream.map((commit) => ({ commit: toCommitInfo(commit), how: 'patch-id', forkCommit: forkByPatchId.get(idOf.get(commit.sha)) ?? null }));
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
