// Reads go.mod / go.sum / vendor/modules.txt (https://go.dev/ref/mod#go-mod-file), package.json and
// npm/yarn/pnpm lockfiles, Cargo.toml / Cargo.lock, requirements*.txt / poetry.lock / pyproject.toml.
import type { FileDiff, Finding, Side } from '../model.js';
import { createFinding } from './common/finding.js';
import { locate, wholeFile } from './common/location.js';
import type { Located } from './common/location.js';
import { describeChange } from './common/wording.js';
import { defineClassifier, keepOpen } from './define.js';
import type { ClassifyContext } from './define.js';
import { pairEntries } from './deps/pairEntries.js';
import { readEntryGroups } from './deps/readers.js';
import { attachVendoredFile, runMemoryOf } from './deps/runMemory.js';
import type { RunMemory } from './deps/runMemory.js';
import type { DependencyChange } from './deps/types.js';
import { addKnownGoModules, vendoredPathOf, vendorModuleOf } from './deps/vendorModule.js';
import { isFileAt, isDependencyPath } from './paths.js';

/**
 * Who moved the dependency: `upstream bumped X v1.6.18 → v1.6.21; fork still
 * at v1.6.18`, `fork downgraded X …`, `fork added X (v2)`; without sides the
 * neutral `X: v1 → v2 (downgrade)`.
 */
function messageOf(change: DependencyChange, side: Side): string {
  const subject = change.source === 'go.mod replace' ? `replace ${change.name}` : change.name;
  const unpinned = (version: string | null): string | null => (version === '(unpinned)' ? 'unpinned' : version);
  const neutral =
    change.upstream === null ? `${subject}: added ${change.fork === '(unpinned)' ? 'unpinned' : `at ${change.fork ?? '?'}`} (fork only)`
      : change.fork === null ? `${subject}: ${change.upstream} removed (upstream only)`
        : `${subject}: ${change.upstream} → ${change.fork} (${change.direction})`;
  return describeChange({ subject, upstream: unpinned(change.upstream), fork: unpinned(change.fork), side, neutral });
}

function dependencyRows(file: FileDiff, changes: DependencyChange[], place: (change: DependencyChange) => Located): Finding[] {
  return changes.map((change) => {
    const at = place(change);
    return createFinding({
      category: 'vendored-deps',
      kind: 'dependency',
      path: file.path,
      message: messageOf(change, at.side),
      identity: [change.ecosystem, change.source, change.name, change.upstream, change.fork],
      ...at,
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
    });
  });
}

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

export default defineClassifier({
  id: 'vendored-deps',
  title: 'Vendored dependencies',
  isPathCategory: true,
  matches: (file) => isFileAt(file, isDependencyPath),
  async classify(file, context) {
    const memory = runMemoryOf(context);
    addKnownGoModules(file, memory.knownModules);
    if (vendoredPathOf(file.path)) return vendoredFileRows(file, memory, context);
    const rows: Finding[] = [];
    for (const group of await readEntryGroups(file, context)) {
      // A dependency row is read from its entries' lines on each side.
      const place = (change: DependencyChange): Located => {
        const entries = group.entries.filter((entry) => entry.name === change.name);
        return locate(file, context, {
          upstream: entries.filter((entry) => entry.side === 'upstream').map((entry) => entry.line),
          fork: entries.filter((entry) => entry.side === 'fork').map((entry) => entry.line),
        });
      };
      let changes = pairEntries(group.entries, group.ecosystem, group.source);
      if (group.ecosystem === 'go' && group.source !== 'go.mod replace') {
        // go.mod outranks go.sum and modules.txt: a module it reported is not repeated.
        changes = changes.filter((change) => group.source === 'go.mod' || !memory.goRows.has(change.name));
      }
      const found = dependencyRows(file, changes, place);
      if (group.ecosystem === 'go') {
        for (const row of found) if (!memory.goRows.has(String(row.details['module']))) memory.goRows.set(String(row.details['module']), keepOpen(row));
      }
      rows.push(...found);
    }
    return rows;
  },
});
