// Reads go.mod / vendor/modules.txt: https://go.dev/ref/mod#go-mod-file
import { defineClassifier } from './define.js';
import { isDependencyPath } from './paths.js';

export default defineClassifier({
  id: 'vendored-deps',
  title: 'Vendored dependencies',
  isPathCategory: true,
  matches: (file) => isDependencyPath(file.path) || (file.oldPath !== null && isDependencyPath(file.oldPath)),
  classify: () => [],
});
