// Source hunks where the fork lacks code that fixes something (guards, locks, error handling).
import { defineClassifier } from './define.js';
import { isSourcePath } from './paths.js';

export default defineClassifier({
  id: 'reverted-fixes',
  title: 'Reverted or missing fixes',
  isPathCategory: false,
  matches: (file) => !file.isBinary && isSourcePath(file.path),
  classify: () => [],
});
