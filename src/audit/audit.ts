import type { CategoryGlobs } from '../classifiers/categorise.js';
import { learnRenamedFiles, learntRenames } from '../attribution/renames.js';
import { readDiff } from '../diff/parse.js';
import { ForkdiffError } from '../errors.js';
import type { RefSide, Report } from '../model.js';
import { assemble } from './assemble.js';
import { openDiffInput } from './diffFileInput.js';

export interface AuditOptions {
  /** Diff-file mode: a path, or `-` for stdin. */
  diffFile?: string;
  srcPrefix?: string;
  dstPrefix?: string;
  extraGlobs?: CategoryGlobs;
  ignore?: readonly string[];
  /** False for `--no-progress`. */
  isProgress?: boolean;
}

/** Diff-file mode: a saved diff in, one report out. Needs no git repository. */
export async function auditDiffFile(options: AuditOptions & { diffFile: string }): Promise<Report> {
  const input = await openDiffInput(options.diffFile);
  const { files, state } = readDiff(input, { srcPrefix: options.srcPrefix, dstPrefix: options.dstPrefix });
  const renames = learntRenames();
  const context = { mode: 'diff-file' as const, readFile: async () => null, linesOf: () => null, commitSubject: () => null, translate: renames.translate };
  return assemble(
    { mode: 'diff-file', files, context, prepare: async (prepared) => learnRenamedFiles(renames, prepared), extraGlobs: options.extraGlobs, ignore: options.ignore, isProgress: options.isProgress },
    () => {
      if (!state.hasContent) {
        throw new ForkdiffError(`the diff in ${describe(options.diffFile)} is empty: save the output of git diff into it`);
      }
      if (state.sectionCount === 0) {
        throw new ForkdiffError(
          `${describe(options.diffFile)} is not a diff: no "diff --git" or "--- / +++" file header found (pass git diff output, plain or in a \`\`\`diff fence)`,
        );
      }
      return {
        upstream: refFromPrefix(state.prefixes?.src),
        fork: refFromPrefix(state.prefixes?.dst),
        mergeBase: null,
        commits: null,
        notices: state.notices.list(),
      };
    },
  );
}

/** `upstream/v0.11/` names remote `upstream`, ref `v0.11`; `a/` names nothing. */
function refFromPrefix(prefix: string | undefined): RefSide | null {
  const match = /^([^/]+)\/(.+)\/$/.exec(prefix ?? '');
  return match ? { remote: match[1] as string, ref: match[2] as string, sha: null } : null;
}

const describe = (path: string): string => (path === '-' ? 'stdin' : path);
