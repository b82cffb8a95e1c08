import type { Hunk } from '../../model.js';
import { oncePer } from '../../multiMap.js';
import { normaliseLine } from '../../text/normaliseLine.js';
import { addedLines } from '../common/lines.js';
import { isCallWithAddedArguments } from './addedArguments.js';
import { topLevelClauses } from './droppedClauses.js';
import type { Clauses } from './droppedClauses.js';
import { isPythonPath, unannotatedLines } from './annotations.js';
import { importListLines, isListEdge, isListedName, isRequireLine } from './importLists.js';
import { isGoPath, isGroupedDeclaration } from './groupedDeclarations.js';
import { forkConjunctions, isNarrowedBlockGuard } from './narrowedGuards.js';
import { forkDisjunctions, isWidenedExit } from './widenedExits.js';
import { formatterNeutral } from './formatting.js';
import { withoutPragma } from './pragmas.js';
import { reflowedLines } from './reflowed.js';
import { formattedShapeOf, shapeOfNormalised, shapesOf, withoutErrorCalls } from './shapes.js';
import { pathlessShape, withShortPaths } from './memberPaths.js';
import { MAX_CODE_LINE_CHARS } from './signals.js';
import { isTypeOnlyLine, isTypeScriptPath } from './typeOnly.js';

