import type { Hunk } from '../../model.js';
import { splitImage } from '../common/imageRef.js';
import { changedLines } from '../common/lines.js';
import type { WorkflowSides } from './wholeWorkflow.js';
import { sideView } from './jobs.js';
import { enclosingKeys, keyLine, listItem } from './yamlLines.js';

/** A service image each tip runs, paired by repository: `docker:24-dind` upstream, `docker:20-dind` in the fork. */
export interface ChangedService {
  upstream: string;
  fork: string;
  lines: { upstream: number[]; fork: number[] };
}

/** An image written out (no variable left in it). */
export const PLAIN_IMAGE = /^[\w.-]+(?::\d+)?(?:\/[\w.-]+)*(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$/;

/**
 * The image a `services:` entry names on line `index` of `lines`: a list item
 * (`- docker:24-dind`) or its `name:` (`- name: postgres:15`, or under the
 * item's first key: `- alias: db`, then `name: postgres:15`).
 */
function serviceImageAt(lines: readonly string[], index: number): string | null {
  const line = lines[index] ?? '';
  const item = listItem(line);
  const key = keyLine(line.replace(/^(\s*)-\s/, '$1  '));
  const image = key ? (key.key === 'name' ? key.value : null) : (item?.value ?? null);
  if (image === null || !PLAIN_IMAGE.test(image.replace(/^["']|["']$/g, ''))) return null;
  const [parent, grandparent] = enclosingKeys(lines, index);
  const isService = parent?.key === 'services' || (key !== null && !/^\s*-\s/.test(line) && grandparent?.key === 'services');
  return isService ? image.replace(/^["']|["']$/g, '') : null;
}

/**
 * Service images (GitLab CI's `services:` list) a hunk changes, read against
 * the whole file when there is one (a hunk may start inside the list).
 */
export function changedServices(hunk: Hunk, sides: WorkflowSides): ChangedService[] {
  const found = { upstream: new Map<string, { image: string; line: number }>(), fork: new Map<string, { image: string; line: number }>() };
  const views = { upstream: sideView(hunk, 'upstream'), fork: sideView(hunk, 'fork') };
  for (const { tip, line } of changedLines(hunk)) {
    const whole = sides?.[tip].lines;
    const image = whole ? serviceImageAt(whole, line - 1) : serviceImageAt(views[tip].lines, views[tip].numbers.indexOf(line));
    if (image === null) continue;
    const { repository } = splitImage(image);
    if (!found[tip].has(repository)) found[tip].set(repository, { image, line });
  }
  const changed: ChangedService[] = [];
  for (const [repository, upstream] of found.upstream) {
    const fork = found.fork.get(repository);
    if (fork && fork.image !== upstream.image) changed.push({ upstream: upstream.image, fork: fork.image, lines: { upstream: [upstream.line], fork: [fork.line] } });
  }
  return changed;
}
