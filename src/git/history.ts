import { createBlobReader } from './blobReader.js';
import type { BlobReader } from './blobReader.js';
import { runGitWithInput, spawnGit } from './spawnGit.js';
import { renameArgs, spawnChangedLinesDiff, spawnLineLog, zeroContext } from './diffStream.js';
import type { LogScope } from './diffStream.js';
import type { GitProcess } from './spawnGit.js';
import type { Repo } from './repo.js';
import { appendTo, createPairCache, oncePer } from '../multiMap.js';
import { nameOnlyEntries } from './commitLog.js';

export type { LogScope };

/**
 * The history queries attribution needs, so that attribution itself never
 * runs git. Each is batched: one process per question, not one per file.
 */
export interface History {
  /** Blob ids for `rev:path` names (null where absent), in order. */
  blobIds(names: string[]): Promise<(string | null)[]>;
  /** Paths whose blob differs between `from` and `to` (absent counts), and renames `from` → `to`. */
  changedFiles(from: string, to: string): Promise<ChangedFiles>;
  /** Each path whose entry (mode and object) differs between `from` and `to`, renames unpaired: `mode id` at each, null where absent. */
  differingEntries(from: string, to: string): Promise<Map<string, { from: string | null; to: string | null }>>;
  /** Zero-context diff `from` → `to`, limited to `paths` (all when empty), streamed. */
  changedLines(from: string, to: string, paths: string[]): GitProcess;
  /** Zero-context diff of two blobs named `rev:path`, streamed. */
  blobLines(from: string, to: string): GitProcess;
  /** Zero-context patches of `from..to`'s first-parent chain, oldest first, each after a `\x01<sha> <parents>` line, for the files `scope` covers; spooled to a temporary file when asked. */
  lineLog(from: string, to: string, scope: LogScope, isSpooled?: boolean): GitProcess;
  /** For each path at `to`, the commits in `from..to` that touched it, newest first, where renames came from, and every commit's parents. */
  commitsByPath(from: string, to: string): Promise<PathCommits>;
  /** Zero-context patches of exactly these (non-merge) commits, limited to `paths`, each after a `\x01<sha> <parents>` line. */
  commitPatches(shas: readonly string[], paths: readonly string[]): GitProcess;
  /** For each of `paths`, the merges in `from..to` whose tree differs there from one of their parents' (a merge's own resolution), newest first. */
  mergesTouching(from: string, to: string, paths: readonly string[]): Promise<Map<string, string[]>>;
  /** Contents of `rev:path` names, null where absent (one `cat-file --batch`). */
  blobs(names: readonly string[]): Promise<(Buffer | null)[]>;
}

export interface ChangedFiles {
  paths: Set<string>;
  /** Each renamed path → its name on the other tree, both ways. */
  renames: Map<string, string>;
  /** A path at `to` that a rename gave it → its name at `from`. */
  fromNames: Map<string, string>;
  /** Paths of `from` that `to` lacks: deleted, or renamed away. */
  removed: Set<string>;
  /** Paths of `to` that `from` lacks under any name: added, not renamed. */
  added: Set<string>;
}

export interface PathCommits {
  /** Path → commits that touched it under that name, newest first. */
  byPath: Map<string, string[]>;
  /** Renamed path → each rename that gave it: the name before, and the commit. */
  renamedInto: Map<string, { from: string; sha: string }[]>;
  /** Each commit's place in the log, newest first: which of two came later. */
  order: Map<string, number>;
  /** Each (non-merge) commit's subject, for evidence read while classifying (a fix commit explains a missing guard). */
  subjects: Map<string, string>;
  /** Every commit of the range, merges included → its parents. */
  parents: Map<string, string[]>;
}

/** The names a renamed path had just before (one per rename that gave it that name). */
export const namesBefore = ({ renamedInto }: Pick<PathCommits, 'renamedInto'>, path: string): string[] =>
  (renamedInto.get(path) ?? []).map(({ from }) => from);

/** `renamedInto` turned around: each name a rename took away → the renames that took it, with the name each gave. */
export const renamesOutOf = ({ renamedInto }: Pick<PathCommits, 'renamedInto'>): Map<string, { to: string; sha: string }[]> => {
  const outOf = new Map<string, { to: string; sha: string }[]>();
  for (const [to, into] of renamedInto) for (const { from, sha } of into) appendTo(outOf, from, { to, sha });
  return outOf;
};

/**
 * The last name the range's commits renamed `path` to, one rename after
 * another (the newest where a name was renamed more than once): incus's
 * `lxd/device/proxy.go` became `internal/server/device/proxy.go` in three
 * renames, and its later changes left it too unlike the base file for a
 * base → tip diff to pair. Undefined when no commit renamed it.
 */
