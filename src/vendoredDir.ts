/** Where a vendored file sits: the path before its first `vendor/` or `node_modules/`, that directory, and the path inside it. */
export interface VendoredPlace {
  prefix: string;
  dir: 'vendor' | 'node_modules';
  inner: string;
}

export const vendoredPlaceOf = (path: string): VendoredPlace | null => {
  const match = /^(.*?(?:^|\/))(vendor|node_modules)\/(.+)$/.exec(path);
  return match ? { prefix: match[1] ?? '', dir: match[2] === 'node_modules' ? 'node_modules' : 'vendor', inner: match[3] ?? '' } : null;
};

/**
 * Where a vendored module's files live, as rows name it: `vendor/github.com/a/b/`
 * at the root, `ckan/public/base/vendor/select2/` deeper (two vendor
 * directories may each hold a `select2`), `testdata/node_modules/@actions/core/`.
 */
export const vendoredDirOf = (path: string, module: string): string => {
  const place = vendoredPlaceOf(path);
  return `${place?.prefix ?? ''}${place?.dir ?? 'vendor'}/${module}/`;
};
