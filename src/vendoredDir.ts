/** Directories that hold other projects' code: Go's and npm's, and the C convention of third-party trees. */
export type VendoredDirName = 'vendor' | 'node_modules' | 'deps' | 'third_party' | 'third-party' | '3rdparty';

/**
 * Where a vendored file sits: the path before its first vendored directory
 * (`vendor/`, `node_modules/`, `third_party/`, `third-party/`, `3rdparty/`;
 * `deps/` only at the root and only below a library's own directory, as
 * redis keeps `deps/jemalloc/` beside its own `deps/Makefile`), that
 * directory, and the path inside it.
 */
export interface VendoredPlace {
  prefix: string;
  dir: VendoredDirName;
  inner: string;
}

const VENDORED = /^(.*?(?:^|\/))(vendor|node_modules|third_party|third-party|3rdparty)\/(.+)$/;
const ROOT_DEPS = /^()(deps)\/([^/]+\/.+)$/;

export const vendoredPlaceOf = (path: string): VendoredPlace | null => {
  const match = VENDORED.exec(path) ?? ROOT_DEPS.exec(path);
  return match ? { prefix: match[1] ?? '', dir: (match[2] ?? 'vendor') as VendoredDirName, inner: match[3] ?? '' } : null;
};

/**
 * Where a vendored module's files live, as rows name it: `vendor/github.com/a/b/`
 * at the root, `ckan/public/base/vendor/select2/` deeper (two vendor
 * directories may each hold a `select2`), `testdata/node_modules/@actions/core/`.
 */
export const vendoredDirOf = (path: string, module: string): string => {
  // A submodule's files (one tip pins it, the other keeps its files): the module is their directory.
  if (path.startsWith(`${module}/`)) return `${module}/`;
  const place = vendoredPlaceOf(path);
  return `${place?.prefix ?? ''}${place?.dir ?? 'vendor'}/${module}/`;
};