export const lastNameOf = (paths: Pick<PathCommits, 'renamedInto' | 'order'>, path: string): string | undefined => {
  const outOf = renamesOutOfOnce(paths);
  const newest = (name: string): string | undefined =>
    outOf.get(name)?.reduce((kept, each) => ((paths.order.get(each.sha) ?? 0) < (paths.order.get(kept.sha) ?? 0) ? each : kept)).to;
  let name = path;
  const seen = new Set([name]);
  for (let next = newest(name); next !== undefined && !seen.has(next); next = newest(name)) {
    seen.add(next);
    name = next;
  }
  return name === path ? undefined : name;
};
const renamesOutOfOnce = oncePer(renamesOutOf);

/**
 * Every name a path had before, through each rename in the range (a file the
 * fork added, then renamed: `debian/piaware.init` →
 * `debian/piaware-mutability.init`), nearest first.
 */
export const earlierNames = (paths: Pick<PathCommits, 'renamedInto'>, path: string): string[] => {
  const seen = new Set([path]);
  const queue = [path];
  for (let at = 0; at < queue.length; at += 1) {
    for (const name of namesBefore(paths, queue[at] as string)) {
      if (seen.has(name)) continue;
      seen.add(name);
      queue.push(name);
    }
  }
  return queue.slice(1);
};

/** commitsUnderEveryName's answers, per side's PathCommits (by its byPath map) and path. */
const underEveryName = createPairCache<ReadonlyMap<string, readonly string[]>, string, string[]>();

/**
 * The commits that touched the file now at `path`: under that name, and
 * under each name it had before a rename, by commits older than the rename.
 * A later file that took up an old name is another file (nextcord renamed
 * discord/ui/select.py away, then added a shim of that name).
 */
export const commitsUnderEveryName = (paths: Pick<PathCommits, 'byPath' | 'renamedInto' | 'order'>, path: string): string[] =>
  // Asked for every changed line of a file: worked out once per path.
  underEveryName(paths.byPath, path, () => walkNames(paths, path));

const walkNames = ({ byPath, renamedInto, order }: Pick<PathCommits, 'byPath' | 'renamedInto' | 'order'>, path: string): string[] => {
  const found = new Set<string>();
  // `after`: only commits placed after it in the log (older) count; each step back in time raises it, so loops end.
  const visit = (name: string, after: number): void => {
    for (const sha of byPath.get(name) ?? []) if ((order.get(sha) ?? 0) > after) found.add(sha);
    for (const { from, sha } of renamedInto.get(name) ?? []) {
      const at = order.get(sha) ?? 0;
      if (at > after) visit(from, at);
    }
  };
  visit(path, -1);
  return [...found];
};

/**
 * Whether one commit wrote every line of a path: it alone touched it, under
 * this name and every earlier one. A file the fork added and a later commit
 * renamed is not (tcl-suite's daily.yml → valdb-daily.yml: the first commit's
 * lines live on under the new name).
 */
export const hasSoleCommit = (paths: Pick<PathCommits, 'byPath' | 'renamedInto'>, path: string): boolean =>
  paths.byPath.get(path)?.length === 1 && earlierNames(paths, path).every((name) => !paths.byPath.has(name));

/** Per commit, the paths it touched: `byPath` inverted, each commit's paths in `byPath`'s order. */
export const pathsByCommit = (byPath: ReadonlyMap<string, readonly string[]>): Map<string, string[]> => {
  const paths = new Map<string, string[]>();
  for (const [path, shas] of byPath) {
    for (const sha of shas) appendTo(paths, sha, path);
  }
  return paths;
};

/** One file of `git diff --raw -z` output; `renamedTo` for a rename or copy (`-M`). */
interface RawRecord {
  fromMode: string;
  toMode: string;
  fromId: string;
  toId: string;
  status: string;
  path: string;
  renamedTo: string | null;
}

/**
 * The records of `git diff --raw -z` output, which compares trees only (no
 * file contents bar rename scoring): `:mode mode id id status\0path\0`, and
 * a second path after a rename's or copy's.
 */
const rawRecords = (output: string): RawRecord[] => {
  const records: RawRecord[] = [];
  const tokens = output.split('\0');
  for (let index = 0; index < tokens.length; index += 1) {
    const fields = (tokens[index] ?? '').replace(/^:/, '').split(' ');
    if (fields.length < 5) continue;
    const [fromMode = '', toMode = '', fromId = '', toId = '', status = ''] = fields;
    const path = tokens[++index] ?? '';
    const renamedTo = /^[RC]/.test(status) ? (tokens[++index] ?? '') : null;
    records.push({ fromMode, toMode, fromId, toId, status, path, renamedTo });
  }
  return records;
};

