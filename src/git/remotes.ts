import { sha256Hex } from '../fingerprint.js';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { ForkdiffError } from '../errors.js';
import type { Repo } from './repo.js';

export type Role = 'upstream' | 'fork';

/** Where one side's ref is fetched from and stored locally. */
export interface RemoteTarget {
  /** As the user gave it: a remote name, URL or path. */
  spec: string;
  /** Short name for prefixes and messages: the remote's name, or a name derived from the URL. */
  displayName: string;
  /** What `git fetch` is given: the remote name, or the URL/path itself. */
  fetchFrom: string;
  /** True when `spec` is (or has the URL of) a configured remote. */
  isConfigured: boolean;
  /** The local ref that holds `ref` (a branch name, or a full ref that is not a branch) after fetching. */
  localRef(ref: string): string;
}

const FLAG_FOR_ROLE = { upstream: '--upstream', fork: '--origin' } as const satisfies Record<Role, string>;

// A URL (scheme://, scp-like host:path) or a filesystem path, as opposed to a remote name.
const looksLikeLocation = (spec: string): boolean =>
  /^[a-z][a-z0-9+.-]*:\/\//i.test(spec) || /^[^/\\]+@[^/\\]+:/.test(spec) || /[/\\]/.test(spec) || spec.startsWith('.');

/**
 * Resolves `--upstream`/`--origin` (or their defaults). A configured remote is
 * used as is; a URL or path the repo has no remote for is fetched into the
 * private namespace `refs/forkdiff/<name>-<hash>/`, leaving the user's remote
 * config untouched.
 */
export const resolveRemote = (repo: Repo, spec: string, role: Role): RemoteTarget => {
  if (spec.startsWith('-')) {
    throw new ForkdiffError(`invalid ${role} remote "${spec}": a remote cannot start with "-" (check ${FLAG_FOR_ROLE[role]})`);
  }
  const byName = repo.remotes.find((remote) => remote.name === spec);
  if (byName) return configured(spec, byName.name);
  if (!looksLikeLocation(spec)) {
    const names = repo.remotes.map((remote) => remote.name).join(', ') || 'none';
    throw new ForkdiffError(
      `no remote named "${spec}" for the ${role} side (remotes here: ${names}); pass ${FLAG_FOR_ROLE[role]} a remote name, URL or path`,
    );
  }
  const location = isLocalPath(spec) ? resolve(repo.cwd, spec) : spec;
  const byUrl = repo.remotes.find((remote) => sameLocation(remote.fetchUrl, location, repo.cwd));
  if (byUrl) return configured(spec, byUrl.name);
  const namespace = `refs/forkdiff/${shortName(location)}-${hash(location)}`;
  return {
    spec,
    displayName: shortName(location),
    fetchFrom: location,
    isConfigured: false,
    localRef: (ref) => `${namespace}/${ref}`,
  };
};

/**
 * A branch lands in the remote's remote-tracking ref. Any other full ref (a
 * tag such as `refs/tags/v0.11.6`) has no remote-tracking place in git's
 * layout; it goes to forkdiff's private namespace rather than making a
 * branch-like `refs/remotes/origin/refs/tags/…` appear in the user's clone.
 */
const configured = (spec: string, name: string): RemoteTarget => ({
  spec,
  displayName: name,
  fetchFrom: name,
  isConfigured: true,
  localRef: (ref) => (ref.startsWith('refs/') ? `refs/forkdiff/remotes/${name}/${ref.slice(5)}` : `refs/remotes/${name}/${ref}`),
});

const isLocalPath = (spec: string): boolean =>
  !/^[a-z][a-z0-9+.-]*:\/\//i.test(spec) && (isAbsolute(spec) || spec.startsWith('.') || existsSync(spec));

const sameLocation = (url: string, location: string, cwd: string): boolean => {
  const normalise = (value: string): string =>
    (isLocalPath(value) ? resolve(cwd, value) : value).replace(/\/+$/, '').replace(/\.git$/, '');
  return normalise(url) === normalise(location);
};

/** `https://github.com/moby/buildkit.git` → `moby-buildkit`; safe as a ref component. */
export const shortName = (location: string): string => {
  const parts = location
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split(/[/:\\]/)
    .filter((part) => part.length > 0);
  const name = parts.slice(-2).join('-').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return name || 'remote';
};

const hash = (text: string): string => sha256Hex(text).slice(0, 8);
