import type { Confidence, FileDiff, Finding } from '../../model.js';
import { directionOf, isVersionLike } from '../deps/versionDirection.js';
import { collectFindings } from './findings.js';
import { resolveArgs } from './model.js';
import type { DockerfileModel } from './model.js';

/** Finding kinds of the dockerfile category. */
export type DockerfileFindingKind =
  | 'base-image' | 'stage-removed' | 'stage-added' | 'arg-changed' | 'arg-removed' | 'arg-added'
  | 'copy-from-removed' | 'secret-mount-added' | 'package-manager-switched';

/** Compares what upstream's Dockerfile states with what the fork's states. */
export function compareDockerfiles(file: FileDiff, upstream: DockerfileModel, fork: DockerfileModel, confidence: Confidence): Finding[] {
  const { findings, add } = collectFindings<DockerfileFindingKind>(file, confidence);
  const isNewFile = file.status === 'added';

  for (const [stage, image] of upstream.stages) {
    const forkImage = fork.stages.get(stage);
    if (forkImage === undefined) {
      const isCommentedOut = fork.commentedStages.has(stage);
      add('stage-removed', `stage "${stage}" ${isCommentedOut ? 'commented out' : 'removed'} (was FROM ${resolveArgs(image, upstream.args)})`,
        [stage], stage, { stage, image, commentedOut: isCommentedOut });
    } else if (forkImage !== image) {
      const from = resolveArgs(image, upstream.args);
      const to = resolveArgs(forkImage, fork.args);
      add('base-image', `base image of stage "${stage}": ${from} → ${to}`, [stage, image, forkImage], forkImage,
        { stage, upstream: from, fork: to, upstreamRaw: image, forkRaw: forkImage });
    }
  }
  if (!isNewFile) {
    for (const [stage, image] of fork.stages) {
      if (!upstream.stages.has(stage)) {
        add('stage-added', `stage "${stage}" added (FROM ${resolveArgs(image, fork.args)})`, [stage, image], stage, { stage, image: resolveArgs(image, fork.args) });
      }
    }
  }

  for (const [name, value] of upstream.args) {
    if (!fork.args.has(name)) {
      if (value !== null) add('arg-removed', `ARG ${name} (default ${value}) removed`, [name, value], name, { arg: name, upstream: value, fork: null });
      continue;
    }
    const forkValue = fork.args.get(name) ?? null;
    if (forkValue === value || (value === null && forkValue === null)) continue;
    const hasVersions = value !== null && forkValue !== null && isVersionLike(value) && isVersionLike(forkValue);
    const direction = hasVersions ? directionOf(value, forkValue) : 'changed';
    add('arg-changed', `ARG ${name}: ${value ?? '(no default)'} → ${forkValue ?? '(no default)'}${hasVersions ? ` (${direction})` : ''}`,
      [name, value, forkValue], name, { arg: name, upstream: value, fork: forkValue, direction });
  }
  if (!isNewFile) {
    for (const [name, value] of fork.args) {
      if (!upstream.args.has(name) && value !== null) add('arg-added', `ARG ${name}=${value} added`, [name, value], name, { arg: name, upstream: null, fork: value });
    }
  }

  for (const [text, { stage, from }] of upstream.copyFrom) {
    // A COPY inside a removed stage is covered by the stage's own row.
    if (fork.copyFrom.has(text) || (stage !== null && !fork.stages.has(stage) && upstream.stages.has(stage))) continue;
    const isCommentedOut = fork.commentedCopyFrom.has(text);
    add('copy-from-removed', `COPY --from=${from}${stage ? ` in stage "${stage}"` : ''} ${isCommentedOut ? 'commented out' : 'removed'}: ${text}`,
      [stage, text], text, { stage, from, instruction: text, commentedOut: isCommentedOut });
  }

  for (const [id, stages] of fork.secretMounts) {
    if (upstream.secretMounts.has(id)) continue;
    const names = [...stages].sort();
    add('secret-mount-added', `secret mount "${id}" added (${names.map((name) => `"${name}"`).join(', ')})`, [id], id, { secret: id, stages: names });
  }

  for (const [stage, before] of upstream.packageManagers) {
    const after = fork.packageManagers.get(stage);
    if (!after || [...before].some((manager) => after.has(manager))) continue;
    const from = [...before].sort().join('/');
    const to = [...after].sort().join('/');
    add('package-manager-switched', `package manager of stage "${stage}": ${from} → ${to}`, [stage, from, to], to, { stage, upstream: from, fork: to });
  }
  return findings;
}
