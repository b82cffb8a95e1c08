// How versions order, whatever their ecosystem: semver (Go modules with their
// pseudo-versions, npm, Cargo), distro package versions, and ranges by their
// lower bound. Read by the applied check (attribution) and the classifiers.
import semver from 'semver';
import { isRange, rangeLowerBound } from './ranges.js';

/**
 * Go pseudo-versions (https://go.dev/ref/mod#pseudo-versions) end in a
 * 14-digit UTC timestamp and a 12-hex commit: vX.Y.Z-[pre.]0.yyyymmddhhmmss-abcdef123456.
 */
const PSEUDO = /(?:^|[-.])(\d{14})-([0-9a-f]{12})$/;

export const pseudoVersionTime = (version: string): string | null => PSEUDO.exec(version)?.[1] ?? null;

/**
 * The upstream part of a distro package version (Debian policy: [epoch:]upstream[-revision]):
 * `1.1.0-0ubuntu1~20.04.2` → `1.1.0`, `2:1.18~0ubuntu2` → `1.18`.
 */
export function distroUpstreamPart(version: string): string {
  const withoutEpoch = version.replace(/^\d+:/, '');
  const withoutRevision = /ubuntu|debian|deb\d|~|\+dfsg|\.el\d|\.fc\d/.test(withoutEpoch)
    ? withoutEpoch.replace(/-[^-]*$/, '')
    : withoutEpoch;
  return withoutRevision.replace(/[~+].*$/, '');
}

/**
 * A semver for any version-ish string, or null when it has no numbers to
 * compare. A range stands for its lower bound (`>=2.19` → 2.19.0), so two
 * ranges compare by the lowest version each allows.
 */
export function toSemver(version: string): semver.SemVer | null {
  const cleaned = version.trim().replace(/\+incompatible$/, '').replace(/^==(?!=)/, '').replace(/^[=v]+/, '');
  const exact = semver.parse(cleaned, { loose: true });
  if (exact) return exact;
  if (isRange(cleaned)) {
    const lowest = rangeLowerBound(cleaned);
    if (lowest) return lowest;
  }
  return semver.coerce(distroUpstreamPart(cleaned), { loose: true });
}

/** -1, 0 or 1; null when either side cannot be read as a version. */
export function compareVersions(a: string, b: string): number | null {
  const left = toSemver(a);
  const right = toSemver(b);
  if (!left || !right) return null;
  const order = semver.compare(left, right);
  if (order !== 0) return order;
  // Same release: two pseudo-versions order by their commit timestamps.
  const leftTime = pseudoVersionTime(a);
  const rightTime = pseudoVersionTime(b);
  if (leftTime && rightTime && leftTime !== rightTime) return leftTime < rightTime ? -1 : 1;
  return 0;
}

/** Does the value look like a version at all (used before calling a change an upgrade)? */
export const isVersionLike = (value: string): boolean =>
  /^[v=^~]?\d+(\.\d+)*([-.+~:][\w.~+-]*)?$/.test(value.trim()) || /^\d+:\d/.test(value.trim());
