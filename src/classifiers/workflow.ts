// Reads CI definitions: https://docs.github.com/en/actions/using-workflows/workflow-syntax-for-github-actions
import { defineClassifier } from './define.js';
import { isWorkflowPath } from './paths.js';

export default defineClassifier({
  id: 'workflow',
  title: 'CI workflows',
  isPathCategory: true,
  matches: (file) => isWorkflowPath(file.path) || (file.oldPath !== null && isWorkflowPath(file.oldPath)),
  classify: () => [],
});
