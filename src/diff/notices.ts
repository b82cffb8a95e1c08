/** Where the parser says what it found wrong in a diff; a plain array will do. */
export interface NoticeSink {
  push(...notices: string[]): unknown;
}

/** Problems listed one by one; past this many they are counted. */
export const MAX_DIFF_NOTICES = 100;

/**
 * The notices of one diff: the first `limit`, then one line counting the
 * rest. A broken 100 MB diff can have a problem in every hunk, and each
 * would be a line in every report and a string held until the end.
 */
export function createNoticeList(limit = MAX_DIFF_NOTICES): NoticeSink & { list(): string[] } {
  const kept: string[] = [];
  let more = 0;
  return {
    push: (...notices) => {
      for (const notice of notices) {
        if (kept.length < limit) kept.push(notice);
        else more += 1;
      }
    },
    list: () => (more === 0 ? [...kept] : [...kept, `… and ${more} more problems in the diff, not listed`]),
  };
}
