// What a workflow refers to: secrets (`secrets.X` anywhere in a `${{ }}` expression,
// https://docs.github.com/en/actions/learn-github-actions/expressions; Woodpecker's and Drone's
// `from_secret:`), registries (docker/login-action
// `registry:`, image names) and actions (`uses: owner/repo@ref`, https://docs.github.com/en/actions/sharing-automations).
import type { Hunk, Side } from '../../model.js';
import { changedLines, sideView } from '../common/lines.js';
import { indentOf, keyLine, unquote } from './yamlLines.js';
import { appendTo } from '../../multiMap.js';

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
/** `secrets.NAME` or `secrets['NAME']`, wherever the expression puts them (`secrets.A || secrets.B`, `format('{0}', secrets.X)`). */
const SECRET = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*['"]([^'"]+)['"]\s*\])/g;

/** Woodpecker's and Drone's `from_secret: name` (https://woodpecker-ci.org/docs/usage/secrets). */
const FROM_SECRET = /^\s*(?:-\s+)?(?:[\w-]+:\s*\{\s*)?from_secret:\s*["']?([\w.-]+)/;

/** The secrets a line's expressions read; comments and `${{` outside expressions are not references. */
export function secretNames(lines: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const line of lines) {
    if (line.trimStart().startsWith('#')) continue;
    for (const expression of line.matchAll(EXPRESSION)) {
      for (const match of (expression[1] ?? '').matchAll(SECRET)) names.add(match[1] ?? match[2] ?? '');
    }
    const fromSecret = FROM_SECRET.exec(line)?.[1];
    if (fromSecret !== undefined) names.add(fromSecret);
  }
  names.delete('');
  return names;
}

const INHERIT = /^(\s*)secrets:\s*inherit\s*(?:#.*)?$/;
const USES = /^(\s*)uses:\s*["']?([^\s"'#]+)/;

/**
 * `secrets: inherit` lines one tip's side of a hunk changed: a job that
 * hands every secret the repository has to the reusable workflow it calls
 * (https://docs.github.com/en/actions/sharing-automations/reusing-workflows),
 * named by the `uses:` above it in the same job, when the hunk shows it.
 */
export function inheritedSecrets(hunk: Hunk, tip: 'upstream' | 'fork'): { workflow: string; line: number }[] {
  const view = sideView(hunk, tip);
  return view.flatMap(({ content, line, isChanged }, index) => {
    const indent = INHERIT.exec(content)?.[1];
    if (!isChanged || indent === undefined) return [];
    let workflow = 'a reusable workflow';
    for (let at = index - 1; at >= 0; at -= 1) {
      const text = view[at]?.content ?? '';
      const uses = USES.exec(text);
      if (uses && uses[1] === indent) {
        workflow = uses[2] ?? workflow;
        break;
      }
      // A key less indented than the job's keys ends the job.
      if (/^\s*[\w-]+:/.test(text) && indentOf(text) < indent.length) break;
    }
    return [{ workflow, line }];
  });
}

/**
 * `${{ env.NAME }}` replaced by the workflow's own value of NAME where it sets
 * one; a value that is then one whole expression reads as what it can yield
 * (`ghcr.io or secret ARTIFACTORY_REGISTRY`), not as its code.
 */
export const resolveEnv = (value: string, env: ReadonlyMap<string, string>): string => {
  const resolved = value.replace(/\$\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => env.get(name) ?? whole);
  const whole = /^["']?\$\{\{([\s\S]*)\}\}["']?$/.exec(resolved.trim());
  if (whole === null || resolved === value) return resolved;
  const yields = [
    ...[...(whole[1] ?? '').matchAll(SECRET)].map((match) => `secret ${match[1] ?? match[2] ?? ''}`),
    ...[...(whole[1] ?? '').matchAll(/\|\|\s*'([^']*)'/g)].map((match) => match[1] ?? ''),
  ];
  return yields.length > 0 ? yields.join(' or ') : resolved;
};

const IMAGE_REF = /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9._-]+(?:\/[a-z0-9._-]+)*(?::[\w.-]+)?(?:@sha256:[0-9a-f]+)?$/;

/**
 * The registry an image name resolves to (Docker's rule: a first part with
 * `.` or `:` or `localhost` is a host). Expressions in the name
 * (`org/app:${{ github.sha }}`) stand for one name part; a host that is
 * itself an expression (`${{ env.REGISTRY }}/app`) is that expression.
 */
export function registryOf(image: string): string | null {
  const ref = unquote(image).replace(/^docker:\/\//, '');
  const host = /^(\$\{\{[^}]*\}\})\//.exec(ref)?.[1];
  if (host !== undefined) return host;
  const plain = ref.replace(EXPRESSION, 'x');
  if (!IMAGE_REF.test(plain) || (!plain.includes('/') && !plain.includes(':'))) return null;
  const first = plain.split('/')[0] ?? '';
  return plain.includes('/') && (/[.:]/.test(first) || first === 'localhost') ? first : 'docker.io';
}

export interface Pair {
  key: string;
  upstream: string;
  fork: string;
  hunk: Hunk;
  /** The lines it was read from: upstream's `-` line (none when implied) and the fork's `+` line. */
  lines: { upstream: number[]; fork: number[] };
  /** Each line's trailing `# comment`, without the `#` ('' when none): a pinned action's version. */
  comments: { upstream: string; fork: string };
}

/**
 * `key: value` lines the fork changed, paired by key within a hunk (`-` then
 * `+`), every occurrence in order: three setup steps changing three
 * `*-version`s are three pairs. `uses:` lines pair by action instead, so a
 * hunk that bumps one action of several pairs it with its own old ref. A
 * fork's `registry:` with no upstream one pairs with the default login
 * (docker.io), read from no upstream line.
 */
export function changedKeyValues(hunk: Hunk): Pair[] {
  const removed = new Map<string, { value: string; line: number; comment: string }[]>();
  const added = new Map<string, { value: string; line: number; comment: string }[]>();
  for (const { content, tip, line } of changedLines(hunk)) {
    const key = keyLine(content.replace(/^(\s*)-\s+/, '$1  '));
    if (!key || key.value === '') continue;
    const name = key.key === 'uses' ? `uses:${actionRef(key.value)?.action ?? key.value}` : key.key;
    const target = tip === 'upstream' ? removed : added;
    appendTo(target, name, { value: key.value, line, comment: trailingComment(content) });
  }
  const pairs: Pair[] = [];
  for (const [name, upstreams] of removed) {
    const forks = added.get(name) ?? [];
    upstreams.forEach((upstream, index) => {
      const fork = forks[index];
      const key = name.startsWith('uses:') ? 'uses' : name;
      // `python-version: 3.9` and `"3.9"` are one value: YAML quotes change nothing the step reads.
      if (fork !== undefined && unquote(fork.value) !== unquote(upstream.value)) {
        pairs.push({ key, upstream: upstream.value, fork: fork.value, hunk, lines: { upstream: [upstream.line], fork: [fork.line] }, comments: { upstream: upstream.comment, fork: fork.comment } });
      }
    });
  }
  // A login the fork points at a registry where upstream used the default one.
  const forkRegistry = added.get('registry')?.[0];
  if (forkRegistry !== undefined && !removed.has('registry')) {
    pairs.push({ key: 'registry', upstream: 'docker.io', fork: forkRegistry.value, hunk, lines: { upstream: [], fork: [forkRegistry.line] }, comments: { upstream: '', fork: forkRegistry.comment } });
  }
  return pairs;
}

/** A line's trailing `# comment` (after a space, not the whole line), without the `#`; '' when none. */
const trailingComment = (line: string): string => /\S\s+#\s*(.*?)\s*$/.exec(line)?.[1] ?? '';

const FULL_SHA = /^[0-9a-f]{40}$/;
/** The version a pin's comment names: `v6.0.2`, `6.0.2`, `tag=v6.0.2`, `pin @v6.0.2`, `v6.0.2 from v5`. */
const PINNED_VERSION = /^(?:tag\s*=\s*|pin\s*@?\s*|@)?(v?\d+(?:\.\d+)*(?:[-+][\w.]+)?)(?=$|[\s,;)])/;

/**
 * An action ref as a maintainer reads it: a commit pinned with its version in
 * a comment (Dependabot's, Renovate's and pinact's convention,
 * `uses: actions/checkout@de0fac2e… # v6.0.2`) is `v6.0.2 (de0fac2e)`, and
 * its version is what compares; any other ref is itself.
 */
export function pinnedRef(ref: string, comment: string): { label: string; version: string } {
  const version = FULL_SHA.test(ref) ? PINNED_VERSION.exec(comment)?.[1] : undefined;
  return version === undefined ? { label: ref, version: ref } : { label: `${version} (${ref.slice(0, 8)})`, version };
}

/**
 * The message of one side pinning an action to a commit of the version the
 * other side uses as a tag (`codecov/codecov-action@v5` →
 * `@1af58845… # v5`): the version did not move, so "v5 → v5 (1af58845)"
 * says nothing; null when that is not the change (or the side is unknown,
 * or both moved), and the usual wording applies.
 */
export function describePinning(action: string, refs: { upstream: string; fork: string }, versions: { upstream: string; fork: string }, side: Side): string | null {
  if (versions.upstream !== versions.fork) return null;
  const pinnedIn = FULL_SHA.test(refs.upstream) && !FULL_SHA.test(refs.fork) ? 'upstream' : FULL_SHA.test(refs.fork) && !FULL_SHA.test(refs.upstream) ? 'fork' : null;
  if (pinnedIn === null) return null;
  const commit = refs[pinnedIn].slice(0, 8);
  const version = versions.upstream;
  if (side === 'upstream' && pinnedIn === 'upstream') return `upstream pinned ${action} ${version} to commit ${commit}; fork still uses the tag ${version}`;
  if (side === 'fork' && pinnedIn === 'fork') return `fork pinned ${action} ${version} to commit ${commit}`;
  if (side === 'upstream') return `upstream unpinned ${action} ${version} (commit ${commit} → the tag); fork still at the commit`;
  if (side === 'fork') return `fork unpinned ${action} ${version} (upstream's commit ${commit} → the tag)`;
  if (side === null) return `${action} ${version}: ${pinnedIn === 'upstream' ? `commit ${commit} → the tag` : `the tag → commit ${commit}`}`;
  return null;
}

/** `owner/repo[/path]@ref` → its parts. */
export function actionRef(value: string): { action: string; ref: string } | null {
  const match = /^["']?([\w.-]+\/[\w./-]+)@([\w.\-/]+)["']?$/.exec(value.trim());
  return match ? { action: match[1] ?? '', ref: match[2] ?? '' } : null;
}
