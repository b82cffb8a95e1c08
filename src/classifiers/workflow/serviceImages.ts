import type { Hunk } from '../../model.js';
import { PLAIN_IMAGE, splitImage } from '../common/imageRef.js';
import { sideView } from '../common/lines.js';
import type { WorkflowSides } from './wholeWorkflow.js';
import { enclosingKeys, keyLine, listItem, unquote } from './yamlLines.js';

/** A service image each tip runs, paired by repository: `docker:24-dind` upstream, `docker:20-dind` in the fork. */
export interface ChangedService {
  upstream: string;
  fork: string;
  lines: { upstream: number[]; fork: number[] };
}

/**
 * The image a `services:` entry names on line `index` of `lines`: a list item
 * (`- docker:24-dind`) or its `name:` (`- name: postgres:15`, or under the
 * item's first key: `- alias: db`, then `name: postgres:15`).
 */
function serviceImageAt(lines: readonly string[], index: number): string | null {
  const line = lines[index] ?? '';
  const key = keyLine(line.replace(/^(\s*)-\s/, '$1  '));
  const value = key ? (key.key === 'name' ? key.value : null) : (listItem(line)?.value ?? null);
  const image = value === null ? null : unquote(value);
  if (image === null || !PLAIN_IMAGE.test(image)) return null;
  const [parent, grandparent] = enclosingKeys(lines, index);
  const isService = parent?.key === 'services' || (key !== null && !/^\s*-\s/.test(line) && grandparent?.key === 'services');
  return isService ? image : null;
}

/**
 * Service images (GitLab CI's `services:` list) a hunk changes, read against
 * the whole file when there is one (a hunk may start inside the list).
 */
export function changedServices(hunk: Hunk, sides: WorkflowSides): ChangedService[] {
  const found = { upstream: new Map<string, { image: string; line: number }>(), fork: new Map<string, { image: string; line: number }>() };
  for (const tip of ['upstream', 'fork'] as const) {
    const view = sideView(hunk, tip);
    const whole = sides?.[tip].lines ?? null;
    const hunkLines = whole === null ? view.map(({ content }) => content) : null;
    view.forEach(({ line, isChanged }, index) => {
      if (!isChanged) return;
      const image = hunkLines === null ? serviceImageAt(whole ?? [], line - 1) : serviceImageAt(hunkLines, index);
      if (image === null) return;
      const { repository } = splitImage(image);
      if (!found[tip].has(repository)) found[tip].set(repository, { image, line });
    });
  }
  const changed: ChangedService[] = [];
  for (const [repository, upstream] of found.upstream) {
    const fork = found.fork.get(repository);
    if (fork && fork.image !== upstream.image) changed.push({ upstream: upstream.image, fork: fork.image, lines: { upstream: [upstream.line], fork: [fork.line] } });
  }
  return changed;
}
