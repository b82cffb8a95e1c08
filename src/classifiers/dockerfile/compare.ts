import type { Confidence, FileDiff, Finding } from '../../model.js';
import type { LineRefs, Located } from '../common/location.js';
import { describeChange, describePresence } from '../common/wording.js';
import { compareArgs } from './args.js';
import type { ArgFindingKind } from './args.js';
import { collectFindings } from './findings.js';
import { argLinesOf, copyKey, resolveArgs } from './model.js';
import type { DockerfileModel } from './model.js';
import { renamedStages, withStageNames } from './renamedStages.js';

/** Finding kinds of the dockerfile category. */
export type DockerfileFindingKind =
  | 'base-image' | 'stage-removed' | 'stage-added' | ArgFindingKind
  | 'copy-from-removed' | 'secret-mount-added' | 'package-manager-switched';

/** A COPY's text without its flags but `--from` (`--link`, `--chown=…`, `--chmod=…`). */
const withoutFlags = (text: string): string => text.replace(/\s--(?!from=)\S+/gi, '');

/**
 * Compares what upstream's Dockerfile states with what the fork's states.
 * Each finding is read from the lines that state it on each side (a stage's
 * FROM, an ARG, the RUN lines calling a package manager), which give its side;
 * the merge base's file (git mode) says which stages, ARGs and COPY lines a
 * side removed (the other side's changed line of one is not its addition).
 */
