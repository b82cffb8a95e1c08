import type { Classifier } from './define.js';
import dockerfile from './dockerfile.js';
import removedTests from './removed-tests.js';
import revertedFixes from './reverted-fixes.js';
import vendoredDeps from './vendored-deps.js';
import workflow from './workflow.js';

/** Every classifier, in report order. Adding a category is adding a file and a line here. */
export const classifiers: readonly Classifier[] = [workflow, dockerfile, vendoredDeps, revertedFixes, removedTests];
