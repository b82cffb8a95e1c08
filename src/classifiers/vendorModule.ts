/**
 * The Go module a vendored file belongs to, from its path under `vendor/`
 * (https://go.dev/ref/mod#vendoring). Known module paths (from
 * `vendor/modules.txt` or go.mod) win by longest prefix; otherwise hosting
 * conventions decide how many segments name the module.
 */
const THREE_SEGMENT_HOSTS = new Set(['github.com', 'gitlab.com', 'bitbucket.org', 'golang.org', 'go.googlesource.com']);

export function vendorModuleOf(path: string, knownModules: readonly string[] = []): string | null {
  const match = /(?:^|\/)vendor\/(.+)$/.exec(path);
  if (!match) return null;
  const inside = match[1] as string;
  if (inside === 'modules.txt') return null;
  let best: string | null = null;
  for (const module of knownModules) {
    if (inside.startsWith(`${module}/`) && (best === null || module.length > best.length)) best = module;
  }
  if (best) return best;
  const segments = inside.split('/');
  const host = segments[0] ?? '';
  const count = THREE_SEGMENT_HOSTS.has(host) ? 3 : host.includes('.') ? 2 : 1;
  return segments.length > count ? segments.slice(0, count).join('/') : null;
}
