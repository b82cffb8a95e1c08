// Reads go.mod / go.sum / vendor/modules.txt (https://go.dev/ref/mod#go-mod-file), package.json and
// npm/yarn/pnpm lockfiles, Cargo.toml / Cargo.lock, requirements*.txt / poetry.lock / pyproject.toml.
import type { FileDiff, Finding, LineSide, Side } from '../model.js';
import { createFinding } from './common/finding.js';
import { locate, soleTipOf, wholeFile } from './common/location.js';
import type { Located } from './common/location.js';
import { defineClassifier, keepOpen } from './define.js';
import type { ClassifyContext } from './define.js';
import { preferLockedVersions } from './deps/lockPreference.js';
import { withLibraryVersions } from './deps/libraryVersion.js';
import { joinVendorConf, movedFromVendorConf } from './deps/movedManifest.js';
import { pairEntries } from './deps/pairEntries.js';
import { baseKey, readBaseVersions, readEntryGroups } from './deps/readers.js';
import type { BaseEntry } from './deps/readers.js';
import { dependencyRow } from './deps/rows.js';
import { attachVendoredFile, runMemoryOf, vendoredFilesOf } from './deps/runMemory.js';
import type { DependencyChange } from './deps/types.js';
import type { RunMemory } from './deps/runMemory.js';
import { gitmodulesRows, isGitmodulesPath } from './deps/gitmodules.js';
import { submoduleRow, submoduleRowAbove, withFilesInstead } from './deps/submodule.js';
import { isGitlink } from '../gitlink.js';
import { addKnownGoModules, isGoModulePath, isNodeModulesPath, vendoredPathOf, vendorModuleOf } from './deps/vendorModule.js';
import { foldIntoVendorTrees, isVendorTree, vendorTreeRow } from './deps/vendorTree.js';
import { isLockfile, oneTipLockfileRow } from './deps/oneTipLockfile.js';
import { vendoredDirOf } from '../vendoredDir.js';
import { plural } from '../text/plural.js';
import { isFileAt, isDependencyPath } from './paths.js';

/** The statuses of each vendored row's files, so that a library only one tip has says so once every file was read. */
const rowStatuses = new WeakMap<Finding, Set<FileDiff['status']>>();

/** One row per module for vendored files; later files of the module join its row. */
function vendoredFileRows(file: FileDiff, memory: RunMemory, context: ClassifyContext): Finding[] {
  const module = file.module ?? vendorModuleOf(file.path, memory.knownModules);
  if (!module) return [];
  file.module ??= module;
  // A Go module is one row wherever it is vendored; npm packages and web assets, one per directory they sit in.
  const isNpm = isNodeModulesPath(file.path);
  const isGo = !isNpm && isGoModulePath(module);
  const ecosystem = isGo ? 'go' : isNpm ? 'npm' : null;
  const dir = vendoredDirOf(file.path, module);
  const key = isGo ? module : dir;
  const existing = (isGo ? memory.goRows.get(module) : undefined) ?? memory.vendoredRows.get(key);
  if (existing) {
    attachVendoredFile(existing, file.path, wholeFile(file, context));
    rowStatuses.get(existing)?.add(file.status);
    return [];
  }
  const row = createFinding({
    category: 'vendored-deps',
    kind: 'vendored-files',
    path: dir.slice(0, -1),
    message: `${module}: vendored files differ without a version change in this diff`,
    identity: isGo ? ['go', module] : ['vendored', dir],
    ...wholeFile(file, context),
    confidence: 'medium',
    details: { module, ecosystem, upstream: null, fork: null, direction: 'changed', vendoredFiles: [file.path] },
  });
  memory.vendoredRows.set(key, keepOpen(row));
  rowStatuses.set(row, new Set([file.status]));
  return [row];
}

/** A submodule's row; the files the other tip keeps under its path join it, so it stays open until every file was read. */
function submoduleRows(file: FileDiff, memory: RunMemory, context: ClassifyContext): Finding {
  const row = submoduleRow(file, context);
  memory.submoduleRows.set(file.path, keepOpen(row));
  return row;
}

/**
 * A vendored library whose every file one tip alone has was added or
 * removed, not changed (KeyDB's deps/concurrentqueue, which redis never
 * had): said once every file was read, where no version says more.
 */
function oneTipLibraries(memory: RunMemory): void {
  for (const row of memory.vendoredRows.values()) {
    const statuses = rowStatuses.get(row);
    if (row.kind !== 'vendored-files' || row.details['upstream'] !== null || row.details['fork'] !== null || statuses?.size !== 1) continue;
    const [status] = statuses;
    if (status !== 'added' && status !== 'deleted') continue;
    row.details['direction'] = status === 'added' ? 'added' : 'removed';
    row.message = `${String(row.details['module'])}: vendored files only ${status === 'added' ? 'the fork' : 'upstream'} has (${plural(vendoredFilesOf(row).length, 'file')})`;
  }
}

/**
 * Who moved a dependency the merge base listed, read from its versions, not
 * only from who last wrote its lines:
 * - one tip lacks it: it was removed there, and both sides moved when the
 *   other tip's line has another version than the base's (openbao's fork
 *   replaced hashicorp/vault/api, v1.9.0 at the base, which upstream bumped
 *   to v1.23.0 since: not "upstream added" it), the remover alone when it
 *   has the base's;
 * - both tips list it at different versions and one kept the base's: the
 *   other moved it, though the lines say both (SchildiChat's fork
 *   re-indented element-web's package.json, so every line of it is a fork
 *   line; each version upstream bumped since is upstream's move, and each
 *   package upstream dropped is upstream's removal, not the fork's addition).
 * A side that rewrote the lines without moving the version explains nothing:
 * the row keeps only the mover's commits (none when its tip lacks the line).
 */
