// Reads Compose files: https://docs.docker.com/reference/compose-file/services/ (services.<name>.image).
import type { Confidence, FileDiff, Finding } from '../../model.js';
import type { LineRefs, Located } from '../common/location.js';
import { imageVersions } from '../common/imageRef.js';
import { describeChange, describePresence } from '../common/wording.js';
import type { BakeSegment } from './bake.js';
import { collectFindings, versionChange } from './findings.js';

/** Finding kinds of compose files, in the dockerfile category. */
export type ComposeFindingKind = 'image-changed' | 'service-removed' | 'service-added';

export interface ComposeModel {
  /** Read from a whole file, where a service missing on one side really is missing (in hunks it may be out of view). */
  isWhole: boolean;
  /** Service → its image (null for a service that builds its own, whole files only) and the lines stating them. */
  services: Map<string, { image: string | null; lines: number[] }>;
  /** Services written out in comments (`#  worker:`): commented out rather than deleted. */
  commented: Map<string, number>;
}

const KEY_ONLY = /^(\s*)([\w.-]+):\s*(?:#.*)?$/;
const IMAGE = /^(\s*)image:\s*["']?([^"'\s#]+)["']?\s*(?:#.*)?$/;
const COMMENTED_KEY = /^\s*#\s*([\w.-]+):\s*$/;

const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * Services and their images, line by line. In a whole file a service is a
 * key one level under the top-level `services:`. A hunk rarely reaches
 * `services:`, so there an image belongs to the nearest key above it that is
 * indented less, and only services with an image line in view are known.
 */
export function readCompose(segments: readonly Pick<BakeSegment, 'lines' | 'numbers'>[], isWhole: boolean): ComposeModel {
  const model: ComposeModel = { isWhole, services: new Map(), commented: new Map() };
  for (const { lines, numbers } of segments) {
    let isInServices = false;
    let serviceIndent: number | null = null;
    const keys: { indent: number; name: string; line: number }[] = [];
    for (const [index, line] of lines.entries()) {
      const number = numbers[index] ?? 0;
      const commented = COMMENTED_KEY.exec(line);
      if (commented?.[1]) model.commented.set(commented[1], number);
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const indent = indentOf(line);
      while (keys.length > 0 && (keys.at(-1)?.indent ?? 0) >= indent) keys.pop();
      const image = IMAGE.exec(line);
      const key = KEY_ONLY.exec(line);
      if (isWhole) {
        if (indent === 0) {
          isInServices = key?.[2] === 'services';
          serviceIndent = null;
          continue;
        }
        if (!isInServices) continue;
        serviceIndent ??= indent;
        if (indent === serviceIndent && key?.[2]) model.services.set(key[2], { image: null, lines: [number] });
      }
      if (image?.[2]) {
        const service = isWhole ? [...keys].reverse().find((each) => each.indent === serviceIndent) : keys.at(-1);
        if (service) model.services.set(service.name, { image: image[2], lines: [service.line, number] });
      }
      if (key?.[2]) keys.push({ indent, name: key[2], line: number });
    }
  }
  return model;
}

/** ` (downgrade)` when both images are tags of one repository that read as versions. */
function directionNote(upstream: string, fork: string): { note: string; direction: string; isVersioned: boolean } {
  const versions = imageVersions(upstream, fork);
  if (versions === null) return { note: '', direction: 'changed', isVersioned: false };
  const { direction, isVersioned } = versionChange(versions.upstream, versions.fork);
  return { note: direction === 'changed' ? '' : ` (${direction})`, direction, isVersioned };
}

/**
 * Compares the services and images upstream's compose file states with the
 * fork's. A service the fork has under the name it would write after its
 * renames (`translate`, attribution/renames.ts) is the same service, as a
 * renamed Dockerfile stage is: cherrypick's `cherrypick.a.test` is misskey's
 * `misskey.a.test`, its image compared, neither removed nor added.
 */
export function compareCompose(
  file: FileDiff, upstream: ComposeModel, fork: ComposeModel, confidence: Confidence, place: (refs: LineRefs) => Located,
  _base: ComposeModel | null = null, translate: (text: string) => string = (text) => text,
): Finding[] {
  const { findings, add } = collectFindings<ComposeFindingKind>(file, confidence, place);
  const renamedTo = new Map<string, string>();
  for (const service of upstream.services.keys()) {
    const name = translate(service);
    if (name !== service && !fork.services.has(service) && !upstream.services.has(name) && fork.services.has(name)) renamedTo.set(service, name);
  }
  const renamed = new Set(renamedTo.values());
  for (const [service, { image, lines }] of upstream.services) {
    const forkService = fork.services.get(renamedTo.get(service) ?? service);
    if (!forkService) {
      // In hunks, a service whose image line is out of view is simply unknown; only a commented-out one is certain.
      const commented = upstream.commented.has(service) ? undefined : fork.commented.get(service);
      const isCommentedOut = commented !== undefined;
      if (!isCommentedOut && !(upstream.isWhole && fork.isWhole)) continue;
      const was = image ? ` (was image ${image})` : '';
      add('service-removed', { upstream: lines, fork: [commented] },
        (side) => describePresence({ thing: `service "${service}"${image ? ` (image ${image})` : ''}`, presentIn: 'upstream', side, isCommentedOut,
          neutral: `service "${service}" ${isCommentedOut ? 'commented out' : 'removed'}${was}` }),
        [service], { service, image, commentedOut: isCommentedOut });
      continue;
    }
    const forkImage = forkService.image;
    if (image === null || forkImage === null || image === forkImage) continue;
    const { note, direction, isVersioned } = directionNote(image, forkImage);
    add('image-changed', { upstream: lines, fork: forkService.lines },
      (side) => describeChange({ subject: `image of service "${service}"`, upstream: image, fork: forkImage, side, isVersioned,
        neutral: `image of service "${service}": ${image} → ${forkImage}${note}` }),
      [service, image, forkImage], { service, upstream: image, fork: forkImage, direction });
  }
  if (file.status !== 'added' && upstream.isWhole && fork.isWhole) {
    for (const [service, { image, lines }] of fork.services) {
      if (upstream.services.has(service) || renamed.has(service)) continue;
      const shown = image ? ` (image ${image})` : '';
      add('service-added', { fork: lines },
        (side) => describePresence({ thing: `service "${service}"${shown}`, presentIn: 'fork', side, neutral: `service "${service}" added${shown}` }),
        [service, image], { service, image });
    }
  }
  return findings;
}
