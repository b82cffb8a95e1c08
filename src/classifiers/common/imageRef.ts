import { isVersionLike } from '../../versions/versionOrder.js';

/** An image written out (no variable or expression left in it): `registry:5000/team/app:1.2@sha256:…`. */
export const PLAIN_IMAGE = /^[\w.-]+(?::\d+)?(?:\/[\w.-]+)*(?::[\w.-]+)?(?:@sha256:[0-9a-f]{64})?$/;

/** `registry:5000/app:1.2@sha256:…` → repository and tag (null when there is none). */
export function splitImage(image: string): { repository: string; tag: string | null } {
  const withoutDigest = image.split('@')[0] ?? image;
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/') ? { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1) } : { repository: withoutDigest, tag: null };
}

/** The tags two images compare by: only when both are tags of one repository that read as versions. */
export function imageVersions(upstream: string, fork: string): { upstream: string; fork: string } | null {
  const before = splitImage(upstream);
  const after = splitImage(fork);
  if (before.repository !== after.repository || !before.tag || !after.tag) return null;
  return isVersionLike(before.tag) && isVersionLike(after.tag) ? { upstream: before.tag, fork: after.tag } : null;
}
