import type { RepoLayout } from '../git/repoLayout.js';
import { DEFAULT_BASELINE } from './configDefaults.js';

/** What a starter `.forkdiff.yml` says, and what could not be detected. */
export interface StarterSettings {
  upstream: string | null;
  origin: string | null;
  refs: string[];
  baseline: string;
  /** Said on stderr after writing: what to check by hand. */
  notes: string[];
}

// More shared branches than this are listed as a hint, not all audited by default.
const MAX_DETECTED_REFS = 3;

/**
 * Flags win; then `upstream`/`origin` by name, else the only other remote;
 * refs are the branches both remotes have: the checked-out one, or the fork's
 * default branch, or all of them when there are only a few.
 */
export function starterSettings(layout: RepoLayout, given: { refs: readonly string[]; upstream?: string; origin?: string; baseline?: string }): StarterSettings {
  const notes: string[] = [];
  const byName = (name: string): string | null => (layout.remotes.includes(name) ? name : null);
  const origin = given.origin ?? byName('origin') ?? (layout.remotes.length === 1 ? (layout.remotes[0] ?? null) : null);
  const others = layout.remotes.filter((name) => name !== origin);
  const upstream = given.upstream ?? byName('upstream') ?? (others.length === 1 ? (others[0] ?? null) : null);
  if (upstream === null) notes.push('no upstream remote found: set upstream: to its URL (or git remote add upstream URL)');
  if (origin === null) notes.push("no remote for the fork found: set origin: to the fork's remote");

  let refs = [...given.refs];
  if (refs.length === 0) {
    const forkBranches = origin === null ? [] : (layout.branches[origin] ?? []);
    const upstreamBranches = new Set(upstream === null ? [] : (layout.branches[upstream] ?? []));
    const shared = forkBranches.filter((branch) => upstreamBranches.has(branch)).sort();
    const preferred = [layout.currentBranch, origin === null ? null : layout.defaultBranch[origin]].find((branch) => branch && shared.includes(branch));
    refs = preferred ? [preferred] : shared.length <= MAX_DETECTED_REFS ? shared : [];
    if (refs.length === 0 && shared.length > 0) notes.push(`both remotes have ${shared.length} branches (${shared.slice(0, 5).join(', ')}, …): list the ones to audit in refs:`);
    if (refs.length === 0 && shared.length === 0) notes.push('no branch found on both remotes (fetch upstream first, or name one: forkdiff init v0.11)');
  }
  return { upstream, origin, refs, baseline: given.baseline ?? DEFAULT_BASELINE, notes };
}

/** A YAML scalar that stays a string (`0.11` would read as a number). */
const scalar = (text: string): string => JSON.stringify(text);

/** The starter file: every key with a comment saying what it does, examples commented out. */
export function renderStarterConfig(settings: StarterSettings): string {
  const remote = (key: string, value: string | null, what: string): string[] => [
    `# ${what}: a remote name or URL; --${key} overrides it.`,
    value === null ? `# ${key}: https://github.com/OWNER/REPO.git` : `${key}: ${scalar(value)}`,
  ];
  return [
    '# forkdiff config: where the fork and its upstream are, and the drift the fork expects.',
    '# Every key is optional. JSON Schema: schema/config.schema.json in the forkdiff package.',
    '',
    ...remote('upstream', settings.upstream, 'The upstream repository'),
    ...remote('origin', settings.origin, "The fork's own repository"),
    '',
    '# Branches audited on both remotes when forkdiff is given none (forkdiff --check).',
    `refs: [${settings.refs.map(scalar).join(', ')}]`,
    '',
    '# Findings accepted as they are, written by `forkdiff baseline` (relative to this file).',
    `baseline: ${scalar(settings.baseline)}`,
    '',
    '# Extra path globs per category, on top of the built-in ones, e.g.',
    "#   dockerfile: ['hack/**/Dockerfile*']",
    'categories: {}',
    '',
    '# Paths left out of the audit entirely, e.g. ["docs/**"].',
    'ignore: []',
    '',
    '# Declared drift: a finding that a rule covers never fails --check. Every field given',
    '# must match (category, paths, kind, module, direction, test, side); reason is required.',
    '#   - category: dockerfile',
    '#     paths: [Dockerfile]',
    '#     kind: base-image',
    '#     reason: Ubuntu-based rebuild',
    '#   - category: vendored-deps',
    '#     module: github.com/containerd/containerd',
    '#     direction: downgrade',
    "#     reason: pinned to the containerd Ubuntu ships",
    'expect: []',
    '',
  ].join('\n');
}
