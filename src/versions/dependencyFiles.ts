// Files that pin dependency versions, apart from Go's (newerModules.ts reads go.mod and go.sum by module).
import { posix } from 'node:path';

/** Manifests and lockfiles by name: each of their lines a commit adds may be a version the fork lacks. */
const DEPENDENCY_FILES = new Set([
  'package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml',
  'Cargo.toml', 'Cargo.lock', 'poetry.lock', 'pyproject.toml', 'Pipfile', 'Pipfile.lock', 'uv.lock',
]);

/** Does `path` pin versions of npm, Cargo or Python packages (a manifest, a lockfile, a requirements file)? */
export const isDependencyFile = (path: string): boolean => {
  const name = posix.basename(path);
  return DEPENDENCY_FILES.has(name) || /requirements[^/]*\.txt$/.test(name) || /(^|\/)requirements\/[^/]+\.txt$/.test(path);
};
