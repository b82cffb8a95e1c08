import type { Finding, Side } from '../../model.js';
import { createFinding } from '../common/finding.js';
import { plural } from '../../text/plural.js';
import { directoriesAbove } from '../../pathDirectories.js';
import { addTo, appendTo } from '../../multiMap.js';

/** Fewer test files than this under one directory keep their rows. */
export const MIN_FOLDED_FILES = 5;

/**
 * Test files one side deleted (or the other added) that fill a directory,
 * as one row: dqlite took raft's test suite into `test/raft/` (75 files),
 * which cowsql, keeping raft a library of its own, lacks. A directory is
 * folded when at least MIN_FOLDED_FILES such rows of one side are under it,
 * no row of another side is, and no test file the diff shows the fork
 * having (`present`: changed, renamed or added, by either name) is: the
 * highest such directory.
 */
export function foldDeletedDirectories(findings: readonly Finding[], present: ReadonlySet<string>): Finding[] {
  const rows = findings.filter((finding) => finding.kind === 'test-file-deleted');
  if (rows.length < MIN_FOLDED_FILES) return [...findings];
  const blocked = new Set<string>();
  for (const path of present) for (const directory of directoriesAbove(path)) blocked.add(directory);
  const sidesUnder = new Map<string, Set<Side>>();
  const countUnder = new Map<string, number>();
  for (const row of rows) {
    for (const directory of directoriesAbove(row.path)) {
      addTo(sidesUnder, directory, row.side);
      countUnder.set(directory, (countUnder.get(directory) ?? 0) + 1);
    }
  }
  const isFoldable = (directory: string): boolean =>
    !blocked.has(directory) && sidesUnder.get(directory)?.size === 1 && (countUnder.get(directory) ?? 0) >= MIN_FOLDED_FILES;
  // Each row goes to its highest foldable directory (directoriesAbove lists the outermost first).
  const folded = new Map<string, Finding[]>();
  for (const row of rows) {
    const highest = directoriesAbove(row.path).find(isFoldable);
    if (highest !== undefined) appendTo(folded, highest, row);
  }
  if (folded.size === 0) return [...findings];
  const gone = new Set([...folded.values()].flat());
  const byFirst = new Map([...folded].map(([directory, each]) => [each[0] as Finding, directoryRow(directory, each)]));
  return findings.flatMap((finding) => byFirst.get(finding) ?? (gone.has(finding) ? [] : [finding]));
}

function directoryRow(directory: string, rows: readonly Finding[]): Finding {
  const first = rows[0] as Finding;
  const tests = rows.flatMap((row) => (Array.isArray(row.details['tests']) ? (row.details['tests'] as string[]) : []));
  const files = `${plural(rows.length, 'test file')} under ${directory}/${tests.length > 0 ? ` (${plural(tests.length, 'test')})` : ''}`;
  return createFinding({
    category: 'removed-tests', kind: 'test-files-deleted', path: `${directory}/`,
    message: messageOf(first.side, files),
    identity: [directory], side: first.side, line: null, lineIn: null, confidence: 'high',
    commits: [...new Set(rows.flatMap((row) => row.commits))],
    details: { test: `${directory}/`, files: rows.map((row) => row.path), tests },
  });
}

function messageOf(side: Side, files: string): string {
  if (side === 'upstream') return `upstream added ${files}; fork lacks them`;
  if (side === 'fork') return `fork deleted ${files}`;
  if (side === 'both') return `fork deleted ${files}, which upstream changed since`;
  return `${files} deleted`;
}
