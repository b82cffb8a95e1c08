import { copyKey } from './model.js';
import type { ArgDeclaration, DockerfileModel } from './model.js';

/**
 * Stages the fork has under its renamed product's name: cowsql's
 * `FROM ubuntu as cowsql-lib-builder` is dqlite's `dqlite-lib-builder`.
 * Keyed by the name upstream (or the merge base) gives it; only where the
 * fork lacks that name and upstream lacks the new one.
 */
export function renamedStages(upstream: DockerfileModel, base: DockerfileModel | null, fork: DockerfileModel, translate: (text: string) => string): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const stage of [...upstream.stages.keys(), ...(base?.stages.keys() ?? [])]) {
    const name = translate(stage);
    if (name !== stage && !fork.stages.has(stage) && fork.stages.has(name) && !upstream.stages.has(name)) renamed.set(stage, name);
  }
  return renamed;
}

/** A model with its stages called as the fork calls them (`renamedStages`), so the comparison pairs them. */
export function withStageNames(model: DockerfileModel, renamed: ReadonlyMap<string, string>): DockerfileModel {
  if (renamed.size === 0) return model;
  const name = (stage: string): string => renamed.get(stage) ?? stage;
  const keyed = <T>(map: ReadonlyMap<string, T>): Map<string, T> => new Map([...map].map(([stage, value]) => [name(stage), value]));
  const arg = (each: ArgDeclaration): ArgDeclaration =>
    each.scope?.kind === 'stage' && each.scope.stage !== null ? { ...each, scope: { kind: 'stage', stage: name(each.scope.stage) } } : each;
  const stageOf = (stage: string | null): string | null => (stage === null ? null : name(stage));
  return {
    stages: keyed(model.stages),
    commentedStages: keyed(model.commentedStages),
    args: model.args.map(arg),
    copyFrom: new Map([...model.copyFrom.values()].map((copy) => [copyKey(stageOf(copy.stage), copy.text), { ...copy, stage: stageOf(copy.stage) }])),
    // Commented COPY lines are keyed by stage and text alone: their stage is read off the key.
    commentedCopyFrom: new Map([...model.commentedCopyFrom].map(([key, line]) => {
      const [stage = '', text = ''] = key.split('\u0000');
      return [copyKey(stage === '' ? null : name(stage), text), line];
    })),
    secretMounts: new Map([...model.secretMounts].map(([id, mounts]) => [id, { ...mounts, stages: new Set([...mounts.stages].map(name)) }])),
    packageManagers: keyed(model.packageManagers),
  };
}
