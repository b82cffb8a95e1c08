import type { Confidence, FileDiff, Finding } from '../../model.js';
import type { LineRefs, Located } from '../common/location.js';
import { describeChange, describePresence } from '../common/wording.js';
import { directionOf, isVersionLike } from '../deps/versionDirection.js';
import { collectFindings } from './findings.js';
import { resolveArgs } from './model.js';
import type { DockerfileModel } from './model.js';

/** Finding kinds of the dockerfile category. */
export type DockerfileFindingKind =
  | 'base-image' | 'stage-removed' | 'stage-added' | 'arg-changed' | 'arg-removed' | 'arg-added'
  | 'copy-from-removed' | 'secret-mount-added' | 'package-manager-switched';

/**
 * Compares what upstream's Dockerfile states with what the fork's states.
 * Each finding is read from the lines that state it on each side (a stage's
 * FROM, an ARG, the RUN lines calling a package manager), which give its side.
 */
export function compareDockerfiles(
  file: FileDiff,
  upstream: DockerfileModel,
  fork: DockerfileModel,
  confidence: Confidence,
  place: (refs: LineRefs) => Located,
): Finding[] {
  const { findings, add } = collectFindings<DockerfileFindingKind>(file, confidence, place);
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
        [stage], { stage, image, commentedOut: isCommentedOut });
    } else if (forkStage.image !== image) {
      const from = resolveArgs(image, upstream.args);
      const to = resolveArgs(forkStage.image, fork.args);
      add('base-image', { upstream: [line], fork: [forkStage.line] },
        (side) => describeChange({ subject: `base image of stage "${stage}"`, upstream: from, fork: to, side, isVersioned: false,
          neutral: `base image of stage "${stage}": ${from} → ${to}` }),
        [stage, image, forkStage.image], { stage, upstream: from, fork: to, upstreamRaw: image, forkRaw: forkStage.image });
    }
  }
  if (!isNewFile) {
    for (const [stage, { image, line }] of fork.stages) {
      if (upstream.stages.has(stage)) continue;
      const resolved = resolveArgs(image, fork.args);
      add('stage-added', { fork: [line] },
        (side) => describePresence({ thing: `stage "${stage}" (FROM ${resolved})`, presentIn: 'fork', side, neutral: `stage "${stage}" added (FROM ${resolved})` }),
        [stage, image], { stage, image: resolved });
    }
  }

  for (const [name, { value, line }] of upstream.args) {
    const forkArg = fork.args.get(name);
    if (!forkArg) {
      if (value !== null) {
        add('arg-removed', { upstream: [line] },
          (side) => describePresence({ thing: `ARG ${name} (default ${value})`, presentIn: 'upstream', side, neutral: `ARG ${name} (default ${value}) removed` }),
          [name, value], { arg: name, upstream: value, fork: null });
      }
      continue;
    }
    const forkValue = forkArg.value;
    if (forkValue === value) continue;
    const isVersioned = value !== null && forkValue !== null && isVersionLike(value) && isVersionLike(forkValue);
    const direction = isVersioned ? directionOf(value, forkValue) : 'changed';
    const shown = (text: string | null): string => text ?? '(no default)';
    add('arg-changed', { upstream: [line], fork: [forkArg.line] },
      (side) => describeChange({ subject: `ARG ${name}`, upstream: shown(value), fork: shown(forkValue), side, isVersioned,
        neutral: `ARG ${name}: ${shown(value)} → ${shown(forkValue)}${isVersioned ? ` (${direction})` : ''}` }),
      [name, value, forkValue], { arg: name, upstream: value, fork: forkValue, direction });
  }
  if (!isNewFile) {
    for (const [name, { value, line }] of fork.args) {
      if (upstream.args.has(name) || value === null) continue;
      add('arg-added', { fork: [line] },
        (side) => describePresence({ thing: `ARG ${name}=${value}`, presentIn: 'fork', side, neutral: `ARG ${name}=${value} added` }),
        [name, value], { arg: name, upstream: null, fork: value });
    }
  }

  for (const [text, { stage, from, line }] of upstream.copyFrom) {
    // A COPY inside a removed stage is covered by the stage's own row.
    if (fork.copyFrom.has(text) || (stage !== null && !fork.stages.has(stage) && upstream.stages.has(stage))) continue;
    const commented = fork.commentedCopyFrom.get(text);
    const isCommentedOut = commented !== undefined;
    const where = stage ? ` in stage "${stage}"` : '';
    add('copy-from-removed', { upstream: [line], fork: [commented] },
      (side) => describePresence({ thing: `COPY --from=${from}${where}: ${text}`, presentIn: 'upstream', side, isCommentedOut,
        neutral: `COPY --from=${from}${where} ${isCommentedOut ? 'commented out' : 'removed'}: ${text}` }),
      [stage, text], { stage, from, instruction: text, commentedOut: isCommentedOut });
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