export const createHistory = (repo: Repo, reader: BlobReader = createBlobReader(repo.cwd)): History => ({
  blobIds: async (names) => {
    if (names.length === 0) return [];
    const output = await runGitWithInput(repo.cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], names.map((name) => `${name}\n`).join(''));
    return output
      .split('\n')
      .slice(0, names.length)
      .map((line) => (/^[0-9a-f]{40,64} \w+$/.test(line) ? (line.split(' ')[0] ?? null) : null));
  },

  changedFiles: async (from, to) => {
    const output = await repo.git.raw(['diff', '--raw', '-z', ...renameArgs(repo.renameLimit), '--no-abbrev', '--no-ext-diff', from, to, '--']);
    const changed: ChangedFiles = { paths: new Set(), renames: new Map(), fromNames: new Map(), removed: new Set(), added: new Set() };
    for (const { fromId, toId, status, path, renamedTo } of rawRecords(output)) {
      if (renamedTo === null) {
        if (fromId !== toId) changed.paths.add(path);
        if (status === 'D') changed.removed.add(path);
        if (status === 'A') changed.added.add(path);
        continue;
      }
      // A copy keeps its source; a rename empties it. Either way the target is new.
      if (status.startsWith('R')) {
        changed.paths.add(path);
        changed.renames.set(path, renamedTo).set(renamedTo, path);
        changed.fromNames.set(renamedTo, path);
        changed.removed.add(path);
      }
      changed.paths.add(renamedTo);
    }
    return changed;
  },

  differingEntries: async (from, to) => {
    const output = await repo.git.raw(['diff', '--raw', '-z', '--no-renames', '--no-abbrev', '--no-ext-diff', from, to, '--']);
    // A side without the path has mode 000000.
    const entry = (mode: string, id: string): string | null => (/^0+$/.test(mode) ? null : `${mode} ${id}`);
    return new Map(rawRecords(output).map((record) => [record.path, { from: entry(record.fromMode, record.fromId), to: entry(record.toMode, record.toId) }]));
  },

  changedLines: (from, to, paths) => spawnChangedLinesDiff(repo.cwd, from, to, paths, repo.renameLimit),

  blobLines: (from, to) => spawnGit(repo.cwd, ['diff', ...zeroContext(repo.renameLimit), from, to]),

  lineLog: (from, to, scope, isSpooled) => spawnLineLog(repo.cwd, from, to, scope, repo.renameLimit, isSpooled),

  commitsByPath: async (from, to) => {
    // -z keeps paths raw (no C-quoting of quotes, tabs or newlines); \x01 marks a commit id.
    // Merges are listed for their parents only: git log shows no diff for a merge unless asked.
    const output = await repo.git.raw(['log', '-z', ...renameArgs(repo.renameLimit), '--format=%x01%H %P%x1f%s', '--name-status', `${from}..${to}`, '--']);
    const touched: PathCommits = { byPath: new Map(), renamedInto: new Map(), order: new Map(), subjects: new Map(), parents: new Map() };
    let sha = '';
    const tokens = output.split('\0').map((part) => part.replace(/^\n/, ''));
    for (let index = 0; index < tokens.length; index += 1) {
      const token = tokens[index] ?? '';
      if (token.startsWith('\x01')) {
        const separator = token.indexOf('\x1f');
        const [id = '', ...parents] = (separator === -1 ? token.slice(1) : token.slice(1, separator)).split(' ').filter((part) => part.length > 0);
        sha = id;
        touched.order.set(sha, touched.order.size);
        touched.parents.set(sha, parents);
        if (separator !== -1 && parents.length <= 1) touched.subjects.set(sha, token.slice(separator + 1));
        continue;
      }
      if (token.length === 0) continue;
      // A status letter, then one path, or two for a rename or copy (`R100`, `C075`).
      const isPair = token.startsWith('R') || token.startsWith('C');
      const oldPath = isPair ? (tokens[++index] ?? '') : null;
      const path = tokens[++index] ?? '';
      appendTo(touched.byPath, path, sha);
      if (oldPath !== null && token.startsWith('R')) appendTo(touched.renamedInto, path, { from: oldPath, sha });
    }
    return touched;
  },

  commitPatches: (shas, paths) =>
    spawnGit(repo.cwd, ['log', '--stdin', '--no-walk', ...zeroContext(repo.renameLimit), '--format=%x01%H %P', '--', ...paths], shas.map((sha) => `${sha}\n`).join('')),

  blobs: (names) => reader.readAll(names),

  mergesTouching: async (from, to, paths) => {
    const touched = new Map<string, string[]>();
    if (paths.length === 0) return touched;
    // -m: a merge's diff against each parent (none without it); the paths come on stdin after `--`, as many as there are.
    const output = await runGitWithInput(repo.cwd, ['log', '--stdin', '--merges', '-m', '-z', '--name-only', '--format=%x01%H'], `${from}..${to}\n--\n${paths.join('\n')}\n`);
    for (const { sha, path } of nameOnlyEntries(output)) if (!touched.get(path)?.includes(sha)) appendTo(touched, path, sha);
    return touched;
  },
});

