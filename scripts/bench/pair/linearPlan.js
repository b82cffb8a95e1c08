// The history of a generated pair with a given number of commits per side.
// Which blocks each side rewrites depends only on the seed and the tree,
// never on the commit count, so a pair with 1 commit per side and one with
// 3,000 have the same two tips: they differ only in history, and their
// two-tip diffs are byte for byte the same.
import { editId } from './blockFile.js';
import { forkSubject, upstreamSubject } from './subjects.js';

/** `count` distinct items of `items`, in random order. */
function sample(random, items, count) {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy.slice(0, count);
}

/** `items` cut into `count` runs of nearly equal length (none empty while items last). */
function chunks(items, count) {
  const result = [];
  for (let index = 0; index < count; index += 1) {
    const run = items.slice(Math.floor((index * items.length) / count), Math.floor(((index + 1) * items.length) / count));
    if (run.length > 0) result.push(run);
  }
  return result;
}

/**
 * @param {ReturnType<import('../random.js').createRandom>} random
 * @param {{ blocks: number }[]} files
 * @param {{ upstreamFiles: number, forkFiles: number, upstreamBlocks: number, forkBlocks: number,
 *   conflicts: number, picks: number, commitsPerSide: number, soleOwners?: number }} shape shares of
 *   files each side edits, blocks per edited file (Infinity: all its even or odd blocks), the share of
 *   fork-edited files that also rewrite a block upstream rewrote, the share of upstream edits the fork
 *   backports; with `soleOwners`, that share of files is given whole to one side (half each), every
 *   block included, and only the rest is shared (upstream the even blocks, the fork the odd ones)
 * @returns {{ steps: object[], picked: number, edits: { upstream: number, fork: number } }}
 */
export function planLinear(random, files, shape) {
  const upstream = [];
  const fork = [];
  let forkIndex = 0;
  files.forEach((file, index) => {
    // Blocks each side may rewrite: upstream the even ones, the fork the odd ones, unless one side owns the file.
    let upstreamSide = Array.from({ length: Math.ceil(file.blocks / 2) }, (_, half) => half * 2);
    let forkSide = Array.from({ length: Math.floor(file.blocks / 2) }, (_, half) => half * 2 + 1);
    if (shape.soleOwners !== undefined) {
      const owner = random.next();
      const all = [...upstreamSide, ...forkSide];
      if (owner < shape.soleOwners / 2) [upstreamSide, forkSide] = [all, []];
      else if (owner < shape.soleOwners) [upstreamSide, forkSide] = [[], all];
    }
    const rewritten = random.chance(shape.upstreamFiles) ? sample(random, upstreamSide, shape.upstreamBlocks) : [];
    const isForked = random.chance(shape.forkFiles);
    for (const block of rewritten) upstream.push({ file: index, block, edit: editId('upstream', upstream.length) });
    if (!isForked) return;
    for (const block of sample(random, forkSide, shape.forkBlocks)) fork.push({ file: index, block, edit: editId('fork', forkIndex++) });
    // Both sides rewrote this block: a `both` hunk and a merge conflict.
    if (rewritten.length > 0 && random.chance(shape.conflicts)) fork.push({ file: index, block: rewritten[0], edit: editId('fork', forkIndex++), isConflict: true });
  });
  const conflicted = new Set(fork.filter((edit) => edit.isConflict).map((edit) => `${edit.file}:${edit.block}`));
  const pickable = upstream.filter((edit) => !conflicted.has(`${edit.file}:${edit.block}`));
  const picks = sample(random, pickable, Math.round(upstream.length * shape.picks));
  // A backport is a commit of its own on both sides (so the patch-ids match) when there are commits enough.
  const isPickCommit = shape.commitsPerSide > picks.length;
  const pickSet = new Set(isPickCommit ? picks : []);
  const upstreamCommits = [...chunks(sample(random, upstream.filter((edit) => !pickSet.has(edit)), upstream.length), shape.commitsPerSide - pickSet.size), ...[...pickSet].map((edit) => [edit])];
  const forkEdits = sample(random, isPickCommit ? fork : [...fork, ...picks], Infinity);
  const forkCommits = [...chunks(forkEdits, shape.commitsPerSide - pickSet.size), ...[...pickSet].map((edit) => [edit])];
  const ordered = (commits) => sample(random, commits, Infinity);
  const ups = ordered(upstreamCommits).map((edits, index) => ({ edits, message: upstreamSubject(random, index) }));
  const forks = ordered(forkCommits);
  const pickSubjects = new Map(ups.filter((commit) => pickSet.has(commit.edits[0])).map((commit) => [commit.edits[0], commit.message]));
  const steps = [{ op: 'base', message: 'v0.11.0' }];
  for (let index = 0; index < Math.max(ups.length, forks.length); index += 1) {
    if (ups[index]) steps.push({ op: 'commit', branch: 'upstream', ...ups[index] });
    const edits = forks[index];
    if (edits) steps.push({ op: 'commit', branch: 'fork', message: pickSubjects.get(edits[0]) ?? forkSubject(random, index), edits });
  }
  return { steps, picked: pickSet.size, edits: { upstream: upstream.length, fork: fork.length } };
}
