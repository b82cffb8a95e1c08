import type { AppliedCommit, CommitInfo, Commits, RevertInfo } from '../model.js';
import { reachedFrom, resolveCommits } from './ancestry.js';
import type { BlobReader } from './blobReader.js';
import { logCommits, logCommitsByIds, securityIdsOf, toCommitInfo } from './commitLog.js';
import type { LoggedCommit } from './commitLog.js';
import type { Repo } from './repo.js';
import { revertNamed, undoneCommits } from './revertTargets.js';
import { runGitWithInput } from './spawnGit.js';

/**
 * Commits that tell the two sides apart, from one `git log --left-right
 * --cherry-mark` over the symmetric range (git's own cost, whatever the
 * count): `>` upstream only, `<` fork only, `=` a commit whose patch-id the
 * other side has too. What that log says alone comes first (the sync plan
 * forecasts the missing commits from it); `settle` then pairs each upstream
 * commit the fork cherry-picked with the fork commit that carries it
 * (applied, not missing) and finds the fork's reverts.
 */
export const logCommitRange = async (repo: Repo, blobs: BlobReader, upstreamSha: string, forkSha: string): Promise<CommitRange> => {
  const logged = await logCommits(repo, ['--left-right', '--cherry-mark', `${forkSha}...${upstreamSha}`]);
  // Each commit's side is the tip the log reached it from (`=` commits carry no `<` or `>`); a git
  // without `%S` (before 2.21) prints it as is, and rev-list lists upstream's side instead.
  const hasSources = logged.every((commit) => commit.source === upstreamSha || commit.source === forkSha);
  const isUpstream = hasSources
    ? new Set(logged.flatMap((commit) => (commit.source === upstreamSha ? [commit.sha] : [])))
    : new Set(await revList(repo, `${forkSha}..${upstreamSha}`));
  const missing = logged.filter((commit) => commit.mark === '>').map(toCommitInfo);
  withoutQuotedSecurity(missing, logged);
  return {
    missing,
    forkCommits: logged.filter((commit) => !isUpstream.has(commit.sha)),
    parents: new Map(logged.map((commit) => [commit.sha, commit.parents])),
    settle: async () => {
      const forkOnly = logged.filter((commit) => commit.mark === '<');
      const equivalent = logged.filter((commit) => commit.mark === '=');
      const applied = await pairByPatchId(repo, equivalent.filter((commit) => isUpstream.has(commit.sha)), equivalent.filter((commit) => !isUpstream.has(commit.sha)));
      const reverts = await findReverts(repo, blobs, forkOnly, upstreamSha);
      return { missingFromFork: [...missing], applied, forkOnly: forkOnly.map(toCommitInfo), reverts, merges: [] };
    },
  };
};

