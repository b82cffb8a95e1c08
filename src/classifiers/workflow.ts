// Reads CI definitions: https://docs.github.com/en/actions/using-workflows/workflow-syntax-for-github-actions,
// https://docs.gitlab.com/ee/ci/yaml/, https://circleci.com/docs/configuration-reference/
import type { FileDiff, Finding, Side } from '../model.js';
import { createFinding, uniqueByFingerprint } from './common/finding.js';
import { PLAIN_IMAGE, imageVersions } from './common/imageRef.js';
import { changedLines } from './common/lines.js';
import { locate } from './common/location.js';
import type { LineRefs } from './common/location.js';
import { describeChange, describePresence } from './common/wording.js';
import { defineClassifier } from './define.js';
import type { ClassifyContext } from './define.js';
import { isVersionLike } from '../versions/versionOrder.js';
import { isFileAt, isOwn, isWorkflowPath } from './paths.js';
import { movedDownloads } from './workflow/downloads.js';
import { changedServices } from './workflow/serviceImages.js';
import type { Emit } from './workflow/emit.js';
import { jobFindings } from './workflow/jobFindings.js';
import { droppedMatrixItems, separateSameDrops, shortenedLists } from './workflow/matrix.js';
import type { MatrixDrop } from './workflow/matrix.js';
import { actionRef, changedKeyValues, describePinning, inheritedSecrets, pinnedRef, registryOf, resolveEnv, secretNames } from './workflow/references.js';
import { readWorkflowSides } from './workflow/wholeWorkflow.js';
import { groupZuulFiles, isZuulFilePresence } from './workflow/zuulDirectories.js';
import { unquote } from './workflow/yamlLines.js';
import type { WorkflowSides } from './workflow/wholeWorkflow.js';
import { appendTo } from '../multiMap.js';

/** `PLATFORMS: 6 → 1 platforms in job "x" (dropped …)`, or `matrix worker: oci-rootless commented out in job "x"`. */
export function describeDrop(drop: MatrixDrop, side: Side = null): string {
  const where = drop.job ? ` in job "${drop.job}"` : '';
  const how = drop.isCommentedOut ? 'commented out' : 'removed';
  if (drop.upstreamCount === null) {
    const thing = `matrix ${drop.key}: ${drop.removed.join(', ')}${where}`;
    return describePresence({ thing, presentIn: 'upstream', side, isCommentedOut: drop.isCommentedOut, neutral: `matrix ${drop.key}: ${drop.removed.join(', ')} ${how}${where}` });
  }
  const unit = /platform/i.test(drop.key) ? 'platforms' : 'entries';
  const counts = `${drop.upstreamCount} → ${drop.forkCount ?? 0} ${unit}${where} (dropped ${drop.removed.join(', ')})`;
  if (side === 'fork') return `fork shortened ${drop.key}: ${counts}`;
  if (side === 'upstream') return `upstream extended ${drop.key}: ${drop.forkCount ?? 0} → ${drop.upstreamCount} ${unit}${where} (added ${drop.removed.join(', ')}); fork lacks them`;
  if (side === 'both') return `both changed ${drop.key}: ${counts}`;
  return `${drop.key}: ${counts}`;
}

function matrixFindings(file: FileDiff, sides: WorkflowSides, emit: Emit, translate: (text: string) => string): void {
  const whole = sides?.upstream.lines ?? null;
  for (const hunk of file.hunks) {
    for (const drop of [...droppedMatrixItems(hunk, whole, translate), ...shortenedLists(hunk, whole, sides?.fork.lines ?? null)]) {
      emit('matrix-entry-removed', drop.lines, (side) => describeDrop(drop, side), [drop.identityJob, drop.key, drop.removed.join(',')],
        { job: drop.job, key: drop.key, removed: drop.removed, upstream: drop.upstreamCount, fork: drop.forkCount, commentedOut: drop.isCommentedOut });
    }
  }
}

/** `node-version`, `go-version`, `python-version`, `java-version`: tool versions set up for a job. */
const TOOL_VERSION = /^[\w-]+-versions?$/;

