// Reads Dockerfiles: https://docs.docker.com/reference/dockerfile/ (FROM … AS, ARG, COPY --from, RUN --mount=type=secret).
import type { FileDiff, Finding } from '../model.js';
import { uniqueByFingerprint } from './common/finding.js';
import { hunkContext, numberedLines } from './common/lines.js';
import { locate } from './common/location.js';
import type { LineRefs, Located } from './common/location.js';
import { readWholeFiles } from './common/wholeFiles.js';
import { defineClassifier } from './define.js';
import type { ClassifyContext } from './define.js';
import { compareDockerfiles } from './dockerfile/compare.js';
import { compareBake, readBake } from './dockerfile/bake.js';
import type { BakeSegment } from './dockerfile/bake.js';
import { compareCompose, readCompose } from './dockerfile/compose.js';
import { parseFrom, readDockerfile } from './dockerfile/model.js';
import { isFileAt, isOwn, isDockerfilePath } from './paths.js';

/** Compose and bake files share the category but not the syntax. */
const isDockerfileSyntax = (path: string): boolean => /(^|\/)((Dockerfile|Containerfile)(\.[^/]*)?|dockerfile)$|\.(Dockerfile|dockerfile)$/.test(path);
const isBakeHclPath = (path: string): boolean => /(^|\/)docker-bake(\.[^/]*)?\.hcl$/.test(path);
const isComposePath = (path: string): boolean => /(^|\/)(docker-compose[^/]*|compose(\.[^/]*)?)\.ya?ml$/.test(path);

/** One side of a file as segments, each with the context git printed for its hunk (a `FROM` line, a bake target). */
type SideSegments = BakeSegment[];

/**
 * Reads both sides with `read` and compares them: whole files in git mode
 * (and the merge base's when `isBaseRead`, for what the fork removed), else each hunk's two
 * sides. Lines outside every hunk are the same on both sides, so comparing
 * the two views is sound.
 */
async function compareSides<Model>(
  file: FileDiff,
  context: ClassifyContext,
  read: (segments: SideSegments, isWhole: boolean) => Model,
  compare: (file: FileDiff, upstream: Model, fork: Model, confidence: 'high', place: (refs: LineRefs) => Located, base: Model | null, translate: (text: string) => string) => Finding[],
  isBaseRead = false,
): Promise<Finding[]> {
  const readsBase = isBaseRead && context.mode === 'git';
  const [whole, baseText] = await Promise.all([readWholeFiles(file, context), readsBase ? context.readFile('base', file.oldPath ?? file.path) : null]);
  const side = (name: 'upstream' | 'fork'): SideSegments => {
    if (whole) return wholeSegments(whole[name]);
    return file.hunks.map((hunk) => {
      const own = numberedLines(hunk).filter((line) => line.type !== (name === 'upstream' ? 'add' : 'del'));
      return { lines: own.map((line) => line.content), numbers: own.map((line) => (name === 'upstream' ? line.oldNumber : line.newNumber) ?? 0), context: hunkContext(hunk) };
    });
  };
  const place = (refs: LineRefs): Located => locate(file, context, refs);
  const base = whole && baseText !== null ? read(wholeSegments(baseText), true) : null;
  return uniqueByFingerprint(compare(file, read(side('upstream'), whole !== null), read(side('fork'), whole !== null), 'high', place, base, context.translate));
}

/** A whole file as one segment. */
const wholeSegments = (text: string): SideSegments => {
  const lines = text.split('\n');
  return [{ lines, numbers: lines.map((_, index) => index + 1), context: '' }];
};

/** Instructions that only stages hold: a hunk whose context is one of them starts inside a stage. */
const STAGE_INSTRUCTION = /^(RUN|ENV|COPY|ADD|WORKDIR|CMD|ENTRYPOINT|EXPOSE|USER|LABEL|VOLUME|HEALTHCHECK|SHELL|ONBUILD|STOPSIGNAL|MAINTAINER)\s/i;

/**
 * Where a segment starts: a whole file, or a hunk from line 1, before any
 * FROM; a hunk whose context git printed as a FROM line in that stage, or as
 * another stage instruction in some stage; otherwise unknown.
 */
function startOf({ numbers, context }: SideSegments[number], isWhole: boolean): { stage: string | null; start: 'global' | 'stage' | 'unknown' } {
  if (isWhole || numbers[0] === 1) return { stage: null, start: 'global' };
  const from = parseFrom(context);
  if (from) return { stage: from.name, start: 'stage' };
  return { stage: null, start: STAGE_INSTRUCTION.test(context.trim()) ? 'stage' : 'unknown' };
}

// A whole file finds every stage itself (and pairs unnamed stages by their place among the unnamed).
const readDockerfileSide = (segments: SideSegments, isWhole: boolean) =>
  readDockerfile(segments.map((segment) => ({ lines: segment.lines, numbers: segment.numbers, ...startOf(segment, isWhole) })), isWhole);
const readComposeSide = (segments: SideSegments, isWhole: boolean) => readCompose(segments, isWhole);

/** Vendored modules' copies are the module's row in vendored-deps. */
const isOwnDockerfilePath = isOwn(isDockerfilePath);

export default defineClassifier({
  id: 'dockerfile',
  title: 'Dockerfiles',
  isPathCategory: true,
  matches: (file) => isFileAt(file, isOwnDockerfilePath),
  async classify(file, context) {
    if (file.isBinary) return [];
    if (isComposePath(file.path)) return compareSides(file, context, readComposeSide, compareCompose);
    if (isBakeHclPath(file.path)) return compareSides(file, context, readBake, compareBake);
    // Only a Dockerfile's comparison reads the merge base's (which stages the fork removed).
    if (isDockerfileSyntax(file.path)) return compareSides(file, context, readDockerfileSide, compareDockerfiles, true);
    return [];
  },
});
