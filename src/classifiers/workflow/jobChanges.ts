import type { FileDiff } from '../../model.js';
import { commentedOutJobLine, isGitLabCi, jobsOfHunks, sideView } from './jobs.js';
import type { JobLines } from './jobs.js';
import type { WorkflowSides } from './wholeWorkflow.js';

/** A job one tip has and the other lacks. */
export interface JobChange {
  name: string;
  /** Its key's line on the tip that has it. */
  line: number;
  /** For a job only upstream has: the fork's line where it stays as a comment (`# job:`), else null. */
  commentedLine: number | null;
  /** The job's text on the tip that has it, as far as known (whole file in git mode, else the hunk's lines). */
  body: string[];
}

export interface JobChanges {
  jobs: { upstream: JobLines; fork: JobLines };
  removed: JobChange[];
  added: JobChange[];
  /** Jobs the fork renamed with its product (upstream's name, the fork's), in neither list above. */
  renamed: { from: JobChange; to: JobChange }[];
}

/** The lines from a job's key to the next key at its indent or less: its body. */
export const bodyAt = (lines: readonly string[], numbers: readonly number[], line: number): string[] => {
  const start = numbers.indexOf(line);
  if (start === -1) return [];
  const indent = /^\s*/.exec(lines[start] ?? '')?.[0].length ?? 0;
  const end = lines.findIndex((text, index) => index > start && text.trim() !== '' && !text.trimStart().startsWith('#') && (/^\s*/.exec(text)?.[0].length ?? 0) <= indent);
  return lines.slice(start, end === -1 ? lines.length : end);
};

/**
 * Which jobs each side of a CI file defines, exactly from whole files in git
 * mode (every job is known, wherever the hunks are), else from what the
 * hunks show; and the jobs only one side has, with their bodies. A job only
 * upstream has whose name, as the fork would write it (`translate`, see
 * attribution/renames.ts), is a job only the fork has, is one renamed:
 * cherrypick's `generate-misskey-js` is its `generate-cherrypick-js`.
 */
export function jobChanges(file: FileDiff, sides: WorkflowSides, translate: (text: string) => string = (text) => text): JobChanges {
  const isGitLab = isGitLabCi(file.path);
  const views = { upstream: file.hunks.map((hunk) => sideView(hunk, 'upstream')), fork: file.hunks.map((hunk) => sideView(hunk, 'fork')) };
  const flat = (side: 'upstream' | 'fork') => ({ lines: views[side].flatMap((view) => view.lines), numbers: views[side].flatMap((view) => view.numbers) });
  let texts = { upstream: flat('upstream'), fork: flat('fork') };
  let jobs = { upstream: jobsOfHunks(file.hunks, 'upstream', isGitLab), fork: jobsOfHunks(file.hunks, 'fork', isGitLab) };
  if (sides) {
    const { jobs: upstream } = sides.upstream;
    const { jobs: fork } = sides.fork;
    if (upstream && fork) {
      jobs = { upstream, fork };
      const numbered = (lines: string[]) => ({ lines, numbers: lines.map((_, index) => index + 1) });
      texts = { upstream: numbered(sides.upstream.lines), fork: numbered(sides.fork.lines) };
    }
  }
  const removed = [...jobs.upstream].filter(([name]) => !jobs.fork.has(name)).map(([name, line]) => ({
    name,
    line,
    commentedLine: commentedOutJobLine(texts.fork.lines, name, texts.fork.numbers),
    body: bodyAt(texts.upstream.lines, texts.upstream.numbers, line),
  }));
  const added = [...jobs.fork].filter(([name]) => !jobs.upstream.has(name)).map(([name, line]) => ({
    name, line, commentedLine: null, body: bodyAt(texts.fork.lines, texts.fork.numbers, line),
  }));
  const renamed = removed.flatMap((from) => {
    const forkName = translate(from.name);
    const to = forkName === from.name || from.commentedLine !== null ? undefined : added.find((job) => job.name === forkName);
    return to ? [{ from, to }] : [];
  });
  const isRenamed = (job: JobChange): boolean => renamed.some(({ from, to }) => from === job || to === job);
  return { jobs, removed: removed.filter((job) => !isRenamed(job)), added: added.filter((job) => !isRenamed(job)), renamed };
}