export function compareDockerfiles(
  file: FileDiff,
  upstreamModel: DockerfileModel,
  fork: DockerfileModel,
  confidence: Confidence,
  place: (refs: LineRefs) => Located,
  baseModel: DockerfileModel | null = null,
  translate: (text: string) => string = (text) => text,
): Finding[] {
  const { findings, add } = collectFindings<DockerfileFindingKind>(file, confidence, place);
  // A stage the fork renamed with its product is the same stage: its ARGs, COPYs and packages are compared, its name is the fork's own.
  const renamed = renamedStages(upstreamModel, baseModel, fork, translate);
  const upstream = withStageNames(upstreamModel, renamed);
  const base = baseModel && withStageNames(baseModel, renamed);
  const isNewFile = file.status === 'added';

  for (const [stage, { image, line }] of upstream.stages) {
    const forkStage = fork.stages.get(stage);
    if (forkStage === undefined) {
      const commented = fork.commentedStages.get(stage);
      const isCommentedOut = commented !== undefined;
      const was = resolveArgs(image, upstream.args);
      add('stage-removed', { upstream: [line], fork: [commented] },
        (side) => describePresence({ thing: `stage "${stage}" (FROM ${was})`, presentIn: 'upstream', side, isCommentedOut,
          neutral: `stage "${stage}" ${isCommentedOut ? 'commented out' : 'removed'} (was FROM ${was})` }),
        [stage], { stage, image, commentedOut: isCommentedOut }, base?.stages.has(stage) === true ? 'fork' : null);
    } else if (forkStage.image !== image) {
      const from = resolveArgs(image, upstream.args);
      const to = resolveArgs(forkStage.image, fork.args);
      // The ARGs a FROM line reads are where its image moves too (a fork that bumped ALPINE_VERSION changed its base).
      add('base-image', { upstream: [line], fork: [forkStage.line], through: { upstream: argLinesOf(image, upstream.args), fork: argLinesOf(forkStage.image, fork.args) } },
        (side) => describeChange({ subject: `base image of stage "${stage}"`, upstream: from, fork: to, side, isVersioned: false,
          neutral: `base image of stage "${stage}": ${from} → ${to}` }),
        [stage, image, forkStage.image], { stage, upstream: from, fork: to, upstreamRaw: image, forkRaw: forkStage.image });
    }
  }
  if (!isNewFile) {
    for (const [stage, { image, line }] of fork.stages) {
      if (upstream.stages.has(stage)) continue;
      const resolved = resolveArgs(image, fork.args);
      // A stage the merge base had is one upstream removed; the fork's own FROM line of it means the fork changed it since.
      add('stage-added', { fork: [line] },
        (side) => describePresence({ thing: `stage "${stage}" (FROM ${resolved})`, presentIn: 'fork', side, neutral: `stage "${stage}" added (FROM ${resolved})` }),
        [stage, image], { stage, image: resolved }, base?.stages.has(stage) === true ? 'upstream' : null);
    }
  }

  const removedStages = new Set([...upstream.stages.keys()].filter((stage) => !fork.stages.has(stage)));
  compareArgs(upstream.args, fork.args, removedStages, isNewFile, add, base?.args ?? null);

  // The merge base's COPYs by what they copy, flags aside: upstream's `COPY --link …` of a base COPY is that COPY, changed.
  const baseCopies = new Set([...(base?.copyFrom.values() ?? [])].map((copy) => copyKey(copy.stage, withoutFlags(copy.text))));
  // The fork's COPYs as its renames would write them all: a fork that renamed some of a line's names (cherrypick's
  // `/cherrypick/packages/misskey-reversi/built`) has it as a rename of upstream's as much as one that renamed every name.
  // A COPY says a source and a target: two of the fork's are rarely one under a name learnt wrongly (a matrix item is short, and is not read so).
  let renamedCopies: Set<string> | null = null;
  for (const [key, { stage, text, from, line }] of upstream.copyFrom) {
    // A COPY inside a removed stage is covered by the stage's own row. One the fork has under its renamed
    // product (`/build/vault-csi-provider` → `/build/openbao-csi-provider`) is kept: that rename is the fork's own.
    if (fork.copyFrom.has(key)) continue;
    renamedCopies ??= new Set([...fork.copyFrom.values()].map((copy) => copyKey(copy.stage, translate(copy.text))));
    if (renamedCopies.has(copyKey(stage, translate(text)))) continue;
    if (stage !== null && !fork.stages.has(stage) && upstream.stages.has(stage)) continue;
    const commented = fork.commentedCopyFrom.get(key);
    const isCommentedOut = commented !== undefined;
    const where = stage ? ` in stage "${stage}"` : '';
    add('copy-from-removed', { upstream: [line], fork: [commented] },
      (side) => describePresence({ thing: `COPY --from=${from}${where}: ${text}`, presentIn: 'upstream', side, isCommentedOut,
        neutral: `COPY --from=${from}${where} ${isCommentedOut ? 'commented out' : 'removed'}: ${text}` }),
      [stage, text], { stage, from, instruction: text, commentedOut: isCommentedOut }, baseCopies.has(copyKey(stage, withoutFlags(text))) ? 'fork' : null);
  }

  for (const [id, { stages, lines }] of fork.secretMounts) {
    if (upstream.secretMounts.has(id)) continue;
    const names = [...stages].sort();
    const where = names.map((name) => `"${name}"`).join(', ');
    add('secret-mount-added', { fork: lines },
      (side) => describePresence({ thing: `secret mount "${id}" (${where})`, presentIn: 'fork', side, neutral: `secret mount "${id}" added (${where})` }),
      [id], { secret: id, stages: names });
  }

  for (const [stage, before] of upstream.packageManagers) {
    const after = fork.packageManagers.get(stage);
    if (!after || [...before.managers].some((manager) => after.managers.has(manager))) continue;
    const from = [...before.managers].sort().join('/');
    const to = [...after.managers].sort().join('/');
    add('package-manager-switched', { upstream: before.lines, fork: after.lines },
      (side) => describeChange({ subject: `package manager of stage "${stage}"`, upstream: from, fork: to, side, isVersioned: false,
        neutral: `package manager of stage "${stage}": ${from} → ${to}` }),
      [stage, from, to], { stage, upstream: from, fork: to });
  }
  return findings;
}
