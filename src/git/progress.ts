import type { SimpleGitProgressEvent } from 'simple-git';

/**
 * Fetch progress on one rewritten stderr line. Only used when stderr is a
 * terminal: CI logs and redirected output stay free of carriage returns.
 */
export const reportFetchProgress = (event: SimpleGitProgressEvent): void => {
  const isFinished = event.progress >= 100;
  process.stderr.write(`\rgit ${event.method}: ${event.stage} ${event.progress}%${isFinished ? '\n' : ''}`);
};
