import { createAttributor } from '../attribution/attributeFiles.js';
import { learnRenamedFiles, learntRenames } from '../attribution/renames.js';
import type { CategoryGlobs } from '../classifiers/categorise.js';
import { readDiff } from '../diff/parse.js';
import { openGitSource } from '../git/gitSource.js';
import { earlierNames } from '../git/history.js';
import { renameLimitNotice } from '../git/renameLimit.js';
import type { Report } from '../model.js';
import { createNamedCommits, withNamedMerges } from './namedMerges.js';
import { startSync } from './syncPlan.js';

export interface GitAuditOptions {
  cwd: string;
  ref: string;
  upstream: string;
  origin: string;
  fetch: boolean;
  /** False to skip the sync plan (its forecasts are the slowest history work on a fork far behind). */
  sync?: boolean;
  /** `--fork-rev`: a local commit audited as the fork side. */
  forkRev?: string;
  /** False for `--no-progress`. */
  isProgress?: boolean;
  extraGlobs?: CategoryGlobs;
  ignore?: readonly string[];
}

/** What a run without the sync plan leaves out, said in the report. */
export const NO_SYNC_NOTICE = 'no sync plan (--no-sync): no merge or pick forecasts, carries or sync findings; commits that would cherry-pick empty stay listed as missing';

/**
 * Git mode for one ref: fetch both sides, stream `git diff upstream fork`,
 * attribute each file to the side that moved as it arrives, classify it
 * (reading whole files where that is exact), then add the commit lists.
 */
export async function auditGitRef(options: GitAuditOptions): Promise<Report> {
  // The classifiers load while git opens the clone and resolves the refs.
  const loading = import('./assemble.js');
  loading.catch(() => undefined); // awaited below, once the source is open
  const source = await openGitSource(options);
  const diff = source.diff();
  const attributor = createAttributor(source);
  // History and commit lists start now, beside the diff, not after the last file: git works while we parse.
  const listed = source.commits();
  // Which missing commits the fork has by their lines needs the lists and the history, not the diff.
  const settled = listed.then((known) => (known ? attributor.withApplied(known) : null));
  for (const started of [listed, settled, attributor.sides()]) started?.catch(() => undefined);
  // The sync plan's merges too: they need the range's log, not the classification.
  const sync = options.sync !== false ? startSync(source, attributor) : null;
  const { files, state } = readDiff(diff.stdout, { srcPrefix: source.srcPrefix, dstPrefix: source.dstPrefix });
  // The fork's renames since the merge base first (known once the first file is attributed), then the diff's.
  const renames = learntRenames();
  const named = createNamedCommits();
  let isSeeded = false;
  try {
    const { assemble } = await loading;
    return await assemble(
      {
        mode: 'git',
        files,
        context: { mode: 'git', readFile: source.readFile, linesOf: attributor.linesOf, commitSubject: attributor.subjectOf, translate: renames.translate },
        prepare: async (prepared) => {
          await attributor.attribute(prepared);
          if (!isSeeded) {
            isSeeded = true;
            for (const [forkPath, basePath] of (await attributor.sides())?.fork.changed.fromNames ?? []) renames.learn(forkPath, basePath);
          }
          learnRenamedFiles(renames, prepared);
          named.see(prepared);
          for (const file of prepared) sync?.observe(file);
        },
        extraGlobs: options.extraGlobs,
        ignore: options.ignore,
        isProgress: options.isProgress,
      },
      async () => {
        await diff.done; // rejects with git's own reason when the diff failed part-way
        const commits = await settled;
        const planned = commits && sync ? await sync.finish(commits) : null;
        const listed = planned?.commits ?? commits;
        const forkPaths = (await attributor.paths())?.fork.pathCommits;
        return {
          upstream: source.upstream,
          fork: source.fork,
          mergeBase: source.mergeBase,
          commits: listed && (await withNamedMerges(listed, named, source.mergeCommits)),
          sync: planned?.sync ?? null,
          findings: planned?.findings ?? [],
          forkEarlierNames: (path: string) => (forkPaths ? earlierNames(forkPaths, path) : []),
          notices: [
            ...source.notices, ...state.notices.list(), ...(planned?.notices ?? []), ...(sync ? [] : [NO_SYNC_NOTICE]),
            ...[renameLimitNotice(diff.warnings(), source.renameLimit)].filter((notice) => notice !== null),
          ],
        };
      },
    );
  } catch (error) {
    diff.cancel();
    throw error;
  } finally {
    sync?.cancel();
    source.close();
  }
}