/** Lines that carry no behaviour: blank, comments, imports, lone brackets; and minified lines, which no one reads as code. */
const IS_INERT = /^(?:$|\/\/|\/\*|\*|#(?!\[)|--|import\b|from\s+\S+\s+import\b|use\s+[\w:]+|package\s|"[\w./-]+"$|\w+\s+"[\w./-]+"$|[{}()[\];,]+$)/;
export const isInert = (line: string): boolean => line.length > MAX_CODE_LINE_CHARS || IS_INERT.test(line);

/** A normalised line that says nothing: blank, or a comment (`//`, `#` but not Rust's `#[`, `/*`, `*`). */
export const isBlankOrComment = (text: string): boolean => text === '' || /^(\/\/|#(?!\[)|\/\*|\*|<!--)/.test(text);

const CONDITION = /^(?:\}\s*)?(?:if|elif|else if|while)\b\s*(.+?)\s*(?:\{|:)?$/;
const HELPER_CALL = /^\(?\s*!?\s*(?:not\s+)?([\w.]+)\s*\((.*)\)\s*\)?$/;
/**
 * Helpers whose name says they test something (`isEmpty`, `IsZero`,
 * `has_value`, `valid`, `clusterNodeIsVotingPrimary`): not any call.
 */
const PREDICATE_WORD = /(?:^|[._])(?:is|has|can|should|must|valid|check|ensure)(?:[A-Z_]|$)|empty|nil|null|zero|blank|valid/i;
const CAMEL_PREDICATE = /[a-z0-9](?:Is|Has|Can|Should|Must|Check|Ensure)(?:[A-Z_]|$)/;
const PREDICATE = { test: (name: string): boolean => PREDICATE_WORD.test(name) || CAMEL_PREDICATE.test(name) };
const NOT_NAMES = new Set(['nil', 'null', 'None', 'NULL', 'nullptr', 'undefined', 'len', 'true', 'false', 'and', 'or', 'not', 'is']);
const namesIn = (text: string): string[] => (text.match(/[A-Za-z_]\w*/g) ?? []).filter((name) => !NOT_NAMES.has(name));

/**
 * A condition's top-level `&&` clauses, for a line that may open or go on
 * with one (`if (nodeIsMaster(node) && node->numslots > 0 &&`): the open
 * paren and a dangling `&&` go first.
 */
const andClausesOf = (condition: string): string[] =>
  topLevelClauses(condition.replace(/^\(/, '').replace(/&&\s*\)?$/, ''), ['&&']).filter((clause) => clause !== '');

/** What a clause tests: a call's arguments (`nodeIsMaster(node)` → node), else the value it starts with (`node->numslots > 0` → node). */
const subjectsOf = (clause: string): string[] => {
  const call = /^[!(\s]*(?:not\s+)?[\w.]+\s*\((.*)\)/.exec(clause);
  if (call) return namesIn(call[1] ?? '');
  return namesIn(clause).slice(0, 1);
};

/**
 * The arguments' names of each fork condition that is one helper call, or
 * opens with one (`if isEmpty(x) {` → {x}, `if (clusterNodeIsVotingPrimary(node) &&` → {node}).
 */
function helperCalls(forkLines: readonly string[]): Set<string>[] {
  return forkLines.flatMap((line) => {
    const condition = CONDITION.exec(line)?.[1];
    if (condition === undefined) return [];
    const call = HELPER_CALL.exec(condition) ?? HELPER_CALL.exec(andClausesOf(condition)[0] ?? '');
    return call && PREDICATE.test(call[1] ?? '') ? [new Set(namesIn(call[2] ?? ''))] : [];
  });
}

/**
 * An upstream condition the fork replaced by a helper that tests the same
 * things (`if x == nil || len(x) == 0 {` → `if isEmpty(x) {`): every name
 * upstream tests is passed to the helper, so nothing is missing. A
 * condition of several `&&` clauses is read by what each clause tests
 * (valkey: `if (nodeIsMaster(node) && node->numslots > 0 &&` →
 * `if (clusterNodeIsVotingPrimary(node) &&`).
 */
function isHelperEquivalent(text: string, helpers: readonly Set<string>[]): boolean {
  const condition = CONDITION.exec(text)?.[1];
  if (condition === undefined || helpers.length === 0) return false;
  const clauses = andClausesOf(condition);
  const names = clauses.length > 1 ? clauses.flatMap(subjectsOf) : namesIn(condition);
  return names.length > 0 && helpers.some((args) => names.every((name) => args.has(name)));
}

/**
 * A hunk's `+` lines, normalised and without trailing lint pragmas
 * (pragmas.ts): worked out once per hunk, they are the
 * fork lines a missing line may be a rename of, and together the lines the
 * fork has anywhere in the file (moved code is not missing code).
 */
export const normalisedAdded = (hunk: Hunk): string[] => addedLines(hunk).map((line) => withoutPragma(normaliseLine(line)));

/** The fork's lines in a file that a formatter could have left otherwise, as it could have (formatting.ts): worked out once per file. */
const fileFormatted = oncePer((forkLines: ReadonlySet<string>): Set<string> => {
  const formatted = new Set<string>();
  for (const line of forkLines) {
    const neutral = formatterNeutral(line);
    if (neutral !== line) formatted.add(neutral);
  }
  return formatted;
});

/** The fork's conditionals in a file, by their `&&` clauses: worked out once per file (per set of its lines). */
const fileConjunctions = oncePer((forkLines: ReadonlySet<string>): Clauses[] => forkConjunctions([...forkLines]));

/** Likewise by their `||` clauses, for exits the fork widened. */
const fileDisjunctions = oncePer((forkLines: ReadonlySet<string>): Clauses[] => forkDisjunctions([...forkLines]));

/**
 * Why a line the fork lacks is shown for context but is not missing: the
 * fork has it re-flowed into its own lines (reflowed.ts), it names what an
 * import list takes (importLists.ts), the fork has it without its type
 * annotations (annotations.ts, Python), or it only declares a type
 * (typeOnly.ts, TypeScript).
 */
export type NotMissing = 'reflowed' | 'import' | 'unannotated' | 'type-only';

/** One upstream-only line of evidence: normalised text and its upstream line number. */
export interface EvidenceLine {
  text: string;
  line: number;
  /** Set when the line is context, not something the fork lacks. */
  notMissing?: NotMissing;
}

/**
 * An empty block the fork gave a body (`} catch (e) {}` → `} catch (e) {`,
 * `void e;`, `}`: a lint fix): the statement is still there, opening a block.
 * Only a statement's block, after `)`, `=>` or `else`/`try`/`finally`/`do`:
 * an empty literal (`meta = {}`, `T{}`) is a value, not a block.
 */
const isExpandedBlock = (text: string, forkLines: ReadonlySet<string>): boolean =>
  EMPTY_BLOCK.test(text) && forkLines.has(text.replace(/\{ ?\}$/, '{'));
const EMPTY_BLOCK = /(?:\)|=>|\b(?:else|try|finally|do)) ?\{ ?\}$/;

/**
 * Upstream-only lines of one hunk that the fork really lacks: not moved elsewhere
 * in the file, not a rename of a fork line in the same hunk, not a call the
 * fork gave more arguments in that hunk (addedArguments.ts), not a block guard
 * the fork narrowed anywhere in the file (narrowedGuards.ts), not inert, not
 * code at all (`isNotCode`, by upstream line number: Python docstrings, a component's <style> blocks,
 * Rust's test items).
 * Returns runs of consecutive `-` lines (brackets kept for readable evidence),
 * each with a line the fork lacks. A line that is not missing for one of
 * the reasons NotMissing names (read by `path`'s language where it has one)
 * stays in its run, marked: the statement reads whole, and a finding's
 * evidence (its identity) is what it was before the rule.
 */
export function missingRuns(
  hunk: Hunk,
  forkLines: ReadonlySet<string>,
  forkOnly: readonly string[] = normalisedAdded(hunk),
  isNotCode: (upstreamLine: number) => boolean = () => false,
  path = '',
): EvidenceLine[][] {
  // Only `-` lines can be missing; most hunks of a large diff have none worth shaping.
  if (!hunk.lines.some((line) => line.type === 'del')) return [];
  const isGo = isGoPath(path);
  let forkShapes: Set<string> | null = null;
  let helpers: Set<string>[] | null = null;
  let conjunctions: Clauses[] | null = null;
  // Upstream's line as the fork's shapes may have it: as it is, or, in Go, with the error wrapped (only the `-` line loses its `.Error()`).
  const isShapeOf = (shapes: ReadonlySet<string>, text: string, shape = shapeOfNormalised(text)): boolean =>
    shapes.has(shape) || (isGo && text.includes('.Error()') && shapes.has(shapeOfNormalised(withoutErrorCalls(text))));
  const isFormattedShapeOf = (shapes: ReadonlySet<string>, text: string): boolean => {
    const formatted = formattedShapeOf(text);
    return formatted !== null && isShapeOf(shapes, formatted.text, formatted.shape);
  };
  let forkPaths: Set<string> | null = null;
  let forkPathless: Set<string> | null = null;
  let isMigration: boolean | null = null;
  // Upstream's line as a fork line beside it has it but for a member path's middle (memberPaths.ts): an API that moved a field.
  const isPathRename = (text: string): boolean => {
    forkPaths ??= new Set(forkOnly.map(withShortPaths));
    if (forkPaths.has(withShortPaths(text))) return true;
    // A hunk that moved one path so moved the rest: there a path of any length is a rename, as names are.
    isMigration ??= removed.some((removedText) => removedText !== null && !forkOnly.includes(removedText) && forkPaths?.has(withShortPaths(removedText)) === true);
    if (!isMigration) return false;
    forkPathless ??= new Set([...(forkShapes ?? [])].map(pathlessShape));
    return forkPathless.has(pathlessShape(shapeOfNormalised(text)));
  };
  const isForkShape = (text: string): boolean => {
    // As written and as a formatter could have left them: a renamed line prettier also re-punctuated is still a rename.
    forkShapes ??= new Set(forkOnly.filter((line) => !isInert(line)).flatMap(shapesOf));
    helpers ??= helperCalls(forkOnly);
    // A hunk that only removes lines has no fork line to be a rename of: no shape to work out.
    if ((forkShapes.size > 0 && (isShapeOf(forkShapes, text) || isFormattedShapeOf(forkShapes, text) || isPathRename(text))) || isHelperEquivalent(text, helpers)) return true;
    // Narrowed (or, for a missing value, widened) anywhere in the file: the fork often moves the guarded block too.
    conjunctions ??= fileConjunctions(forkLines);
    return (conjunctions.length > 0 && isNarrowedBlockGuard(text, conjunctions)) || isWidenedExit(text, () => fileDisjunctions(forkLines));
  };
  const removed = hunk.lines.map((line) => (line.type === 'del' ? normaliseLine(line.content) : null));
  // Compared without lint pragmas (the fork's `+` lines come without them too); shown with them.
  const bare = removed.map((text) => (text === null ? null : withoutPragma(text)));
  let reflowed: Set<number> | null = null;
  // A fork side minified into a line past MAX_CODE_LINE_CHARS holds upstream's code re-flowed beyond telling (SchildiChat's one-line modernizr build against upstream's 2,000 readable lines).
  const isMinified = forkOnly.some((line) => line.length > MAX_CODE_LINE_CHARS);
  // As written, else as a formatter could have left both sides (prettier re-flows a call and drops its `;` at once); a line's
  // own trailing comma still says where the statement goes on, so the neutral form is the second reading, not the only one.
  let reformatted: Set<number> | null = null;
  const readReformatted = (): Set<number> => {
    const neutralBare = bare.map((text) => (text === null ? null : formatterNeutral(text)));
    const neutralFork = forkOnly.map(formatterNeutral);
    // Nothing a formatter could have left otherwise: the same reading as above.
    const isSame = neutralBare.every((text, index) => text === bare[index]) && neutralFork.every((line, index) => line === forkOnly[index]);
    return isSame ? new Set() : reflowedLines(neutralBare, neutralFork);
  };
  const isReflowed = (index: number): boolean => isMinified || (reflowed ??= reflowedLines(bare, forkOnly)).has(index) || (reformatted ??= readReformatted()).has(index);
  // Only a line shaped like a listed name (or a list's edge) sends the hunk through importListLines.
  let imports: Set<number> | null = null;
  const isImport = (index: number, text: string): boolean =>
    isRequireLine(text) || ((isListedName(text) || isListEdge(text)) && (imports ??= importListLines(hunk)).has(index));
  let unannotated: Set<number> | null = null;
  // Upstream's lines as it has them (context too: a kept `def f(` opens the signature a `-` line continues).
  const upstreamBare = (): (string | null)[] =>
    hunk.lines.map((line, index) => (line.type === 'del' ? (bare[index] ?? null) : line.type === 'normal' ? withoutPragma(normaliseLine(line.content)) : null));
  const isPython = isPythonPath(path);
  const isUnannotated = (index: number): boolean => isPython && (unannotated ??= unannotatedLines(upstreamBare(), bare, forkOnly, forkLines)).has(index);
  const isTypeScript = isTypeScriptPath(path);
  const notMissing = (index: number, text: string): NotMissing | null =>
    isReflowed(index) ? 'reflowed'
    : isImport(index, text) ? 'import'
    : isUnannotated(index) ? 'unannotated'
    : isTypeScript && isTypeOnlyLine(text) ? 'type-only'
    : null;
  // The fork has the line as a formatter could have left it, anywhere in the file.
  const isFormatted = (compared: string): boolean => {
    const neutral = formatterNeutral(compared);
    return (neutral !== compared && forkLines.has(neutral)) || fileFormatted(forkLines).has(neutral);
  };
  const runs: EvidenceLine[][] = [];
  let run: EvidenceLine[] = [];
  let upstreamLine = hunk.oldStart;
  for (let index = 0; index < hunk.lines.length; index += 1) {
    const line = hunk.lines[index] as Hunk['lines'][number];
    const number = upstreamLine;
    if (line.type !== 'add') upstreamLine += 1;
    const text = removed[index];
    if (text === null || text === undefined) {
      if (run.length > 0) runs.push(run);
      run = [];
      continue;
    }
    // Blank, comment, docstring, style and test lines neither count nor split a run.
    if (isBlankOrComment(text) || isNotCode(number)) continue;
    const compared = bare[index] ?? text;
    const isGrouped = isGo && isGroupedDeclaration(compared, forkLines);
    const isKept = (): boolean =>
      forkLines.has(compared) || isFormatted(compared) || isExpandedBlock(compared, forkLines) || isGrouped || isForkShape(compared) || isCallWithAddedArguments(compared, forkOnly);
    if (isInert(text) || !isKept()) {
      const why = notMissing(index, text);
      run.push(why === null ? { text, line: number } : { text, line: number, notMissing: why });
    } else {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  // A run of other lines not missing alone (listed names, types) stays: the finding's evidence is what it was before those rules, and hunkFinding lacks none of it.
  return runs.filter((lines) => lines.some(({ text, notMissing }) => notMissing !== 'reflowed' && !isInert(text)));
}
