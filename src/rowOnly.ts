import { isGitlink } from './gitlink.js';
import type { FileDiff } from './model.js';
import { vendoredPlaceOf } from './vendoredDir.js';

/** Lock and checksum files: machine-written, and the dependency findings already say what moved in them. */
const LOCKFILES = /(^|\/)(go\.sum|go\.work\.sum|modules\.txt|package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|Cargo\.lock|poetry\.lock)$/;

/** A vendored module's file, a submodule's pin, or a lockfile: shown as rows (files table, dependency findings), not as hunks. */
export const isRowOnly = (file: Pick<FileDiff, 'module' | 'path' | 'oldMode' | 'newMode'>): boolean =>
  file.module !== null || vendoredPlaceOf(file.path) !== null || LOCKFILES.test(file.path) || isGitlink(file);
