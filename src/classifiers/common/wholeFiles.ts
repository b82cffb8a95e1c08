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
  const upstream = file.status === 'added' ? '' : await context.readFile('upstream', file.oldPath ?? file.path);
  const fork = file.status === 'deleted' ? '' : await context.readFile('fork', file.path);
  return upstream === null || fork === null ? null : { upstream, fork };
}
