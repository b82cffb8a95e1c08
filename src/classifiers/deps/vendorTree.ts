// A Go vendor tree only one tip has: the fork vendors the modules upstream fetches (OpenShift's
// coredns, whose builds run offline), or it stopped vendoring them.
import type { FileDiff, Finding, LineSide } from '../../model.js';
import { plural } from '../../text/plural.js';
import { createFinding } from '../common/finding.js';
import { wholeFile } from '../common/location.js';
import { keepOpen, withdraw } from '../define.js';
import type { ClassifyContext } from '../define.js';
import type { EntryGroup } from './readers.js';
import { vendoredFilesOf } from './runMemory.js';
import type { RunMemory } from './runMemory.js';

/**
 * Whether a group is a vendor/modules.txt, which in a file one tip alone has
 * (soleTipOf) is all of that tip's vendor tree: each module it lists was
 * vendored (or unvendored), not added or removed. coredns requires the same
 * modules on both sides; its OpenShift fork vendors them, and each read
 * "fork added <module>", 153 rows of one carry.
 */
export const isVendorTree = (group: EntryGroup): boolean => group.source === 'modules.txt';

/** The tree a modules.txt lists: its directory (`vendor/`, `sub/vendor/`). */
const treeDirOf = (modulesTxt: string): string => modulesTxt.slice(0, -'modules.txt'.length);

/** One row for the whole tree `tip` alone has, at its modules.txt; the modules' files join it once every file was read (foldIntoVendorTrees). */
export function vendorTreeRow(file: FileDiff, tip: LineSide, group: EntryGroup, context: ClassifyContext): Finding {
  const other = tip === 'fork' ? 'upstream' : 'the fork';
  const dir = treeDirOf(file.path);
  const modules = new Set(group.entries.filter((entry) => entry.side === tip).map((entry) => entry.name)).size;
  return keepOpen(createFinding({
    category: 'vendored-deps',
    kind: 'vendor-tree',
    path: file.path,
    message: `${tip} vendors its Go modules in ${dir} (${plural(modules, 'module')} in modules.txt); ${other} does not`,
    identity: ['go', dir],
    ...wholeFile(file, context),
    confidence: 'high',
    details: { module: null, ecosystem: 'go', upstream: null, fork: null, direction: tip === 'fork' ? 'added' : 'removed', modules, vendoredFiles: [] },
  }));
}

/**
 * Moves each Go module's row of vendored files into the tree it sits in,
 * when all of its files are that tip's alone: the tree's one row stands for
 * them. A module whose files both tips have keeps its row, and one whose
 * version moved keeps its files under that version's row.
 */
export function foldIntoVendorTrees(memory: RunMemory): void {
  for (const tree of memory.vendorTrees.values()) {
    const dir = treeDirOf(tree.path);
    // The row's own list (vendorTreeRow gives it one), filled in place.
    const files = vendoredFilesOf(tree);
    for (const row of memory.vendoredRows.values()) {
      if (row.kind !== 'vendored-files' || row.details['ecosystem'] !== 'go' || !row.path.startsWith(dir)) continue;
      if (row.details['direction'] !== tree.details['direction']) continue;
      files.push(...vendoredFilesOf(row));
      withdraw(row);
    }
  }
}
