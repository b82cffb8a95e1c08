// Reads Compose files: https://docs.docker.com/reference/compose-file/services/ (services.<name>.image).
import type { Confidence, FileDiff, Finding } from '../../model.js';
import { collectFindings, versionChange } from './findings.js';

/** Finding kinds of compose files, in the dockerfile category. */
export type ComposeFindingKind = 'image-changed' | 'service-removed' | 'service-added';

export interface ComposeModel {
  /** Read from a whole file, where a service missing on one side really is missing (in hunks it may be out of view). */
  isWhole: boolean;
  /** Service → its image; null for a service that builds its own (whole files only). */
  services: Map<string, string | null>;
  /** Services written out in comments (`#  worker:`): commented out rather than deleted. */
  commented: Set<string>;
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
export function readCompose(segments: readonly (readonly string[])[], isWhole: boolean): ComposeModel {
  const model: ComposeModel = { isWhole, services: new Map(), commented: new Set() };
  for (const lines of segments) {
    let isInServices = false;
    let serviceIndent: number | null = null;
    const keys: { indent: number; name: string }[] = [];
    for (const line of lines) {
      const commented = COMMENTED_KEY.exec(line);
      if (commented?.[1]) model.commented.add(commented[1]);
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
        if (indent === serviceIndent && key?.[2]) model.services.set(key[2], null);
      }
      if (image?.[2]) {
        const service = isWhole ? [...keys].reverse().find((each) => each.indent === serviceIndent)?.name : keys.at(-1)?.name;
        if (service) model.services.set(service, image[2]);
      }
      if (key?.[2]) keys.push({ indent, name: key[2] });
    }
  }
  return model;
}

/** `registry:5000/app:1.2@sha256:…` → repository and tag (null when there is none). */
function splitImage(image: string): { repository: string; tag: string | null } {
  const withoutDigest = image.split('@')[0] ?? image;
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/') ? { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) } : { repository: withoutDigest, tag: null };
}

/** ` (downgrade)` when both images are tags of one repository that read as versions. */
function directionNote(upstream: string, fork: string): { note: string; direction: string } {
  const before = splitImage(upstream);
  const after = splitImage(fork);
  if (before.repository !== after.repository || !before.tag || !after.tag) return { note: '', direction: 'changed' };
  const { direction } = versionChange(before.tag, after.tag);
  return { note: direction === 'changed' ? '' : ` (${direction})`, direction };
}

/** Compares the services and images upstream's compose file states with the fork's. */
export function compareCompose(file: FileDiff, upstream: ComposeModel, fork: ComposeModel, confidence: Confidence): Finding[] {
  const { findings, add } = collectFindings<ComposeFindingKind>(file, confidence);
  for (const [service, image] of upstream.services) {
    if (!fork.services.has(service)) {
      // In hunks, a service whose image line is out of view is simply unknown; only a commented-out one is certain.
      const isCommentedOut = fork.commented.has(service) && !upstream.commented.has(service);
      if (!isCommentedOut && !(upstream.isWhole && fork.isWhole)) continue;
      const was = image ? ` (was image ${image})` : '';
      add('service-removed', `service "${service}" ${isCommentedOut ? 'commented out' : 'removed'}${was}`, [service], service,
        { service, image, commentedOut: isCommentedOut });
      continue;
    }
    const forkImage = fork.services.get(service) ?? null;
    if (image === null || forkImage === null || image === forkImage) continue;
    const { note, direction } = directionNote(image, forkImage);
    add('image-changed', `image of service "${service}": ${image} → ${forkImage}${note}`, [service, image, forkImage], forkImage,
      { service, upstream: image, fork: forkImage, direction });
  }
  if (file.status !== 'added' && upstream.isWhole && fork.isWhole) {
    for (const [service, image] of fork.services) {
      if (!upstream.services.has(service)) add('service-added', `service "${service}" added${image ? ` (image ${image})` : ''}`, [service, image], service, { service, image });
    }
  }
  return findings;
}