/** What the range's log says before any other git: enough for the sync plan's forecasts and the carry ledger. */
export interface CommitRange {
  /** Upstream commits no fork commit has the patch-id of, newest first. */
  missing: readonly CommitInfo[];
  /** Fork-only commits and the fork's cherry-picks of upstream ones (`mark` `=`), newest first. */
  forkCommits: LoggedCommit[];
  /** Each listed commit's parents. */
  parents: Map<string, string[]>;
  /** The commit lists: cherry-picks paired by patch-id, reverts found (a few more git processes). */
  settle(): Promise<Commits>;
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

/** Fork-only commits that revert an upstream commit, named by sha or by subject, unless a later fork commit reverted them back. */
const findReverts = async (repo: Repo, blobs: BlobReader, forkOnly: LoggedCommit[], upstreamSha: string): Promise<RevertInfo[]> => {
  const undone = undoneCommits(forkOnly);
  const candidates = forkOnly.filter((commit) => !undone.has(commit.sha)).flatMap((commit) => {
    const { sha: revertedSha, subject: revertedSubject } = revertNamed(commit);
    return revertedSha || revertedSubject ? [{ commit, revertedSha, revertedSubject }] : [];
  });
  if (candidates.length === 0) return [];
  // The reverted commits named by sha, read together: each one's commit, and whether upstream has it.
  const ids = await resolveCommits(blobs, candidates.flatMap(({ revertedSha }) => (revertedSha ? [revertedSha] : [])));
  const known = [...new Set([...ids.values()].filter((id): id is string => id !== null))];
  const named = new Map((await logCommitsByIds(repo, known)).map((commit) => [commit.sha, commit]));
  const inUpstream = await reachedFrom(repo, upstreamSha, [...named.keys()]);
  const withSha = candidates.map((candidate) => {
    const id = candidate.revertedSha ? ids.get(candidate.revertedSha) : null;
    return { ...candidate, bySha: id ? (named.get(id) ?? null) : null };
  });
  // A revert of one of the fork's own commits is the fork's business, not drift from upstream.
  const ofUpstream = withSha.filter(({ bySha }) => bySha === null || inUpstream.has(bySha.sha));
  // The rest are found by subject (GitHub's revert button names no sha), all in one walk.
  const bySubject = await findBySubjects(repo, ofUpstream.flatMap(({ bySha, revertedSubject }) => (bySha === null && revertedSubject ? [revertedSubject] : [])), upstreamSha);
  // Named by a subject upstream never had but one of the fork's own commits has: the fork undid its own work
  // (paperless-ngx's `Revert "Bump sphinx from 3.4.3 to 4.4.0"`), as with a sha above, unless that commit
  // ported an upstream one under a tag (incus's `[lxd-import] doc: update download links`): that one is reverted.
  const forkSubjects = new Set(forkOnly.map((commit) => commit.subject));
  const isOwn = ({ bySha, revertedSubject }: { bySha: LoggedCommit | null; revertedSubject: string | undefined }): boolean =>
    bySha === null && revertedSubject !== undefined && !bySubject.has(revertedSubject) && forkSubjects.has(revertedSubject);
  const ported = await findBySubjects(repo, ofUpstream.filter(isOwn).flatMap(({ revertedSubject }) => withoutTag(revertedSubject ?? '') ?? []), upstreamSha);
  return ofUpstream.flatMap((candidate) => {
    const { commit, bySha, revertedSubject } = candidate;
    const isOwnCommit = isOwn(candidate);
    const port = isOwnCommit ? ported.get(withoutTag(revertedSubject ?? '') ?? '') : undefined;
    if (isOwnCommit && port === undefined) return [];
    const reverted = bySha ?? port ?? (revertedSubject ? (bySubject.get(revertedSubject) ?? null) : null);
    return [{ commit: toCommitInfo(commit), reverts: reverted?.sha ?? null, revertsSubject: reverted?.subject ?? revertedSubject ?? null }];
  });
};

/** A subject without the tag a fork puts before the commits it imports (`[lxd-import] doc: …` → `doc: …`); undefined without one. */
const withoutTag = (subject: string): string | undefined => /^\[[^\]]+\]\s+(.+)$/.exec(subject)?.[1];

/** Subjects per `git log --grep` (each one an argument). */
const SUBJECTS_PER_LOG = 50;

/**
 * Each subject's newest upstream commit of exactly that subject: one walk of
 * upstream's history per 50 subjects (their `--grep`s match any), where it
 * was one walk per subject, one after another.
 */
const findBySubjects = async (repo: Repo, subjects: readonly string[], upstreamSha: string): Promise<Map<string, LoggedCommit>> => {
  const wanted = [...new Set(subjects)];
  const found = new Map<string, LoggedCommit>();
  for (let start = 0; start < wanted.length; start += SUBJECTS_PER_LOG) {
    const chunk = new Set(wanted.slice(start, start + SUBJECTS_PER_LOG));
    const candidates = await logCommits(repo, ['--fixed-strings', ...[...chunk].map((subject) => `--grep=${subject}`), upstreamSha, '--']);
    // Newest first: the first commit of a subject is the one kept.
    for (const candidate of candidates) if (chunk.has(candidate.subject) && !found.has(candidate.subject)) found.set(candidate.subject, candidate);
  }
  return found;
};

/**
 * A commit whose message quotes another commit of the range by its subject
 * (netbox's squashed e3d9fe62 'Fix #17654: Add Role to ASN' lists 'Closes
 * #21571: Bump minimatch and markdown-it to resolve security alerts', a
 * commit of its own that is missing too) is not a security fix for what it
 * quotes: its message is read again without the quoted lines. A squashed
 * commit that is not in the range on its own still counts.
 */
function withoutQuotedSecurity(missing: CommitInfo[], logged: readonly LoggedCommit[]): void {
  const subjects = new Set(logged.map((commit) => commit.subject));
  const bodies = new Map(logged.map((commit) => [commit.sha, commit.body]));
  for (const commit of missing) {
    if (commit.security.length === 0) continue;
    const lines = (bodies.get(commit.sha) ?? '').split('\n');
    const own = lines.filter((line, index) => index === 0 || !subjects.has(line.replace(/^\s*(?:[*-]\s+)?/, '').trim()) || line.trim() === commit.subject);
    if (own.length < lines.length) commit.security = securityIdsOf(own.join('\n') || commit.subject);
  }
}

