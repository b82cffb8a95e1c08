// What a workflow refers to: secrets (`${{ secrets.X }}`), registries (docker/login-action `registry:`,
// image names) and actions (`uses: owner/repo@ref`, https://docs.github.com/en/actions/sharing-automations).
import type { Hunk } from '../../model.js';
import { changedLines } from '../common/lines.js';
import { keyLine } from './yamlLines.js';

const SECRET = /\$\{\{\s*secrets\.([A-Za-z0-9_-]+)\s*\}\}|secrets\[\s*['"]([A-Za-z0-9_-]+)['"]\s*\]/g;

export function secretNames(lines: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const line of lines) {
    if (line.trimStart().startsWith('#')) continue;
    for (const match of line.matchAll(SECRET)) names.add(match[1] ?? match[2] ?? '');
  }
  return names;
}

const IMAGE_REF = /^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9._-]+(?:\/[a-z0-9._-]+)*(?::[\w.-]+)?(?:@sha256:[0-9a-f]+)?$/;

/** The registry an image name resolves to (Docker's rule: a first part with `.` or `:` or `localhost` is a host). */
export function registryOf(image: string): string | null {
  const ref = image.replace(/^["']|["']$/g, '').replace(/^docker:\/\//, '');
  if (!IMAGE_REF.test(ref) || !ref.includes('/') && !ref.includes(':')) return null;
  const first = ref.split('/')[0] ?? '';
  return ref.includes('/') && (/[.:]/.test(first) || first === 'localhost') ? first : 'docker.io';
}

export interface Pair {
  key: string;
  upstream: string;
  fork: string;
  hunk: Hunk;
  /** The lines it was read from: upstream's `-` line (none when implied) and the fork's `+` line. */
  lines: { upstream: number[]; fork: number[] };
}

/** `key: value` lines the fork changed, paired by key within a hunk (`-` then `+`). */
export function changedKeyValues(hunk: Hunk): Pair[] {
  const removed = new Map<string, { value: string; line: number }>();
  const added = new Map<string, { value: string; line: number }>();
  for (const { content, tip, line } of changedLines(hunk)) {
    const key = keyLine(content.replace(/^(\s*)-\s+/, '$1  '));
    if (!key || key.value === '') continue;
    const target = tip === 'upstream' ? removed : added;
    if (!target.has(key.key)) target.set(key.key, { value: key.value, line });
  }
  const pairs: Pair[] = [];
  for (const [key, upstream] of removed) {
    const fork = added.get(key);
    if (fork !== undefined && fork.value !== upstream.value) {
      pairs.push({ key, upstream: upstream.value, fork: fork.value, hunk, lines: { upstream: [upstream.line], fork: [fork.line] } });
    }
  }
  // A login the fork points at a registry where upstream used the default one.
  const forkRegistry = added.get('registry');
  if (forkRegistry !== undefined && !removed.has('registry')) {
    pairs.push({ key: 'registry', upstream: 'docker.io', fork: forkRegistry.value, hunk, lines: { upstream: [], fork: [forkRegistry.line] } });
  }
  return pairs;
}

/** `owner/repo[/path]@ref` → its parts. */
export function actionRef(value: string): { action: string; ref: string } | null {
  const match = /^["']?([\w.-]+\/[\w./-]+)@([\w.\-/]+)["']?$/.exec(value.trim());
  return match ? { action: match[1] ?? '', ref: match[2] ?? '' } : null;
}
