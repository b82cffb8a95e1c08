import { compareVersions } from '../../versions/versionOrder.js';
import type { Direction } from './types.js';

/** Direction of the move from upstream's version to the fork's. */
export function directionOf(upstream: string | null, fork: string | null): Direction {
  if (upstream === null) return 'added';
  if (fork === null) return 'removed';
  // `github.com/fork/lib v1.1.0`: versions of another source (a replace target, vendor.conf's repository) do not compare.
  if (sourceOf(upstream) !== sourceOf(fork)) return 'changed';
  const order = compareVersions(upstream, fork);
  if (order === null || order === 0) return 'changed';
  return order < 0 ? 'upgrade' : 'downgrade';
}

/** The module path a version is of, when it names one (`github.com/fork/lib v1.1.0`); '' for a bare version or a range. */
const sourceOf = (version: string): string => {
  const [first, ...rest] = version.trim().split(/\s+/);
  return rest.length > 0 && /^[\w.~-]+(?:\/[\w.~-]+)+$/.test(first ?? '') ? (first ?? '') : '';
};
