import type { FileDiff, Finding } from '../../model.js';
import { createFinding } from '../common/finding.js';
import type { Located } from '../common/location.js';
import { describePresence } from '../common/wording.js';
import type { ClassifyContext } from '../define.js';
import { languageOf } from './conventions.js';
import { goTestOf, parentOf } from './declarations.js';
import { appendTo } from '../../multiMap.js';
import { foldDeletedDirectories } from './deletedDirectories.js';
import { plural } from '../../text/plural.js';
import { escapeRegExp } from '../../text/regExp.js';

/**
 * A test file deleted under one path and added under another (git shows a
 * delete and an add when the rename changed too much) is no removed test.
 * Files stream in path order, so the added file may come before or after the
 * deleted one: deleted files wait here until every file was seen.
 */
interface RenameMemory {
  /** `language\0name` of tests the fork's added test files declare. */
  added: Set<string>;
  deleted: { file: FileDiff; names: string[]; at: Located; each: ReadonlyMap<string, Located> }[];
  /** Test paths (either name) of files the diff shows that the fork has: a directory holding one is not folded (deletedDirectories.ts). */
  present: Set<string>;
}

const memories = new WeakMap<ClassifyContext, RenameMemory>();

const memoryOf = (context: ClassifyContext): RenameMemory => {
  let memory = memories.get(context);
  if (!memory) {
    memory = { added: new Set(), deleted: [], present: new Set() };
    memories.set(context, memory);
  }
  return memory;
};

const keyOf = (path: string, name: string): string => `${languageOf(path) ?? ''}\u0000${name}`;

export function rememberAddedTests(file: FileDiff, names: readonly string[], context: ClassifyContext): void {
  const { added } = memoryOf(context);
  for (const name of names) added.add(keyOf(file.path, name));
}

/** The names the fork may give an upstream test: its own, and the one after the fork's renames (`redis-cli …` → `valkey-cli …`). */
export const forkNamesOf = (name: string, context: ClassifyContext): string[] => [name, context.translate(name)];

/** Fixed letters and digits a product pattern keeps, at least: fewer would match names that share little. */
const MIN_FIXED_CHARS = 10;

/**
 * A test name with the product's words as any word, for a fork that renamed
 * its product in test names otherwise than in its paths (tofu-ls: paths
 * `terraform` → `tofu`, `"detects terraform module types"` → `"detects
 * opentofu module types"`). The product's words are those the fork's renames
 * rewrite; within a longer word only the rewritten part is open
 * (`TestTerraformVersion` → `Test…Version`). A name of one word (Go's) opens
 * that part only to words holding the fork's name for the product
 * (opentofu's `TestTerraformProviderRead` → `TestOpenTofuProviderRead`, not
 * any `Test…ProviderRead`). Null when no word is the product's, or when too
 * little of the name stays fixed.
 */
export function productPattern(name: string, context: ClassifyContext): RegExp | null {
  let isOpen = false;
  let fixed = 0;
  let isWordKept = false;
  // Per open part: the fixed text before and after it, and the fork's name for what it opens.
  const opened: { before: string; after: string; forkName: string }[] = [];
  const parts = name.split(/(\W+)/).map((part) => {
    const translated = /^\w+$/.test(part) ? context.translate(part) : part;
    if (translated === part) {
      fixed += part.replace(/\W/g, '').length;
      if (/\w/.test(part)) isWordKept = true;
      return escapeRegExp(part);
    }
    isOpen = true;
    // What the rename kept of the word, cut back to where a part of it starts (`Test|Terraform|Version`, `_`).
    let start = 0;
    while (start < part.length && part[start] === translated[start]) start += 1;
    while (start > 0 && !isPartStart(part, start)) start -= 1;
    let end = 0;
    while (end < part.length - start && part[part.length - 1 - end] === translated[translated.length - 1 - end]) end += 1;
    while (end > 0 && !isPartStart(part, part.length - end)) end -= 1;
    fixed += start + end;
    opened.push({ before: part.slice(0, start), after: part.slice(part.length - end), forkName: translated.slice(start, translated.length - end) });
    return null;
  });
  if (!isOpen || fixed < MIN_FIXED_CHARS) return null;
  // With a whole word kept, any word may stand for the product; in a name of one word only one that says it.
  const isNamed = !isWordKept;
  if (isNamed && opened.some(({ forkName }) => !/^[A-Za-z0-9]+$/.test(forkName))) return null;
  let at = 0;
  const pattern = parts.map((part) => {
    if (part !== null) return part;
    const { before, after, forkName } = opened[at++] ?? { before: '', after: '', forkName: '' };
    const open = isNamed ? `[A-Za-z0-9]*${anyCase(forkName)}[A-Za-z0-9]*` : '[A-Za-z0-9]+';
    return `${escapeRegExp(before)}${open}${escapeRegExp(after)}`;
  }).join('');
  return new RegExp(`^${pattern}$`);
}

/** Letters and digits matched in either case (`Tofu` in `OpenTofu` and `opentofu`). */
const anyCase = (word: string): string =>
  [...word].map((char) => (char.toLowerCase() === char.toUpperCase() ? char : `[${char.toLowerCase()}${char.toUpperCase()}]`)).join('');

/** Whether a part of a word starts at `at`: after `_`, or a lower-case letter or digit before an upper-case one. */
const isPartStart = (word: string, at: number): boolean =>
  at === 0 || word[at - 1] === '_' || word[at] === '_' || (/[a-z0-9]/.test(word[at - 1] ?? '') && /[A-Z]/.test(word[at] ?? ''));

