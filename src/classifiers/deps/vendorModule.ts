import type { FileDiff } from '../../model.js';
import { parseModulesTxtHeader, parseVendorConfLine } from './gomod.js';
import { parseGoModLine } from '../../versions/goModLines.js';
import { vendoredPlaceOf } from '../../vendoredDir.js';

/** Hosts whose module paths have three segments (host/owner/repo). */
const THREE_SEGMENT_HOSTS = /^(github\.com|gitlab\.com|bitbucket\.org|golang\.org|go\.googlesource\.com|gitea\.com|codeberg\.org)$/;

/** The path inside a vendor (or node_modules) directory, or null when the file is not vendored. */
export function vendoredPathOf(path: string): string | null {
  const inner = vendoredPlaceOf(path)?.inner;
  return inner === undefined || inner === 'modules.txt' ? null : inner;
}

/** Is the file in a node_modules directory (an npm package checked in: act's testdata actions)? */
export const isNodeModulesPath = (path: string): boolean => vendoredPlaceOf(path)?.dir === 'node_modules';

/**
 * The Go module a vendored file belongs to: the longest known module path that
 * prefixes it, else a guess from the host's layout (github.com/o/r, else host/x).
 * The lead sets `FileDiff.module` with this, passing `knownGoModules(files)`.
 */
export function vendorModuleOf(path: string, knownModules: Iterable<string> = []): string | null {
  const inner = vendoredPathOf(path);
  if (!inner) return null;
  let best: string | null = null;
  for (const module of knownModules) {
    if ((inner === module || inner.startsWith(`${module}/`)) && (!best || module.length > best.length)) best = module;
  }
  if (best) return best;
  const segments = inner.split('/');
  // An npm package: `@scope/name` or `name`.
  if (isNodeModulesPath(path)) {
    const size = segments[0]?.startsWith('@') ? 2 : 1;
    return segments.length > size ? segments.slice(0, size).join('/') : null;
  }
  const host = segments[0] ?? '';
  // A Go module path starts with a host; ckan's public/base/vendor/select2/ holds a web library, one directory each.
  if (!isGoModulePath(inner)) return segments.length > 1 ? host : null;
  // golang.org/x/net, github.com/owner/repo: three segments; gopkg.in/yaml.v3, k8s.io/api: two.
  const count = THREE_SEGMENT_HOSTS.test(host) ? 3 : 2;
  return segments.length > count ? segments.slice(0, count).join('/') : segments.slice(0, -1).join('/') || null;
}

/** Module paths named anywhere in the diff's go.mod, vendor/modules.txt and vendor.conf hunks (changed or context). */
export function knownGoModules(files: readonly FileDiff[]): Set<string> {
  const modules = new Set<string>();
  for (const file of files) addKnownGoModules(file, modules);
  return modules;
}

export function addKnownGoModules(file: FileDiff, modules: Set<string>): void {
  const parse = /(?:^|\/)vendor\/modules\.txt$/.test(file.path) ? (line: string) => parseModulesTxtHeader(line)?.name
    : /(?:^|\/)go\.mod$/.test(file.path) ? (line: string) => parseGoModLine(line)?.name.replace(/@.*$/, '')
      : /(?:^|\/)vendor\.conf$/.test(file.path) ? (line: string) => parseVendorConfLine(line)?.name
        : null;
  if (parse === null) return;
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      const name = parse(line.content);
      if (name && name.includes('/')) modules.add(name);
    }
  }
}

/** Is this vendored module a Go module (its path starts with a host), not a directory of vendored web assets? */
export const isGoModulePath = (module: string): boolean => (module.split('/')[0] ?? '').includes('.');

