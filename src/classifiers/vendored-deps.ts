// Reads go.mod / go.sum / vendor/modules.txt (https://go.dev/ref/mod#go-mod-file), package.json and
// npm/yarn/pnpm lockfiles, Cargo.toml / Cargo.lock, requirements*.txt / poetry.lock / pyproject.toml.
import type { FileDiff, Finding } from '../model.js';
import { createFinding } from './common/finding.js';
import { locate, wholeFile } from './common/location.js';
import { defineClassifier, keepOpen } from './define.js';
import type { ClassifyContext } from './define.js';
import { preferLockedVersions } from './deps/lockPreference.js';
import { joinVendorConf, movedFromVendorConf } from './deps/movedManifest.js';
import { pairEntries } from './deps/pairEntries.js';
import { readEntryGroups } from './deps/readers.js';
import { dependencyRow } from './deps/rows.js';
import { attachVendoredFile, runMemoryOf } from './deps/runMemory.js';
import type { RunMemory } from './deps/runMemory.js';
import { addKnownGoModules, vendoredPathOf, vendorModuleOf } from './deps/vendorModule.js';
import { isFileAt, isDependencyPath } from './paths.js';

/** One row per module for vendored files; later files of the module join its row. */
function vendoredFileRows(file: FileDiff, memory: RunMemory, context: ClassifyContext): Finding[] {
  const module = file.module ?? vendorModuleOf(file.path, memory.knownModules);
  if (!module) return [];
  file.module ??= module;
  const existing = memory.goRows.get(module) ?? memory.vendoredRows.get(module);
  if (existing) {
    attachVendoredFile(existing, file.path, wholeFile(file, context));
    return [];
  }
  const row = createFinding({
    category: 'vendored-deps',
    kind: 'vendored-files',
    path: file.path.replace(/(^|\/)vendor\/.*$/, `$1vendor/${module}`),
    message: `${module}: vendored files differ without a version change in this diff`,
    identity: ['go', module],
    ...wholeFile(file, context),
    confidence: 'medium',
    details: { module, ecosystem: 'go', upstream: null, fork: null, direction: 'changed', vendoredFiles: [file.path] },
  });
  memory.vendoredRows.set(module, keepOpen(row));
  return [row];
}

/** Rows of one manifest or lockfile, each placed on the lines its entries were read from. */
async function manifestRows(file: FileDiff, memory: RunMemory, context: ClassifyContext): Promise<Finding[]> {
  const rows: Finding[] = [];
  for (const group of await readEntryGroups(file, context)) {
    let changes = pairEntries(group.entries, group.ecosystem, group.source);
    const locateEntries = (name: string) => {
      const entries = group.entries.filter((entry) => entry.name === name);
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
      const row = dependencyRow(file.path, change, locateEntries(change.name));
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
  matches: (file) => isFileAt(file, isDependencyPath),
  async classify(file, context) {
    const memory = runMemoryOf(context);
    addKnownGoModules(file, memory.knownModules);
    if (vendoredPathOf(file.path)) return vendoredFileRows(file, memory, context);
    return preferLockedVersions(await manifestRows(file, memory, context), memory);
  },
});
