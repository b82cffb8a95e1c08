// Reads Bake files in HCL: https://docs.docker.com/build/bake/reference/ (target, variable, args, secret).
import type { Confidence, FileDiff, Finding } from '../../model.js';
import type { LineRefs, Located } from '../common/location.js';
import { describeChange, describePresence } from '../common/wording.js';
import { collectFindings, versionChange } from './findings.js';

/** Finding kinds of bake files, in the dockerfile category. */
export type BakeFindingKind = 'target-removed' | 'target-added' | 'variable-changed' | 'arg-changed' | 'secret-mount-added';

/** One side's lines of a file (whole, or one hunk's view), numbered in that side's file. */
export interface BakeSegment {
  lines: readonly string[];
  numbers: readonly number[];
  /** The block the segment starts in: git prints `target "x" {` as a hunk's context. */
  context: string;
}

/** Every fact with the line it was read from, so a finding knows its side. */
export interface BakeModel {
  targets: Map<string, number>;
  commentedTargets: Map<string, number>;
  /** Variable → default. */
  variables: Map<string, { value: string; line: number }>;
  /** `target.ARG` → value. */
  args: Map<string, { value: string; line: number }>;
  /** Secret id → the targets that pass it. */
  secrets: Map<string, { targets: Set<string>; lines: number[] }>;
}

const BLOCK = /^(target|variable|group)\s+"([^"]+)"\s*\{/;
const COMMENTED_TARGET = /^\s*(?:#|\/\/)\s*target\s+"([^"]+)"/;
const ASSIGNMENT = /^\s*"?([\w.-]+)"?\s*=\s*"([^"]*)"/;
const SECRET_ID = /"id=([^",]+)/g;

/** Targets, variables, build args and secrets, line by line (whole files, or each hunk's side). */
export function readBake(segments: readonly BakeSegment[]): BakeModel {
  const model: BakeModel = { targets: new Map(), commentedTargets: new Map(), variables: new Map(), args: new Map(), secrets: new Map() };
  for (const { lines, numbers, context } of segments) {
    let block = BLOCK.exec(context.trim());
    let attribute: string | null = null;
    for (const [index, line] of lines.entries()) {
      const number = numbers[index] ?? 0;
      const commented = COMMENTED_TARGET.exec(line);
      if (commented?.[1]) model.commentedTargets.set(commented[1], number);
      const trimmed = line.trim();
      if (trimmed === '' || /^(#|\/\/)/.test(trimmed)) continue;
      const header = BLOCK.exec(line);
      if (header) {
        block = header;
        attribute = null;
        if (header[1] === 'target' && header[2]) model.targets.set(header[2], number);
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
      if (kind === 'variable' && assignment?.[1] === 'default') model.variables.set(name, { value: assignment[2] ?? '', line: number });
      if (kind === 'target' && attribute === 'args' && assignment?.[1]) model.args.set(`${name}.${assignment[1]}`, { value: assignment[2] ?? '', line: number });
      const inlineSecrets = /^\s*secret\s*=/.test(line);
      if (kind === 'target' && (attribute === 'secret' || inlineSecrets)) {
        for (const match of line.matchAll(SECRET_ID)) {
          const id = match[1] as string;
          const passed = model.secrets.get(id) ?? { targets: new Set<string>(), lines: [] };
          passed.targets.add(name);
          passed.lines.push(number);
          model.secrets.set(id, passed);
        }
      }
    }
  }
  return model;
}

/** Compares what upstream's bake file states with what the fork's states. */
export function compareBake(file: FileDiff, upstream: BakeModel, fork: BakeModel, confidence: Confidence, place: (refs: LineRefs) => Located): Finding[] {
  const { findings, add } = collectFindings<BakeFindingKind>(file, confidence, place);
  for (const [target, line] of upstream.targets) {
    if (fork.targets.has(target)) continue;
    const commented = upstream.commentedTargets.has(target) ? undefined : fork.commentedTargets.get(target);
    const isCommentedOut = commented !== undefined;
    add('target-removed', { upstream: [line], fork: [commented] },
      (side) => describePresence({ thing: `target "${target}"`, presentIn: 'upstream', side, isCommentedOut,
        neutral: `target "${target}" ${isCommentedOut ? 'commented out' : 'removed'}` }),
      [target], { target, commentedOut: isCommentedOut });
  }
  if (file.status !== 'added') {
    for (const [target, line] of fork.targets) {
      if (upstream.targets.has(target)) continue;
      add('target-added', { fork: [line] }, (side) => describePresence({ thing: `target "${target}"`, presentIn: 'fork', side }), [target], { target });
    }
  }
  for (const [name, { value, line }] of upstream.variables) {
    const forkVariable = fork.variables.get(name);
    if (forkVariable === undefined || forkVariable.value === value) continue;
    const { text, direction, isVersioned } = versionChange(value, forkVariable.value);
    add('variable-changed', { upstream: [line], fork: [forkVariable.line] },
      (side) => describeChange({ subject: `variable ${name}`, upstream: value, fork: forkVariable.value, side, isVersioned, neutral: `variable ${name}: ${text}` }),
      [name, value, forkVariable.value], { variable: name, upstream: value, fork: forkVariable.value, direction });
  }
  for (const [key, { value, line }] of upstream.args) {
    const forkArg = fork.args.get(key);
    if (forkArg === undefined || forkArg.value === value) continue;
    const [target, arg] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    const { text, direction, isVersioned } = versionChange(value, forkArg.value);
    add('arg-changed', { upstream: [line], fork: [forkArg.line] },
      (side) => describeChange({ subject: `arg ${arg} of target "${target}"`, upstream: value, fork: forkArg.value, side, isVersioned,
        neutral: `arg ${arg} of target "${target}": ${text}` }),
      [key, value, forkArg.value], { target, arg, upstream: value, fork: forkArg.value, direction });
  }
  for (const [id, { targets, lines }] of fork.secrets) {
    if (upstream.secrets.has(id)) continue;
    const names = [...targets].sort();
    const where = names.map((name) => `target "${name}"`).join(', ');
    add('secret-mount-added', { fork: lines },
      (side) => describePresence({ thing: `secret "${id}" to ${where}`, presentIn: 'fork', side, added: 'passes', removed: 'stopped passing',
        neutral: `secret "${id}" passed to ${where}` }),
      [id], { secret: id, targets: names });
  }
  return findings;
}
