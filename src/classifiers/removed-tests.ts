// Test conventions: Go `func TestX(t *testing.T)` (https://pkg.go.dev/testing), vitest/jest/mocha, pytest, Rust #[test], JUnit.
import { defineClassifier } from './define.js';
import { isTestPath, isWorkflowPath } from './paths.js';

export default defineClassifier({
  id: 'removed-tests',
  title: 'Removed tests',
  isPathCategory: false,
  matches: (file) => isTestPath(file.path) || isWorkflowPath(file.path),
  classify: () => [],
});
