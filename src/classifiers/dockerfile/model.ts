// Reads Dockerfile instructions (https://docs.docker.com/reference/dockerfile/) into the facts
// the dockerfile classifier compares: stages, ARG defaults, COPY --from, secret mounts, package managers.
import { normaliseLine } from '../../text/normaliseLine.js';
import { uncomment } from '../common/lines.js';

/** Package manager families; apt and apt-get are one family, so are dnf and microdnf. */
export type PackageManager = 'apk' | 'apt' | 'yum' | 'dnf' | 'zypper' | 'pacman';

/**
 * Where an ARG is declared: before the first FROM it is global (FROM lines
 * may use it; a stage sees it only after re-declaring it), after a FROM it
 * belongs to that stage. `stage` is null for a stage a hunk does not name;
 * a scope of null is unknown (a hunk that may start before the first FROM).
 */
export type ArgScope = { kind: 'global' } | { kind: 'stage'; stage: string | null };

export interface ArgDeclaration {
  name: string;
  scope: ArgScope | null;
  /** The default, null when declared without one. */
  value: string | null;
  line: number;
}

/** Every fact remembers the line it was read from (in that side's file), so a finding knows its side. */
export interface DockerfileModel {
  /** Stage name → base image as written (`alpine:${ALPINE_VERSION}`). */
  stages: Map<string, { image: string; line: number }>;
  /** Stages whose FROM line is present only as a comment. */
  commentedStages: Map<string, number>;
  /** ARG declarations, the first of each name per scope, in file order. */
  args: ArgDeclaration[];
  /** `COPY --from=` instructions by stage and normalised text (`copyKey`): the same COPY in two stages is two. */
  copyFrom: Map<string, { stage: string | null; text: string; from: string; line: number }>;
  /** Commented-out `COPY --from=` lines, by `copyKey` of the stage they sit in. */
  commentedCopyFrom: Map<string, number>;
  /** Secret id → stages mounting it. */
  secretMounts: Map<string, { stages: Set<string>; lines: number[] }>;
  /** Stage → package managers its RUN lines call. */
  packageManagers: Map<string, { managers: Set<PackageManager>; lines: number[] }>;
}

/** A run of consecutive lines from `firstLine` on, and the stage they start in when known (hunk context). */
export interface Segment {
  lines: readonly string[];
  /** Line numbers of `lines` in that side's file; 1 for a whole file. */
  numbers: readonly number[];
  stage: string | null;
  /** Where the first line sits: before any FROM, inside a stage (`stage` names it when known), or unknown. */
  start: 'global' | 'stage' | 'unknown';
}

/** Key of a COPY instruction: its stage and its normalised text. */
export const copyKey = (stage: string | null, text: string): string => `${stage ?? ''}\u0000${text}`;

