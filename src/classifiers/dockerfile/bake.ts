// Reads Bake files in HCL: https://docs.docker.com/build/bake/reference/ (target, variable, args, secret).
import type { Confidence, FileDiff, Finding } from '../../model.js';
import { collectFindings, versionChange } from './findings.js';

/** Finding kinds of bake files, in the dockerfile category. */
export type BakeFindingKind = 'target-removed' | 'target-added' | 'variable-changed' | 'arg-changed' | 'secret-mount-added';

export interface BakeSegment {
  lines: readonly string[];
  /** The block the segment starts in: git prints `target "x" {` as a hunk's context. */
  context: string;
}

export interface BakeModel {
  targets: Set<string>;
  commentedTargets: Set<string>;
  /** Variable → default. */
  variables: Map<string, string>;
  /** `target.ARG` → value. */
  args: Map<string, string>;
  /** Secret id → the targets that pass it. */
  secrets: Map<string, Set<string>>;
}

const BLOCK = /^(target|variable|group)\s+"([^"]+)"\s*\{/;
const COMMENTED_TARGET = /^\s*(?:#|\/\/)\s*target\s+"([^"]+)"/;
const ASSIGNMENT = /^\s*"?([\w.-]+)"?\s*=\s*"([^"]*)"/;
const SECRET_ID = /"id=([^",]+)/g;

/** Targets, variables, build args and secrets, line by line (whole files, or each hunk's side). */
export function readBake(segments: readonly BakeSegment[]): BakeModel {
  const model: BakeModel = { targets: new Set(), commentedTargets: new Set(), variables: new Map(), args: new Map(), secrets: new Map() };
  for (const { lines, context } of segments) {
    let block = BLOCK.exec(context.trim());
    let attribute: string | null = null;
    for (const line of lines) {
      const commented = COMMENTED_TARGET.exec(line);
      if (commented?.[1]) model.commentedTargets.add(commented[1]);
      const trimmed = line.trim();
      if (trimmed === '' || /^(#|\/\/)/.test(trimmed)) continue;
      const header = BLOCK.exec(line);
      if (header) {
        block = header;
        attribute = null;
        if (header[1] === 'target' && header[2]) model.targets.add(header[2]);
        continue;
      }
      if (/^\}/.test(line)) {
        block = null;
        continue;
      }
      const [, kind, name] = block ?? [];
      if (!kind || !name) continue;
      // `args = {` and `secret = [` open an attribute whose entries follow; `}` or `]` on its own line closes it.
      const opens = /^\s*([\w-]+)\s*=\s*[[{]\s*$/.exec(line);
      if (opens?.[1]) {
        attribute = opens[1];
        continue;
      }
      if (/^\s*[\]}]\s*,?\s*$/.test(line)) {
        attribute = null;
        continue;
      }
      const assignment = ASSIGNMENT.exec(line);
      if (kind === 'variable' && assignment?.[1] === 'default') model.variables.set(name, assignment[2] ?? '');
      if (kind === 'target' && attribute === 'args' && assignment?.[1]) model.args.set(`${name}.${assignment[1]}`, assignment[2] ?? '');
      const inlineSecrets = /^\s*secret\s*=/.test(line);
      if (kind === 'target' && (attribute === 'secret' || inlineSecrets)) {
        for (const match of line.matchAll(SECRET_ID)) {
          const id = match[1] as string;
          model.secrets.set(id, (model.secrets.get(id) ?? new Set()).add(name));
        }
      }
    }
  }
  return model;
}

/** Compares what upstream's bake file states with what the fork's states. */
export function compareBake(file: FileDiff, upstream: BakeModel, fork: BakeModel, confidence: Confidence): Finding[] {
  const { findings, add } = collectFindings<BakeFindingKind>(file, confidence);
  for (const target of upstream.targets) {
    if (fork.targets.has(target)) continue;
    const isCommentedOut = fork.commentedTargets.has(target) && !upstream.commentedTargets.has(target);
    add('target-removed', `target "${target}" ${isCommentedOut ? 'commented out' : 'removed'}`, [target], target, { target, commentedOut: isCommentedOut });
  }
  if (file.status !== 'added') {
    for (const target of fork.targets) if (!upstream.targets.has(target)) add('target-added', `target "${target}" added`, [target], target, { target });
  }
  for (const [name, value] of upstream.variables) {
    const forkValue = fork.variables.get(name);
    if (forkValue === undefined || forkValue === value) continue;
    const { text, direction } = versionChange(value, forkValue);
    add('variable-changed', `variable ${name}: ${text}`, [name, value, forkValue], name, { variable: name, upstream: value, fork: forkValue, direction });
  }
  for (const [key, value] of upstream.args) {
    const forkValue = fork.args.get(key);
    if (forkValue === undefined || forkValue === value) continue;
    const [target, arg] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const { text, direction } = versionChange(value, forkValue);
    add('arg-changed', `arg ${arg} of target "${target}": ${text}`, [key, value, forkValue], arg, { target, arg, upstream: value, fork: forkValue, direction });
  }
  for (const [id, targets] of fork.secrets) {
    if (upstream.secrets.has(id)) continue;
    const names = [...targets].sort();
    add('secret-mount-added', `secret "${id}" passed to ${names.map((name) => `target "${name}"`).join(', ')}`, [id], id, { secret: id, targets: names });
  }
  return findings;
}
