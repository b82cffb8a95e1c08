import type { FileDiff } from '../../model.js';
import type { ClassifyContext } from '../define.js';

/**
 * Both sides of a file in git mode, where whole files make an analysis exact
 * (every line knows its stage, job or dependency block). A side where the
 * file does not exist reads as ''. Null without history, or when a side
 * cannot be read: analysers then fall back to the hunks.
 */
export async function readWholeFiles(file: FileDiff, context: ClassifyContext): Promise<{ upstream: string; fork: string } | null> {
  if (context.mode !== 'git') return null;
  // Both asked at once: one long-lived cat-file answers them in order.
  const [upstream, fork] = await Promise.all([
    file.status === 'added' ? '' : context.readFile('upstream', file.oldPath ?? file.path),
    file.status === 'deleted' ? '' : context.readFile('fork', file.path),
  ]);
  return upstream === null || fork === null ? null : { upstream, fork };
}