/** Is a test of upstream's declared by an added file, under one of its fork names? */
const isDeclared = (added: ReadonlySet<string>, path: string, name: string, context: ClassifyContext): boolean =>
  forkNamesOf(name, context).some((each) => added.has(keyOf(path, each)));

/** Is every test of a deleted file already declared by an added one (its new path sorts first)? */
export const isMovedAlready = (file: FileDiff, names: readonly string[], context: ClassifyContext): boolean =>
  names.length > 0 && names.every((name) => isDeclared(memoryOf(context).added, file.path, name, context));

/** A test file the diff shows that the fork has (changed or added), by both its names: no directory holding it is folded (deletedDirectories.ts). */
export function rememberPresentFile(file: FileDiff, context: ClassifyContext): void {
  const { present } = memoryOf(context);
  present.add(file.path);
  if (file.oldPath !== null) present.add(file.oldPath);
}

/** `each`: where a test is whose side differs from the file's (one upstream added since the merge base to a file both sides changed). */
export function rememberDeletedFile(file: FileDiff, names: string[], at: Located, context: ClassifyContext, each: ReadonlyMap<string, Located> = new Map()): void {
  memoryOf(context).deleted.push({ file: { ...file, hunks: [] }, names, at, each });
}

/**
 * A file's tests as its row counts them: a parametrized test's cases fold
 * into it (`test_x[a]` with `test_x`), and a Go test's subtests and table
 * cases (`TestX/case` with `TestX`); a class gives way to the methods
 * listed under it (`TestX` with `TestX::test_a`).
 */
export function listedTests(names: readonly string[]): string[] {
  const all = new Set(names);
  const containers = new Set<string>();
  for (const name of names) for (let at = name.indexOf('::'); at !== -1; at = name.indexOf('::', at + 2)) containers.add(name.slice(0, at));
  return names.filter((name) => {
    const bare = name.replace(/\[.*\]$/, '');
    const goTest = goTestOf(name);
    return !(bare !== name && all.has(bare)) && !(goTest !== null && all.has(goTest)) && !containers.has(name);
  });
}

/** A file one tip lacks because that side renamed it, which the two-tip diff did not pair (attribution's `rename`): moved, not deleted. */
export const isMovedAway = (file: FileDiff): boolean => file.rename !== null && file.rename.from === file.path;

/**
 * Deleted test files whose tests no added file declares: the file row, or a
 * row per test that did not move. In a file the fork deleted and upstream
 * went on changing, a test upstream added since is one the fork lacks, not
 * one it removed: a row of its own (incus, which moved LXD's lxd/acme, lacks
 * the tests LXD later added there).
 */
export function deletedFileFindings(context: ClassifyContext): Finding[] {
  const memory = memoryOf(context);
  const findings = memory.deleted.flatMap(({ file, names, at, each }): Finding[] => {
    const isMissing = (name: string): boolean => !isDeclared(memory.added, file.path, name, context);
    // A Go case counts through its test function, which the file declares too: missing with it, or moved with it. Where
    // the function moved, a case upstream added since the merge base is asked for itself: the fork's copy may lack it.
    const declaredHere = new Set(names);
    const counted = names.filter((name) => {
      const test = goTestOf(name);
      return test === null || !declaredHere.has(test) || (each.has(name) && !isMissing(test));
    });
    const missing = counted.filter(isMissing);
    if (names.length > 0 && missing.length === 0) return [];
    const testRow = (name: string, where: Located, tests: readonly string[] = []): Finding => createFinding({
      category: 'removed-tests', kind: 'test-removed', path: file.path,
      message: describePresence({ thing: `test ${name}`, presentIn: 'upstream', side: where.side, neutral: `test ${name} removed with ${file.path}` }),
      identity: [name], ...where, confidence: 'high', details: { test: name, language: languageOf(file.path), ...(tests.length > 0 ? { tests } : {}) },
    });
    const lacked = [...each].filter(([name]) => missing.includes(name)).map(([name, where]) => testRow(name, where));
    // The tests the file had at the merge base, and those of them no added file declares.
    const atBase = counted.filter((name) => !each.has(name));
    const removed = missing.filter((name) => !each.has(name));
    if (removed.length === 0 && names.length > 0) return lacked;
    // A file the fork moved (file.rename) is still there: what it lost are tests, not the file.
    if (removed.length < atBase.length || isMovedAway(file)) {
      // A removed class stands for its removed methods, as in a file both tips have (testFindings.ts).
      const removedNames = new Set(removed);
      const members = new Map<string, string[]>();
      const own = removed.filter((name) => {
        const parent = parentOf(name, removedNames);
        if (parent !== null) appendTo(members, parent, name);
        return parent === null;
      });
      return [...own.map((name) => testRow(name, at, members.get(name))), ...lacked];
    }
    const listed = listedTests(atBase);
    const tests = listed.length > 0 ? ` (${plural(listed.length, 'test')}: ${listed.slice(0, 5).join(', ')}${listed.length > 5 ? ', …' : ''})` : '';
    return [...lacked, createFinding({
      category: 'removed-tests', kind: 'test-file-deleted', path: file.path,
      message: describePresence({ thing: `test file ${file.path}${tests}`, presentIn: 'upstream', side: at.side, removed: 'deleted',
        neutral: `test file ${file.path} deleted${tests}` }),
      identity: [file.path], ...at, confidence: 'high', details: { test: file.path, tests: listed },
    })];
  });
  memory.deleted = [];
  return foldDeletedDirectories(findings, memory.present);
}