const FROM = /^FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?\s*$/i;
const ARG = /^ARG\s+([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/i;
const COPY_FROM = /^COPY\s+(?:--\S+\s+)*?--from=(\S+)/i;
const SECRET_MOUNT = /--mount=(\S*\btype=secret\b\S*)/g;
const PACKAGE_MANAGER = /(?:^|[\s;&|(])(?:xx-)?(apk|apt-get|apt|yum|dnf|microdnf|zypper|pacman)\s+(?:-\S+\s+)*(add|install|update|upgrade|del|remove|-S|-Sy)\b/g;
const FAMILY: Record<string, PackageManager> = { apk: 'apk', 'apt-get': 'apt', apt: 'apt', yum: 'yum', dnf: 'dnf', microdnf: 'dnf', zypper: 'zypper', pacman: 'pacman' };

export const parseFrom = (line: string): { image: string; name: string | null } | null => {
  const match = FROM.exec(line.trim());
  return match ? { image: match[1] ?? '', name: match[2]?.toLowerCase() ?? null } : null;
};

/**
 * Reads segments of one side. Unnamed stages are keyed `unnamed #n`, by their
 * place among the unnamed ones, and only when the whole file is read: a
 * named stage inserted before one (openbao: upstream's `build-ubi` and
 * `release-ubi` before the closing `FROM dev`) does not renumber it, as the
 * stage's place in the file (`--from=5`) would.
 */
export function readDockerfile(segments: readonly Segment[], isWholeFile: boolean): DockerfileModel {
  const model: DockerfileModel = {
    stages: new Map(), commentedStages: new Map(), args: [], copyFrom: new Map(),
    commentedCopyFrom: new Map(), secretMounts: new Map(), packageManagers: new Map(),
  };
  const declared = new Set<string>();
  let unnamed = 0;
  for (const segment of segments) {
    let stage = segment.stage;
    let scope: ArgScope | null = segment.start === 'global' ? { kind: 'global' } : segment.start === 'stage' || stage !== null ? { kind: 'stage', stage } : null;
    segment.lines.forEach((raw, index) => {
      const number = segment.numbers[index] ?? 0;
      const hidden = uncomment(raw);
      if (hidden !== null) {
        const from = parseFrom(hidden);
        if (from?.name) model.commentedStages.set(from.name, number);
        if (COPY_FROM.test(hidden.trim())) model.commentedCopyFrom.set(copyKey(stage, normaliseLine(hidden)), number);
        return;
      }
      const line = raw.trim();
      const from = parseFrom(line);
      if (from) {
        if (from.name === null) unnamed += 1;
        stage = from.name ?? (isWholeFile ? `unnamed #${unnamed}` : null);
        scope = { kind: 'stage', stage };
        if (stage) model.stages.set(stage, { image: from.image, line: number });
        return;
      }
      const arg = ARG.exec(line);
      const argKey = arg?.[1] ? `${scopeKey(scope)}\u0000${arg[1]}` : null;
      if (arg?.[1] && argKey && !declared.has(argKey)) {
        declared.add(argKey);
        model.args.push({ name: arg[1], scope, value: argValue(arg[2], segment.lines, index), line: number });
      }
      const copy = COPY_FROM.exec(line);
      if (copy?.[1]) model.copyFrom.set(copyKey(stage, normaliseLine(line)), { stage, text: normaliseLine(line), from: copy[1], line: number });
      for (const mount of line.matchAll(SECRET_MOUNT)) {
        const id = /(?:^|,)id=([^,\s\\]+)/.exec(mount[1] ?? '')?.[1] ?? /(?:^|,)target=([^,\s\\]+)/.exec(mount[1] ?? '')?.[1] ?? '(unnamed)';
        const mounts = model.secretMounts.get(id) ?? { stages: new Set<string>(), lines: [] };
        mounts.stages.add(stage ?? '(unknown stage)');
        mounts.lines.push(number);
        model.secretMounts.set(id, mounts);
      }
      if (!stage) return;
      for (const call of line.matchAll(PACKAGE_MANAGER)) {
        const family = FAMILY[call[1] ?? ''];
        if (!family) continue;
        const used = model.packageManagers.get(stage) ?? { managers: new Set<PackageManager>(), lines: [] };
        used.managers.add(family);
        used.lines.push(number);
        model.packageManagers.set(stage, used);
      }
    });
  }
  return model;
}

/**
 * An ARG's default, unquoted; one that goes on past a line ending in `\`
 * is read to its end, without the comment lines inside it, as docker reads
 * it (paperless-ngx's `ARG BUILD_PACKAGES="\` then a package a line). Null
 * without a default, or when the segment ends before the value does (a
 * hunk cut it): a part of it is no value to compare.
 */
function argValue(first: string | undefined, lines: readonly string[], index: number): string | null {
  if (first === undefined) return null;
  const parts = [first];
  for (let next = index + 1; parts.at(-1)?.endsWith('\\') === true; next += 1) {
    const line = lines[next]?.trim();
    if (line === undefined) return null;
    if (!line.startsWith('#')) parts.push(line);
  }
  if (parts.length === 1) return first.replace(/^["']|["']$/g, '');
  return normaliseLine(parts.map((part) => part.replace(/\\$/, '')).join(' ')).replace(/^["'] ?|["']$/g, '');
}

/** `global`, `stage:<name>`, or `?` for a scope a hunk does not show. */
export const scopeKey = (scope: ArgScope | null): string =>
  scope === null ? '?' : scope.kind === 'global' ? 'global' : `stage:${scope.stage ?? '?'}`;

/** `$X`, `${X}` and `${X:-default}`: the name (braced or bare) and the default. */
const ARG_REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** The global ARGs (the only ones a FROM line sees; ARGs whose scope a hunk does not show count too), first of each name. */
function visibleArgs(args: readonly ArgDeclaration[]): Map<string, ArgDeclaration> {
  const visible = new Map<string, ArgDeclaration>();
  for (const arg of args) if (arg.scope?.kind !== 'stage' && !visible.has(arg.name)) visible.set(arg.name, arg);
  return visible;
}

/**
 * Substitutes `$X`, `${X}` and `${X:-default}` in a FROM line with the
 * defaults of global ARGs, so base images read as real tags.
 */
export function resolveArgs(value: string, args: readonly ArgDeclaration[]): string {
  const visible = visibleArgs(args);
  return value.replace(ARG_REFERENCE, (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) =>
    visible.get(braced ?? bare ?? '')?.value ?? fallback ?? whole);
}

/**
 * The lines of the ARG defaults `resolveArgs` puts into a value: a base image
 * read through `alpine:${ALPINE_VERSION}` moves with that ARG's line too.
 */
export function argLinesOf(value: string, args: readonly ArgDeclaration[]): number[] {
  const visible = visibleArgs(args);
  return [...value.matchAll(ARG_REFERENCE)].flatMap((match) => {
    const arg = visible.get(match[1] ?? match[3] ?? '');
    return arg?.value !== null && arg !== undefined ? [arg.line] : [];
  });
}
