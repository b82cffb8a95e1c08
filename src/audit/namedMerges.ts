import { shortCommitId } from '../attribution/lineFacts.js';
import { listedCommits } from '../model.js';
import type { CommitInfo, Commits, FileDiff } from '../model.js';

/** The commits a run's hunks name, gathered file by file as they are attributed. */
export interface NamedCommits {
  see(files: readonly FileDiff[]): void;
  /** Named commits none of `commits`' lists holds, sorted (so git is asked the same on every run). */
  unlisted(commits: Commits): string[];
}

export const createNamedCommits = (): NamedCommits => {
  const named = new Set<string>();
  return {
    see: (files) => {
      for (const file of files) for (const hunk of file.hunks) for (const id of hunk.commits) named.add(id);
    },
    unlisted: (commits) => {
      const listed = new Set(listedCommits(commits).map((commit) => shortCommitId(commit.sha)));
      return [...named].filter((id) => !listed.has(id)).sort();
    },
  };
};

/** `commits` with the merges its hunks name but no list holds, so every report can say what they were. */
export const withNamedMerges = async (commits: Commits, named: NamedCommits, mergeCommits: (names: readonly string[]) => Promise<CommitInfo[]>): Promise<Commits> => {
  const unlisted = named.unlisted(commits);
  return unlisted.length === 0 ? commits : { ...commits, merges: await mergeCommits(unlisted) };
};
