// Diff-file mode. saved-dense is the dense pair's own two-tip diff (~100 MB,
// ~250k hunks) in every format, against a plain Node line splitter and
// `git apply --numstat` on the same file; issue 16 wants within 4× of the
// splitter and peak RSS below the diff's size and below 200 MB at 100 MB.
// saved300 is the bench's original synthetic diff (FORKDIFF_BENCH_MB).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkdiffFile, nodeCommand } from './commands.js';

const SPLITTER = fileURLToPath(new URL('../lineSplitter.js', import.meta.url));
const MB = 1024 * 1024;

const splitter = (diff, cwd) => nodeCommand('Node line splitter', [SPLITTER, diff], { cwd, stdoutToNull: true });
// git apply ignores paths outside the current directory when run inside a repository, so it runs from the scratch dir.
const gitApply = (diff, cwd, strip) => ({ label: 'git apply --numstat', command: 'git', args: ['apply', '--numstat', `-p${strip}`, diff], options: { cwd, stdoutToNull: true } });

export const savedDense = {
  id: 'saved-dense',
  title: 'saved diff, dense (the dense pair’s two-tip diff)',
  async prepare({ inputs, work }) {
    const { path, facts } = await inputs.denseDiff();
    // The limit is issue 16's for a diff of ~100 MB; on a small one Node's own ~40 MB is above it.
    const rssLimitBytes = facts.bytes >= 50 * MB ? Math.min(facts.bytes, 200 * MB) : undefined;
    const formats = ['json', 'table', 'markdown'].map((format) => forkdiffFile(`forkdiff --format ${format}`, path, join(work, `saved-dense.${format}`), format, work));
    return {
      facts: { diff: facts },
      commands: [splitter(path, work), gitApply(path, work, 1), ...formats],
      comparisons: [
        ...formats.map((run) => ({ label: `${run.label.slice(9)} / line splitter`, forkdiff: run.label, baseline: ['Node line splitter'], inputBytes: facts.bytes, rssLimitBytes, target: 'at most 4×; peak RSS below the diff and 200 MB' })),
        { label: '--format json / git apply --numstat', forkdiff: formats[0].label, baseline: ['git apply --numstat'], inputBytes: facts.bytes, rssLimitBytes },
      ],
    };
  },
};

export const saved300 = {
  id: 'saved300',
  title: 'saved diff, the original synthetic one (FORKDIFF_BENCH_MB)',
  async prepare({ inputs, work }) {
    const { path, facts } = await inputs.syntheticDiff();
    const forkdiff = forkdiffFile('forkdiff --format json', path, join(work, 'synthetic.json'), 'json', work);
    return {
      facts,
      // -p2 strips `upstream/v0.11/`, the prefix the synthetic diff uses.
      commands: [splitter(path, work), gitApply(path, work, 2), forkdiff],
      comparisons: [
        { label: '--format json / git apply --numstat', forkdiff: forkdiff.label, baseline: ['git apply --numstat'], inputBytes: facts.bytes },
        { label: '--format json / line splitter', forkdiff: forkdiff.label, baseline: ['Node line splitter'], inputBytes: facts.bytes },
      ],
    };
  },
};
