// Reads Dockerfiles: https://docs.docker.com/reference/dockerfile/ (FROM … AS, ARG, COPY --from, RUN --mount=type=secret).
import type { FileDiff, Finding } from '../model.js';
import { uniqueByFingerprint } from './common/finding.js';
import { hunkContext, sideLines } from './common/lines.js';
import { readWholeFiles } from './common/wholeFiles.js';
import { defineClassifier } from './define.js';
import type { ClassifyContext } from './define.js';
import { compareDockerfiles } from './dockerfile/compare.js';
import { compareBake, readBake } from './dockerfile/bake.js';
import { compareCompose, readCompose } from './dockerfile/compose.js';
import { parseFrom, readDockerfile } from './dockerfile/model.js';
import type { Segment } from './dockerfile/model.js';
import { isFileAt, isDockerfilePath } from './paths.js';

/** Compose and bake files share the category but not the syntax. */
const isDockerfileSyntax = (path: string): boolean => /(^|\/)(Dockerfile|Containerfile)(\.[^/]*)?$|\.(Dockerfile|dockerfile)$/.test(path);
const isBakeHclPath = (path: string): boolean => /(^|\/)docker-bake(\.[^/]*)?\.hcl$/.test(path);
const isComposePath = (path: string): boolean => /(^|\/)(docker-compose[^/]*|compose(\.[^/]*)?)\.ya?ml$/.test(path);

/** Each hunk is a segment; git prints the enclosing FROM line as hunk context when there is one. */
const hunkSegments = (file: FileDiff, side: 'upstream' | 'fork'): Segment[] =>
  file.hunks.map((hunk) => ({ lines: sideLines(hunk, side), stage: parseFrom(hunkContext(hunk))?.name ?? null }));

/** Services and images of a compose file: whole files in git mode, else each hunk's two sides. */
async function composeFindings(file: FileDiff, context: ClassifyContext): Promise<Finding[]> {
  const whole = await readWholeFiles(file, context);
  const segments = (side: 'upstream' | 'fork'): string[][] => (whole ? [whole[side].split('\n')] : file.hunks.map((hunk) => sideLines(hunk, side)));
  return uniqueByFingerprint(compareCompose(file, readCompose(segments('upstream'), whole !== null), readCompose(segments('fork'), whole !== null), 'high'));
}

/** Targets, variables, args and secrets of a bake file: whole files in git mode, else each hunk's two sides. */
async function bakeFindings(file: FileDiff, context: ClassifyContext): Promise<Finding[]> {
  const whole = await readWholeFiles(file, context);
  const segments = (side: 'upstream' | 'fork') =>
    whole ? [{ lines: whole[side].split('\n'), context: '' }] : file.hunks.map((hunk) => ({ lines: sideLines(hunk, side), context: hunkContext(hunk) }));
  return uniqueByFingerprint(compareBake(file, readBake(segments('upstream')), readBake(segments('fork')), 'high'));
}

export default defineClassifier({
  id: 'dockerfile',
  title: 'Dockerfiles',
  isPathCategory: true,
  matches: (file) => isFileAt(file, isDockerfilePath),
  async classify(file, context) {
    if (file.isBinary) return [];
    if (isComposePath(file.path)) return composeFindings(file, context);
    if (isBakeHclPath(file.path)) return bakeFindings(file, context);
    if (!isDockerfileSyntax(file.path)) return [];
    const whole = await readWholeFiles(file, context);
    if (whole) {
      // Whole files: every instruction knows its stage, and unnamed stages can be paired by position.
      const upstream = readDockerfile([{ lines: whole.upstream.split('\n'), stage: null }], true);
      const fork = readDockerfile([{ lines: whole.fork.split('\n'), stage: null }], true);
      return uniqueByFingerprint(compareDockerfiles(file, upstream, fork, 'high'));
    }
    // Hunks only: lines outside every hunk are the same on both sides, so comparing the two views is sound.
    const upstream = readDockerfile(hunkSegments(file, 'upstream'), false);
    const fork = readDockerfile(hunkSegments(file, 'fork'), false);
    return uniqueByFingerprint(compareDockerfiles(file, upstream, fork, 'high'));
  },
});