/**
 * Every secret upstream's file references, its unchanged lines too (act's
 * release.yml kept CHOCO_APIKEY where the fork added a guard): the whole file
 * in git mode, else the lines the diff shows of it.
 */
const upstreamSecretsOf = (file: FileDiff, sides: WorkflowSides): Set<string> =>
  secretNames(sides?.upstream.lines ?? file.hunks.flatMap((hunk) => hunk.lines.filter((line) => line.type !== 'add').map((line) => line.content)));

function referenceFindings(file: FileDiff, sides: WorkflowSides, emit: Emit, secrets: Record<'upstream' | 'base', ReadonlySet<string>>): void {
  const upstreamInherits = new Set(file.hunks.flatMap((hunk) => inheritedSecrets(hunk, 'upstream')).map(({ workflow }) => workflow));
  const env = { upstream: sides?.upstream.env ?? new Map<string, string>(), fork: sides?.fork.env ?? new Map<string, string>() };
  for (const hunk of file.hunks) {
    const secretLines = new Map<string, number[]>();
    for (const { content, tip, line } of changedLines(hunk)) {
      if (tip !== 'fork') continue;
      for (const name of secretNames([content])) appendTo(secretLines, name, line);
    }
    for (const [name, lines] of secretLines) {
      if (secrets.upstream.has(name)) continue;
      emit('secret-referenced', { fork: lines },
        (side) => describePresence({ thing: `secret ${name}`, presentIn: 'fork', side, added: 'newly references', removed: 'no longer references',
          neutral: `secret ${name} newly referenced` }),
        [name], { secret: name }, secrets.base.has(name) ? 'upstream' : undefined);
    }
    for (const { workflow, line } of inheritedSecrets(hunk, 'fork')) {
      if (upstreamInherits.has(workflow)) continue;
      emit('secret-referenced', { fork: [line] },
        (side) => describePresence({ thing: `every secret to ${workflow} (secrets: inherit)`, presentIn: 'fork', side, added: 'passes', removed: 'no longer passes',
          neutral: `every secret passed to ${workflow} (secrets: inherit)` }),
        ['secrets: inherit', workflow], { secret: 'inherit', workflow });
    }
    for (const moved of movedDownloads(hunk)) {
      emit('download-source-changed', moved.lines,
        (side) => describeChange({ subject: `source of ${moved.name}`, upstream: moved.upstream, fork: moved.fork, side, isVersioned: false,
          neutral: `${moved.name} fetched from ${moved.upstream} → ${moved.fork}` }),
        [moved.name, moved.upstream, moved.fork], { name: moved.name, upstream: moved.upstream, fork: moved.fork });
    }
    for (const service of changedServices(hunk, sides)) imageChanged('services', 'CI service image', service, emit);
    for (const pair of changedKeyValues(hunk)) {
      if (pair.key === 'uses') {
        const before = actionRef(pair.upstream);
        const after = actionRef(pair.fork);
        if (before && after && before.action === after.action) {
          const [upstream, fork] = [pinnedRef(before.ref, pair.comments.upstream), pinnedRef(after.ref, pair.comments.fork)] as const;
          const isVersioned = isVersionLike(upstream.version) && isVersionLike(fork.version);
          const pinned = { ...(upstream.version !== before.ref ? { upstreamVersion: upstream.version } : {}), ...(fork.version !== after.ref ? { forkVersion: fork.version } : {}) };
          const versions = { upstream: upstream.version, fork: fork.version };
          emit('action-version-changed', pair.lines,
            (side) => describePinning(before.action, { upstream: before.ref, fork: after.ref }, versions, side) ??
              describeChange({ subject: before.action, upstream: upstream.label, fork: fork.label, side, isVersioned, neutral: `${before.action}: ${upstream.label} → ${fork.label}`, versions }),
            [before.action, before.ref, after.ref], { action: before.action, upstream: before.ref, fork: after.ref, ...pinned });
        }
        continue;
      }
      if (TOOL_VERSION.test(pair.key) && !/^\[/.test(pair.upstream) && !/^\[/.test(pair.fork)) {
        // `${{ env.PYTHON_VERSION }}` as the workflow's own env sets it (searxng: `PYTHON_VERSION: "3.14"`).
        const [upstream, fork] = [unquote(resolveEnv(pair.upstream, env.upstream)), unquote(resolveEnv(pair.fork, env.fork))];
        // One expression for another (tofu-ls: `${{ steps.get-go-version.outputs.go-version }}` → `….outputs.version`) is wiring, no version;
        // a version moved into the env unchanged is none either.
        if ((isExpression(upstream) && isExpression(fork)) || upstream === fork) continue;
        emit('tool-version-changed', pair.lines,
          (side) => describeChange({ subject: pair.key, upstream, fork, side, isVersioned: isVersionLike(upstream) && isVersionLike(fork), neutral: `${pair.key}: ${upstream} → ${fork}` }),
          [pair.key, upstream, fork], { key: pair.key, upstream, fork });
        continue;
      }
      if (IMAGE_KEYS.has(pair.key) && imageFinding(pair, env, emit)) continue;
      registryFinding(pair, env, emit);
    }
  }
}

/** A value that is one `${{ }}` expression as a whole. */
const isExpression = (value: string): boolean => /^\$\{\{[^]*\}\}$/.test(value.trim());

type KeyPair = ReturnType<typeof changedKeyValues>[number];
type Env = Record<'upstream' | 'fork', ReadonlyMap<string, string>>;

/** Keys whose value is the image a job or service runs in: GitLab's `image:`, GitHub's `container:` (and a service's `image:`). */
const IMAGE_KEYS = new Set(['image', 'container']);

/** An image changed within one registry (`alpine:latest` → `alpine:edge`); an image moved to another registry is registryFinding's. */
function imageFinding(pair: KeyPair, env: Env, emit: Emit): boolean {
  const upstream = unquote(resolveEnv(pair.upstream, env.upstream));
  const fork = unquote(resolveEnv(pair.fork, env.fork));
  if (!PLAIN_IMAGE.test(upstream) || !PLAIN_IMAGE.test(fork)) return false;
  if ((registryOf(upstream) ?? 'docker.io') !== (registryOf(fork) ?? 'docker.io')) return false;
  imageChanged(pair.key, 'CI image', { upstream, fork, lines: pair.lines }, emit);
  return true;
}

/** `image-changed`: tags of one repository that read as versions compare as versions. */
function imageChanged(key: string, subject: string, { upstream, fork, lines }: { upstream: string; fork: string; lines: LineRefs }, emit: Emit): void {
  const versions = imageVersions(upstream, fork);
  emit('image-changed', lines,
    (side) => describeChange({ subject, upstream, fork, side, isVersioned: versions !== null, ...(versions ? { versions } : {}), neutral: `${subject}: ${upstream} → ${fork}` }),
    [key, upstream, fork], { key, upstream, fork });
}

/** A login registry or image name the fork points elsewhere (`${{ env.X }}` read from the workflow's own env). */
function registryFinding(pair: KeyPair, env: Env, emit: Emit): void {
  const upstreamValue = resolveEnv(pair.upstream, env.upstream);
  const forkValue = resolveEnv(pair.fork, env.fork);
  // `registry:` of a login, or a variable that names one (`REGISTRY: ghcr.io`, `DOCKER_REGISTRY`).
  const isRegistry = pair.key === 'registry' || /(?:^|_)REGISTRY$/i.test(pair.key);
  // Quoting aside: `registry: "ghcr.io"` is `registry: ghcr.io`.
  const from = isRegistry ? unquote(upstreamValue) : registryOf(upstreamValue);
  const to = isRegistry ? unquote(forkValue) : registryOf(forkValue);
  if (!from || !to || from === to) return;
  const subject = pair.key === 'registry' ? 'login registry' : isRegistry ? pair.key : `${pair.key} (registry ${from} → ${to})`;
  const [before, after] = pair.key === 'registry' ? [from, to] : [unquote(pair.upstream), unquote(pair.fork)];
  const neutral = pair.key === 'registry' ? `login registry: ${from} → ${to}` : `${pair.key}: ${before} → ${after} (registry ${from} → ${to})`;
  emit('registry-changed', pair.lines, (side) => describeChange({ subject, upstream: before, fork: after, side, isVersioned: false, neutral }),
    [pair.key, pair.upstream, pair.fork], { key: pair.key, upstream: pair.upstream, fork: pair.fork, registries: [from, to] });
}

/** Vendored modules' copies are the module's row in vendored-deps. */
const isOwnWorkflowPath = isOwn(isWorkflowPath);

/**
 * What one run (one context) knows across its workflow files, told once
 * every file was read: the secrets upstream's tip references in them, the
 * rows saying upstream stopped referencing a secret in one file (upstream
 * that folded release-beta.yml and release-final.yml into release.yml still
 * references DOCKERHUB_TOKEN: uptime-kuma; the removed workflow is the
 * finding), and whole Zuul config files one side has (zuulDirectories.ts).
 */
interface WorkflowRun {
  referenced: Set<string>;
  held: Finding[];
  zuulFiles: Finding[];
}

const workflowRuns = new WeakMap<ClassifyContext, WorkflowRun>();

function runOf(context: ClassifyContext): WorkflowRun {
  let run = workflowRuns.get(context);
  if (!run) {
    run = { referenced: new Set(), held: [], zuulFiles: [] };
    workflowRuns.set(context, run);
  }
  return run;
}

/** Holds back the rows of secrets upstream no longer references in this file, and whole Zuul config files; gives the rest. */
function holdRunRows(upstreamSecrets: ReadonlySet<string>, findings: Finding[], context: ClassifyContext): Finding[] {
  const run = runOf(context);
  for (const name of upstreamSecrets) run.referenced.add(name);
  const told: Finding[] = [];
  for (const finding of findings) {
    const isDropped = finding.kind === 'secret-referenced' && (finding.side === 'upstream' || finding.side === 'both') && finding.details['secret'] !== 'inherit';
    (isDropped ? run.held : isZuulFilePresence(finding) ? run.zuulFiles : told).push(finding);
  }
  return told;
}

export default defineClassifier({
  id: 'workflow',
  title: 'CI workflows',
  isPathCategory: true,
  matches: (file) => isFileAt(file, isOwnWorkflowPath),
  async classify(file, context) {
    if (file.isBinary || !/\.ya?ml$/.test(file.path)) return [];
    const findings: Finding[] = [];
    const emit: Emit = (kind, refs, describe, identity, details, lackedSince) => {
      const located = locate(file, context, refs);
      const at = lackedSince !== undefined && located.side === (lackedSince === 'upstream' ? 'fork' : 'upstream') ? { ...located, side: 'both' as const } : located;
      // A registry upstream's default login implies, on a line the fork kept from the merge base, is upstream's
      // only if upstream removed the whole login: a workflow it deleted logs in nowhere, and its removal is the finding.
      if (kind === 'registry-changed' && at.side === 'upstream' && [...(refs.upstream ?? [])].length === 0) return;
      const confidence = kind === 'matrix-entry-removed' && details['job'] === null ? 'medium' : 'high';
      findings.push(createFinding({ category: 'workflow', kind, path: file.path, message: describe(at.side), identity, ...at, confidence, details }));
    };
    const sides = await readWorkflowSides(file, context);
    const upstreamSecrets = upstreamSecretsOf(file, sides);
    await jobFindings(file, sides, emit, (text) => context.translate(text));
    if (file.status !== 'deleted') {
      matrixFindings(file, sides, emit, (text) => context.translate(text));
      // The merge base's secrets (git mode): one it referenced the fork did not newly reference (act's GORELEASER_GITHUB_TOKEN).
      const base = context.mode === 'git' ? await context.readFile('base', file.oldPath ?? file.path) : null;
      referenceFindings(file, sides, emit, { upstream: upstreamSecrets, base: secretNames(base?.split('\n') ?? []) });
    }
    return holdRunRows(upstreamSecrets, uniqueByFingerprint(separateSameDrops(findings)), context);
  },
  finish(context) {
    const run = runOf(context);
    workflowRuns.delete(context);
    return [...run.held.filter((finding) => !run.referenced.has(String(finding.details['secret']))), ...groupZuulFiles(run.zuulFiles)];
  },
});
