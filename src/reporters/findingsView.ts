import type { CategoryId, Finding } from '../model.js';
import { findingWhere } from './findingLocation.js';
import { type TableView, shortSha } from './view.js';

const text = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '—' : String(value));

const sideCell = (finding: Finding): string => finding.side ?? '—';

/** Findings of one category as a table; dependencies get one row per module with both versions. */
export function findingsView(category: CategoryId, findings: readonly Finding[], hasSides: boolean): TableView {
  const inCategory = findings.filter((finding) => finding.category === category);
  if (category === 'vendored-deps') {
    const columns: TableView['columns'] = [
      { header: 'Module', isFlexible: true, minWidth: 40 },
      { header: 'Ecosystem' },
      { header: 'Upstream', isFlexible: true, minWidth: 12 },
      { header: 'Fork', isFlexible: true, minWidth: 12 },
      { header: hasSides ? 'Who moved' : 'Direction' },
      { header: 'Where', isFlexible: true },
    ];
    if (hasSides) columns.push({ header: 'Side' }, { header: 'Commits', isFlexible: true, minWidth: 20 });
    const rows = inCategory.map((finding) => {
      const { details } = finding;
      const isDependency = typeof details.module === 'string';
      const row = isDependency
        ? [text(details.module), text(details.ecosystem), versionCell(finding, 'upstream'), versionCell(finding, 'fork'), whoMoved(finding), findingWhere(finding)]
        : [finding.message, '', '', '', finding.kind, findingWhere(finding)];
      if (hasSides) row.push(sideCell(finding), commitsOf(finding));
      return row;
    });
    return { columns, rows };
  }
  const columns: TableView['columns'] = [
    { header: 'Finding', isFlexible: true, minWidth: 30 },
    { header: 'Path', isFlexible: true },
    { header: 'Kind' },
    { header: 'Confidence' },
  ];
  if (hasSides) columns.push({ header: 'Side' }, { header: 'Commits', isFlexible: true, minWidth: 20 });
  const rows = inCategory.map((finding) => {
    const row = [finding.message, findingWhere(finding), finding.kind, finding.confidence];
    if (hasSides) row.push(sideCell(finding), commitsOf(finding));
    return row;
  });
  return { columns, rows };
}

/** Lockfiles that pin every transitive dependency beside a manifest that names the direct ones (poetry.lock's rows stand for pyproject.toml's: lockPreference.ts). */
const PINNING_LOCKFILES: ReadonlySet<string> = new Set(['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'Cargo.lock', 'go.sum']);

/** Fewer lockfile rows than this stay in the table. */
export const MIN_COLLAPSED_LOCK_ROWS = 20;

const moduleKey = (finding: Finding): string => `${text(finding.details.ecosystem)}\0${text(finding.details.module)}`;

/**
 * A category's dependency rows read from lockfiles, when other rows (a
 * manifest's) say what the fork depends on: a lockfile pins every
 * transitive dependency too (yarn.lock's 379 rows beside package.json's 51
 * on a UI fork a few releases behind), which reports show collapsed, with
 * how many of them no manifest row names. None when the lockfiles are all
 * there is, or give a few rows (a go.sum line the table can show).
 */
export function lockfileRows(findings: readonly Finding[]): { rows: Set<Finding>; transitive: number } {
  const isLocked = (finding: Finding): boolean => PINNING_LOCKFILES.has(text(finding.details.source));
  const locked = findings.filter(isLocked);
  if (locked.length < MIN_COLLAPSED_LOCK_ROWS || locked.length === findings.length) return { rows: new Set(), transitive: 0 };
  const direct = new Set(findings.filter((finding) => !isLocked(finding)).map(moduleKey));
  return { rows: new Set(locked), transitive: locked.filter((finding) => !direct.has(moduleKey(finding))).length };
}

/** Files with fewer upstream-added tests than this keep them in the table. */
export const MIN_COLLAPSED_TEST_ROWS = 10;

/**
 * Tests upstream added that the fork lacks, in files that gained many: a
 * fork far behind lacks hundreds (netbox: 1,171 in 142 files, 122 in one),
 * which reports show collapsed by file, under the rows a maintainer acts on
 * (tests the fork removed or skips). Rows in their order, and how many each
 * of those files has.
 */
export function upstreamTestRows(findings: readonly Finding[]): { rows: Finding[]; perFile: Map<string, number> } {
  const isAdded = (finding: Finding): boolean => finding.side === 'upstream' && finding.kind === 'test-removed';
  const perFile = new Map<string, number>();
  for (const finding of findings) if (isAdded(finding)) perFile.set(finding.path, (perFile.get(finding.path) ?? 0) + 1);
  for (const [path, count] of perFile) if (count < MIN_COLLAPSED_TEST_ROWS) perFile.delete(path);
  return { rows: findings.filter((finding) => isAdded(finding) && perFile.has(finding.path)), perFile };
}

/** How the side that moved changed the version, as the message says it: `upstream bumped`, `fork downgraded`. */
const UPSTREAM_MOVE: Record<string, string> = { upgrade: 'downgraded', downgrade: 'bumped', added: 'removed it', removed: 'added it', changed: 'changed' };
const FORK_MOVE: Record<string, string> = { upgrade: 'bumped', downgrade: 'downgraded', added: 'added it', removed: 'removed it', changed: 'changed' };

/** A tip's version; of a submodule that tip does not pin, whether it keeps the library's files instead. */
function versionCell(finding: Finding, tip: 'upstream' | 'fork'): string {
  const version = finding.details[tip];
  const files = finding.details.vendoredFiles;
  if (finding.kind !== 'submodule' || version !== null || !Array.isArray(files) || files.length === 0) return text(version);
  return `files in tree (${files.length})`;
}

function whoMoved(finding: Finding): string {
  const direction = text(finding.details.direction);
  if (finding.side === 'fork') return `fork ${FORK_MOVE[direction] ?? direction}`;
  if (finding.side === 'upstream') return `upstream ${UPSTREAM_MOVE[direction] ?? direction}`;
  if (finding.side === 'both') return direction === 'downgrade' ? 'both (fork behind)' : direction === 'upgrade' ? 'both (fork ahead)' : 'both';
  return direction;
}

/** The first linked commit with its subject when known, e.g. `6bcabf54 fix: nil pointer panic in sbom`. */
function commitsOf(finding: Finding): string {
  const subjects = finding.details.commitSubjects;
  if (Array.isArray(subjects) && typeof subjects[0] === 'string') {
    const more = subjects.length > 1 ? ` (+${subjects.length - 1})` : '';
    return `${subjects[0].slice(0, 8)}${subjects[0].slice(12)}${more}`;
  }
  return finding.commits.map((sha) => shortSha(sha).slice(0, 8)).join(' ');
}