function movedSince(change: DependencyChange, at: Located, base: BaseEntry | undefined, lines: MoverLines): Located {
  if (base === undefined || at.side === null) return at;
  const mover = moverOf(change, base.version);
  if (mover === null || mover === at.side) return at;
  if (mover === 'both') return { ...at, side: mover };
  if (change[mover] === null) return { ...at, side: mover, commits: base.line === undefined ? [] : lines.removedBy(mover, base.line) };
  const own = lines.locate(mover);
  return { ...at, side: mover, commits: own.side === mover ? own.commits : [] };
}

/** The mover's own lines: where its tip lists the dependency, or which of its commits removed the base's line. */
interface MoverLines {
  locate(tip: LineSide): Located;
  removedBy(tip: LineSide, baseLine: number): string[];
}

/** The side whose version differs from the base's: `both` when neither kept it, null when versions alone cannot tell. */
function moverOf(change: DependencyChange, baseVersion: string): Side {
  if (change.upstream === null || change.fork === null) {
    if (change.upstream === change.fork) return null;
    return baseVersion === (change.fork ?? change.upstream) ? (change.fork === null ? 'fork' : 'upstream') : 'both';
  }
  if (change.upstream === change.fork) return null;
  return baseVersion === change.fork ? 'upstream' : baseVersion === change.upstream ? 'fork' : null;
}

/** Rows of one manifest or lockfile, each placed on the lines its entries were read from. */
async function manifestRows(file: FileDiff, memory: RunMemory, context: ClassifyContext): Promise<Finding[]> {
  const rows: Finding[] = [];
  const [groups, base] = await Promise.all([readEntryGroups(file, context), readBaseVersions(file, context)]);
  // A vendor tree or a lockfile only one tip has is one row: that tip vendors or locks its dependencies.
  const soleTip = soleTipOf(file);
  for (const group of groups) {
    if (soleTip !== null && isVendorTree(group)) {
      const tree = vendorTreeRow(file, soleTip, group, context);
      memory.vendorTrees.set(file.path, tree);
      rows.push(tree);
      continue;
    }
    if (soleTip !== null && isLockfile(file, group)) {
      rows.push(oneTipLockfileRow(file, soleTip, group, context));
      continue;
    }
    let changes = pairEntries(group.entries, group.ecosystem, group.source);
    const locateEntries = (name: string, tips: readonly LineSide[] = ['upstream', 'fork']) => {
      const entries = group.entries.filter((entry) => entry.name === name && tips.includes(entry.side));
      return locate(file, context, {
        upstream: entries.filter((entry) => entry.side === 'upstream').map((entry) => entry.line),
        fork: entries.filter((entry) => entry.side === 'fork').map((entry) => entry.line),
      });
    };
    if (group.source === 'vendor.conf') {
      // The fork moved to Go modules: upstream's vendor.conf entry and the fork's go.mod line are one row.
      changes = changes.filter((change) => {
        const row = movedFromVendorConf(change, file.path, memory.goRows);
        if (row) joinVendorConf(row, change, locateEntries(change.name), file.path);
        return row === null;
      });
    }
    if (group.ecosystem === 'go' && group.source !== 'go.mod replace') {
      // go.mod outranks go.sum and modules.txt: a module it reported is not repeated.
      changes = changes.filter((change) => group.source === 'go.mod' || !memory.goRows.has(change.name));
    }
    for (const change of changes) {
      const at = movedSince(change, locateEntries(change.name), base?.get(baseKey(group.source, change.name)), {
        locate: (tip) => locateEntries(change.name, [tip]),
        removedBy: (tip, line) => context.linesOf(file)?.removedBy?.(tip, line) ?? [],
      });
      const row = dependencyRow(file.path, change, at);
      // Vendored files later in the diff join the module's row: it stays open until every file was read.
      if (group.ecosystem === 'go' && !memory.goRows.has(change.name)) memory.goRows.set(change.name, keepOpen(row));
      rows.push(row);
    }
  }
  return rows;
}

export default defineClassifier({
  id: 'vendored-deps',
  title: 'Vendored dependencies',
  isPathCategory: true,
  matches: (file) => isFileAt(file, isDependencyPath) || isGitlink(file) || isGitmodulesPath(file.path),
  // A pin is no source line (a fix commit's pin bump is no missing guard), and a submodule's files are the library's.
  claims: (file, context) => isGitlink(file) || submoduleRowAbove(file.path, runMemoryOf(context).submoduleRows) !== undefined,
  finish(context) {
    const memory = runMemoryOf(context);
    oneTipLibraries(memory);
    foldIntoVendorTrees(memory);
    for (const row of memory.submoduleRows.values()) withFilesInstead(row);
    return [];
  },
  async classify(file, context) {
    const memory = runMemoryOf(context);
    if (isGitlink(file)) return [submoduleRows(file, memory, context)];
    if (isGitmodulesPath(file.path)) return await gitmodulesRows(file, context);
    const submodule = submoduleRowAbove(file.path, memory.submoduleRows);
    if (submodule) {
      // A file of a submodule the other tip pins: the library's, grouped under its row.
      file.module = submodule.path;
      attachVendoredFile(submodule, file.path, wholeFile(file, context));
      return [];
    }
    addKnownGoModules(file, memory.knownModules);
    if (vendoredPathOf(file.path)) {
      const rows = vendoredFileRows(file, memory, context);
      await Promise.all(rows.map((row) => withLibraryVersions(row, context)));
      return rows;
    }
    return preferLockedVersions(await manifestRows(file, memory, context), memory);
  },
});
