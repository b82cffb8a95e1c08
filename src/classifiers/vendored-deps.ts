// Reads go.mod / go.sum / vendor/modules.txt (https://go.dev/ref/mod#go-mod-file), package.json and
// npm/yarn/pnpm lockfiles, Cargo.toml / Cargo.lock, requirements*.txt / poetry.lock / pyproject.toml.
import type { FileDiff, Finding } from '../model.js';
import { createFinding } from './common/finding.js';
import { sideOf } from './common/lines.js';
import { defineClassifier } from './define.js';
import { pairEntries } from './deps/pairEntries.js';
import { readEntryGroups } from './deps/readers.js';
import { attachVendoredFile, runMemoryOf } from './deps/runMemory.js';
import type { RunMemory } from './deps/runMemory.js';
import type { DependencyChange } from './deps/types.js';
import { addKnownGoModules, vendoredPathOf, vendorModuleOf } from './deps/vendorModule.js';
import { isFileAt, isDependencyPath } from './paths.js';

/** `name: v1 → v2 (downgrade)`, `name: added at v2`, `name: v1 removed`. */
function messageOf(change: DependencyChange): string {
  const label = change.source === 'go.mod replace' ? `replace ${change.name}` : change.name;
  if (change.upstream === null) return `${label}: added ${change.fork === '(unpinned)' ? 'unpinned' : `at ${change.fork ?? '?'}`} (fork only)`;
  if (change.fork === null) return `${label}: ${change.upstream} removed (upstream only)`;
  return `${label}: ${change.upstream} → ${change.fork} (${change.direction})`;
}

function dependencyRows(file: FileDiff, changes: DependencyChange[], hunkOf: (name: string) => FileDiff['hunks'][number] | null): Finding[] {
  return changes.map((change) => createFinding({
    category: 'vendored-deps',
    kind: 'dependency',
    path: file.path,
    message: messageOf(change),
    identity: [change.ecosystem, change.source, change.name, change.upstream, change.fork],
    side: sideOf(file, hunkOf(change.name)),
    confidence: change.direction === 'changed' ? 'medium' : 'high',
    details: {
      module: change.name,
      ecosystem: change.ecosystem,
      upstream: change.upstream,
      fork: change.fork,
      direction: change.direction,
      source: change.source,
      ...(change.note ? { note: change.note } : {}),
    },
  }));
}

/** One row per module for vendored files; later files of the module join its row. */
function vendoredFileRows(file: FileDiff, memory: RunMemory): Finding[] {
  const module = file.module ?? vendorModuleOf(file.path, memory.knownModules);
  if (!module) return [];
  file.module ??= module;
  const existing = memory.goRows.get(module) ?? memory.vendoredRows.get(module);
  if (existing) {
    attachVendoredFile(existing, file.path);
    return [];
  }
  const row = createFinding({
    category: 'vendored-deps',
    kind: 'vendored-files',
    path: file.path.replace(/(^|\/)vendor\/.*$/, `$1vendor/${module}`),
    message: `${module}: vendored files differ without a version change in this diff`,
    identity: ['go', module],
    side: file.side,
    confidence: 'medium',
    details: { module, ecosystem: 'go', upstream: null, fork: null, direction: 'changed', vendoredFiles: [file.path] },
  });
  memory.vendoredRows.set(module, row);
  return [row];
}

export default defineClassifier({
  id: 'vendored-deps',
  title: 'Vendored dependencies',
  isPathCategory: true,
  matches: (file) => isFileAt(file, isDependencyPath),
  async classify(file, context) {
    const memory = runMemoryOf(context);
    addKnownGoModules(file, memory.knownModules);
    if (vendoredPathOf(file.path)) return vendoredFileRows(file, memory);
    const rows: Finding[] = [];
    for (const group of await readEntryGroups(file, context)) {
      const hunkOf = (name: string) => group.entries.find((entry) => entry.name === name)?.hunk ?? null;
      let changes = pairEntries(group.entries, group.ecosystem, group.source);
      if (group.ecosystem === 'go' && group.source !== 'go.mod replace') {
        // go.mod outranks go.sum and modules.txt: a module it reported is not repeated.
        changes = changes.filter((change) => group.source === 'go.mod' || !memory.goRows.has(change.name));
      }
      const found = dependencyRows(file, changes, hunkOf);
      if (group.ecosystem === 'go') {
        for (const row of found) if (!memory.goRows.has(String(row.details['module']))) memory.goRows.set(String(row.details['module']), row);
      }
      rows.push(...found);
    }
    return rows;
  },
});
