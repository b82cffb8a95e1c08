/**
 * Where a vendored module's files live, as rows name it: `vendor/github.com/a/b/`
 * at the root, `ckan/public/base/vendor/select2/` deeper (two vendor
 * directories may each hold a `select2`), `testdata/node_modules/@actions/core/`.
 */
export const vendoredDirOf = (path: string, module: string): string => {
  const match = /^(.*?(?:^|\/))(vendor|node_modules)\//.exec(path);
  return `${match?.[1] ?? ''}${match?.[2] ?? 'vendor'}/${module}/`;
};
