// Reads Dockerfiles: https://docs.docker.com/reference/dockerfile/
import { defineClassifier } from './define.js';
import { isDockerfilePath } from './paths.js';

export default defineClassifier({
  id: 'dockerfile',
  title: 'Dockerfiles',
  isPathCategory: true,
  matches: (file) => isDockerfilePath(file.path) || (file.oldPath !== null && isDockerfilePath(file.oldPath)),
  classify: () => [],
});
