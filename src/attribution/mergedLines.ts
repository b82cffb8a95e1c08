import type { History } from '../git/history.js';
import { BASE_OWNER, segmentList } from './lineOwners.js';
import type { RemovedRange, Segments } from './lineOwners.js';
import { chunkGroups, PATHSPEC_CHARS } from './pathChunks.js';
import { readGitPatch } from './patchReader.js';

/** Lines a merge brought in whose branch has several commits touching the file: which of them wrote (or removed) each. */
export interface MergedLines {
  writer(path: string, line: number): string | undefined;
  remover(basePath: string, line: number): string | undefined;
}

export interface MergedQueries {
  /** Tip path → its names over time and its owned segments. */
  files: ReadonlyMap<string, { names: ReadonlySet<string>; segments: Segments }>;
  /** Base path → the base lines removed, and the names the file had. */
  removed: ReadonlyMap<string, { names: ReadonlySet<string>; ranges: readonly RemovedRange[] }>;
  /** The branch commits that touched a file under these names, for a merge-owned range; empty for other owners. */
  candidates(owner: number, names: ReadonlySet<string>): readonly string[];
}

/** Past this many ambiguous lines a side keeps the merge's candidates rather than read that much text. */
const MAX_LINES = 100_000;

/**
 * Past this many candidate commits × asked paths, likewise: reading the
 * candidates' patches is git's work per commit and path. KeyDB's merges of
 * redis left 3,940 candidates over 204 files: 3.4 s of git, for the commit
 * lists of 34 findings. buildkit's, SQLCipher's and SchildiChat's need
 * 473 to 4,836.
 */
export const MAX_PATH_CHECKS = 200_000;

interface Query {
  candidates: ReadonlySet<string>;
  found?: string;
}

/**
 * The asked lines of one text with one candidate set: the log answers them
 * alike, so each patch line is matched once per group, not once per line (a
 * blank line of ckan's merged files was 15,000 queries, ten seconds).
 */
interface Group {
  candidates: ReadonlySet<string>;
  queries: Query[];
  found?: string;
}

/**
 * Resolves lines that the first-parent walk could only pin on a merge. The
 * release branch of a real upstream is often all `--no-ff` merges, and one
 * backport can bring in twenty commits that each edited go.mod: listing all
 * of them for a `containerd` line says nothing. Each ambiguous line's text is
 * read from the tip (or the base, for a removed line) and looked for among
 * those commits' own changes to the file: the newest candidate that added
 * that text wrote it; the oldest that removed it removed it. Two git
 * processes per side, and only when some merge brought in more than one
 * commit touching a changed file.
 */
export const resolveMergedLines = async (
  history: History, base: string, tip: string, queries: MergedQueries, maxPathChecks = MAX_PATH_CHECKS,
): Promise<MergedLines> => {
  const added = new Map<string, Map<number, Query>>();
  const removed = new Map<string, Map<number, Query>>();
  let count = 0;
  // One set per list of candidates, so that lines of several segments with the same candidates group together.
  const sets = new Map<string, ReadonlySet<string>>();
  const ask = (into: Map<string, Map<number, Query>>, path: string, from: number, to: number, candidates: readonly string[]): void => {
    if (candidates.length < 2) return;
    const lines = into.get(path) ?? new Map<number, Query>();
    const key = candidates.join(' ');
    const set = sets.get(key) ?? new Set(candidates);
    sets.set(key, set);
    const query = { candidates: set };
    for (let line = from; line < to && count < MAX_LINES; line += 1, count += 1) lines.set(line, { ...query });
    into.set(path, lines);
  };
  for (const [path, { names, segments }] of queries.files) {
    for (const segment of segmentList(segments)) if (segment.owner !== BASE_OWNER) ask(added, path, segment.from, segment.to, queries.candidates(segment.owner, names));
  }
  for (const [basePath, { names, ranges }] of queries.removed) {
    // A whole deleted file's range runs to infinity; the base blob bounds it below.
    for (const range of ranges) ask(removed, basePath, range.from, Math.min(range.to, range.from + MAX_LINES), queries.candidates(range.owner, names));
  }
  if (count === 0 || count >= MAX_LINES) return NONE;
  const candidates = new Set<string>();
  for (const asked of [added, removed]) for (const lines of asked.values()) for (const query of lines.values()) for (const sha of query.candidates) candidates.add(sha);
  if (candidates.size * (added.size + removed.size) > maxPathChecks) return NONE;

  // Text → lines, per path, from the tip's and the base's blobs.
  const addedPaths = [...added.keys()];
  const removedPaths = [...removed.keys()];
  const blobs = await history.blobs([...addedPaths.map((path) => `${tip}:${path}`), ...removedPaths.map((path) => `${base}:${path}`)]);
  const groups: Group[] = [];
  const index = (paths: string[], offset: number, asked: Map<string, Map<number, Query>>): Map<string, Map<string, Group[]>> => {
    const byText = new Map<string, Map<string, Group[]>>();
    paths.forEach((path, at) => {
      const text = blobs[offset + at]?.toString('utf8').split('\n') ?? [];
      const lines = new Map<string, Group[]>();
      for (const [line, query] of asked.get(path) ?? []) {
        const content = text[line - 1];
        if (content === undefined) continue;
        const alike = lines.get(content) ?? [];
        let group = alike.find((each) => each.candidates === query.candidates);
        if (!group) {
          group = { candidates: query.candidates, queries: [] };
          alike.push(group);
          groups.push(group);
          lines.set(content, alike);
        }
        group.queries.push(query);
      }
      byText.set(path, lines);
    });
    return byText;
  };
  const addedByText = index(addedPaths, 0, added);
  const removedByText = index(removedPaths, addedPaths.length, removed);

  // Every name each asked file had, so a commit made before a rename still matches.
  const nameOf = (names: Map<string, string>, path: string, all: ReadonlySet<string> | undefined): void => {
    for (const name of all ?? [path]) names.set(name, path);
    names.set(path, path);
  };
  const addedNames = new Map<string, string>();
  for (const path of addedPaths) nameOf(addedNames, path, queries.files.get(path)?.names);
  const removedNames = new Map<string, string>();
  for (const path of removedPaths) nameOf(removedNames, path, queries.removed.get(path)?.names);

  let sha = '';
  const paths = [...new Set([...addedNames.keys(), ...removedNames.keys()])];
  for (const chunk of chunkGroups(paths.map((path) => [path]), PATHSPEC_CHARS)) {
    // `--no-walk` lists them newest first: the first to add a text is its last writer.
    await readGitPatch(history.commitPatches([...candidates], chunk), {
      commit: (id) => {
        sha = id;
      },
      file: () => undefined,
      line: (type, text, file) => {
        const isAdded = type === '+';
        const name = isAdded ? file.newPath : file.oldPath;
        const path = name === null ? undefined : (isAdded ? addedNames : removedNames).get(name);
        const matches = path === undefined ? undefined : (isAdded ? addedByText : removedByText).get(path)?.get(text);
        for (const group of matches ?? []) {
          if (!group.candidates.has(sha)) continue;
          // Added: keep the newest writer. Removed: the oldest remover wins, so keep overwriting.
          if (!isAdded || group.found === undefined) group.found = sha;
        }
      },
    });
  }
  for (const group of groups) {
    if (group.found !== undefined) for (const query of group.queries) query.found = group.found;
  }
  return {
    writer: (path, line) => added.get(path)?.get(line)?.found,
    remover: (basePath, line) => removed.get(basePath)?.get(line)?.found,
  };
};

const NONE: MergedLines = { writer: () => undefined, remover: () => undefined };
