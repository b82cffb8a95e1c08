/**
 * Where a vendored module's files live, as rows name it: `vendor/github.com/a/b/`
 * at the root, `ckan/public/base/vendor/select2/` deeper (two vendor
 * directories may each hold a `select2`).
 */
export const vendoredDirOf = (path: string, module: string): string => `${/^(.*?(?:^|\/))vendor\//.exec(path)?.[1] ?? ''}vendor/${module}/`;
