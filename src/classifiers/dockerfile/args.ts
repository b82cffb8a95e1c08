// ARG scopes (https://docs.docker.com/reference/dockerfile/#scope): a global ARG (before the first FROM) and a
// stage's ARG of the same name are two declarations; the stage's, without a default, inherits the global one.
import type { LineSide, Side } from '../../model.js';
import type { LineRefs } from '../common/location.js';
import { describeChange, describePresence } from '../common/wording.js';
import { directionOf } from '../deps/versionDirection.js';
import { isVersionLike } from '../../versions/versionOrder.js';
import { scopeKey } from './model.js';
import type { ArgDeclaration, ArgScope } from './model.js';
import { addTo } from '../../multiMap.js';

export type ArgFindingKind = 'arg-changed' | 'arg-removed' | 'arg-added' | 'arg-scope-changed';

type AddFinding = (kind: ArgFindingKind, refs: LineRefs, describe: (side: Side) => string, identity: readonly (string | null)[], details: Record<string, unknown>, lackedSince?: LineSide | null) => void;

const scopeText = (scope: ArgScope | null): string | null =>
  scope === null ? null : scope.kind === 'global' ? 'global' : scope.stage ? `stage "${scope.stage}"` : 'a stage';

const isNamedStage = (scope: ArgScope | null): boolean => scope?.kind === 'stage' && scope.stage !== null;

/**
 * Pairs upstream's ARG declarations with the fork's: same name in the same
 * scope first, then a name left with one declaration on each side, when its
 * scope moved between global and a stage or a hunk does not show it (two
 * named stages are two ARGs). What remains was removed or added; an ARG of a
 * stage the fork removed is told by that stage's own row. One the merge base
 * declared in that scope (`base`, git mode) was removed by the tip that lacks it.
 */
export function compareArgs(
  upstream: readonly ArgDeclaration[],
  fork: readonly ArgDeclaration[],
  removedStages: ReadonlySet<string>,
  isNewFile: boolean,
  add: AddFinding,
  base: readonly ArgDeclaration[] | null = null,
): void {
  const baseHas = (arg: ArgDeclaration): boolean => base?.some((each) => each.name === arg.name && scopeKey(each.scope) === scopeKey(arg.scope)) === true;
  const scopesOf = new Map<string, Set<string>>();
  for (const arg of [...upstream, ...fork]) addTo(scopesOf, arg.name, scopeKey(arg.scope));
  // Baselines keep matching: a stage's ARG carries its stage in its identity only where the name has several scopes.
  const stageOf = (arg: ArgDeclaration): string[] =>
    arg.scope?.kind === 'stage' && arg.scope.stage && (scopesOf.get(arg.name)?.size ?? 0) > 1 ? [`stage ${arg.scope.stage}`] : [];
  /** `ARG X in stage "s"`, `global ARG X`; `value` (`=1.9.7`) goes with the name. */
  const subject = (arg: ArgDeclaration, value = ''): string => {
    const scope = scopeText(arg.scope);
    if (arg.scope?.kind === 'stage' && arg.scope.stage) return `ARG ${arg.name}${value} in ${scope ?? ''}`;
    return (scopesOf.get(arg.name)?.size ?? 0) > 1 && arg.scope?.kind === 'global' ? `global ARG ${arg.name}${value}` : `ARG ${arg.name}${value}`;
  };

  const leftFork = [...fork];
  const leftUpstream: ArgDeclaration[] = [];
  for (const arg of upstream) {
    const index = leftFork.findIndex((each) => each.name === arg.name && scopeKey(each.scope) === scopeKey(arg.scope));
    if (index === -1) leftUpstream.push(arg);
    else compareValues(arg, leftFork.splice(index, 1)[0] as ArgDeclaration);
  }
  for (const arg of [...leftUpstream]) {
    const sameName = (list: readonly ArgDeclaration[]): ArgDeclaration[] => list.filter((each) => each.name === arg.name);
    const [forkArg, ...more] = sameName(leftFork);
    if (!forkArg || more.length > 0 || sameName(leftUpstream).length > 1 || (isNamedStage(arg.scope) && isNamedStage(forkArg.scope))) continue;
    leftUpstream.splice(leftUpstream.indexOf(arg), 1);
    leftFork.splice(leftFork.indexOf(forkArg), 1);
    compareValues(arg, forkArg);
  }
  for (const arg of leftUpstream) {
    if (arg.value === null || (arg.scope?.kind === 'stage' && arg.scope.stage !== null && removedStages.has(arg.scope.stage))) continue;
    add('arg-removed', { upstream: [arg.line] },
      (side) => describePresence({ thing: `${subject(arg)} (default ${arg.value})`, presentIn: 'upstream', side, neutral: `${subject(arg)} (default ${arg.value}) removed` }),
      [arg.name, arg.value, ...stageOf(arg)], { arg: arg.name, upstream: arg.value, fork: null, scope: scopeText(arg.scope) }, baseHas(arg) ? 'fork' : null);
  }
  for (const arg of isNewFile ? [] : leftFork) {
    if (arg.value === null) continue;
    add('arg-added', { fork: [arg.line] },
      (side) => describePresence({ thing: subject(arg, `=${arg.value}`), presentIn: 'fork', side, neutral: `${subject(arg, `=${arg.value}`)} added` }),
      [arg.name, arg.value, ...stageOf(arg)], { arg: arg.name, upstream: null, fork: arg.value, scope: scopeText(arg.scope) }, baseHas(arg) ? 'upstream' : null);
  }

  function compareValues(before: ArgDeclaration, after: ArgDeclaration): void {
    const [from, to] = [scopeText(before.scope), scopeText(after.scope)];
    const isScopeChange = from !== null && to !== null && from !== to;
    const refs = { upstream: [before.line], fork: [after.line] };
    if (before.value === after.value) {
      if (!isScopeChange) return;
      const shown = before.value === null ? '' : `=${before.value}`;
      add('arg-scope-changed', refs,
        (side) => describeChange({ subject: `scope of ARG ${before.name}${shown}`, upstream: from, fork: to, side, isVersioned: false }),
        [before.name, from, to], { arg: before.name, value: before.value, scope: { upstream: from, fork: to } });
      return;
    }
    const isVersioned = before.value !== null && after.value !== null && isVersionLike(before.value) && isVersionLike(after.value);
    const direction = isVersioned ? directionOf(before.value, after.value) : 'changed';
    const shown = (text: string | null): string => text ?? '(no default)';
    const where = isScopeChange ? `ARG ${before.name} (${from} upstream, ${to} in the fork)` : subject(before);
    const neutralWhere = isScopeChange ? `ARG ${before.name}: ${shown(before.value)} (${from}) → ${shown(after.value)} (${to})` : `${subject(before)}: ${shown(before.value)} → ${shown(after.value)}`;
    const sharedStage = stageOf(before).join() === stageOf(after).join() ? stageOf(before) : [];
    add('arg-changed', refs,
      (side) => describeChange({ subject: where, upstream: shown(before.value), fork: shown(after.value), side, isVersioned,
        neutral: `${neutralWhere}${isVersioned ? ` (${direction})` : ''}` }),
      [before.name, before.value, after.value, ...sharedStage],
      { arg: before.name, upstream: before.value, fork: after.value, direction, scope: isScopeChange ? { upstream: from, fork: to } : (from ?? to) });
  }
}
