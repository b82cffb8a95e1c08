// pytest collection (https://docs.pytest.org/en/stable/explanation/goodpractices.html#conventions-for-python-test-discovery):
// `test_*` functions, `test_*` methods of `Test*` (or unittest) classes as `TestClass::test_x`, and
// parametrize cases as `test_x[id]`; skips by `@pytest.mark.skip/skipif/xfail`, `pytest.skip()`, unittest.
import { oncePer } from '../../multiMap.js';
import type { TestConvention } from './conventions.js';
import { looksLikeParametrizeElement, parametrizeAt } from './parametrize.js';

const DEF = /^(\s*)(?:async\s+)?def\s+(test\w*)\s*\(/;
const CLASS = /^(\s*)class\s+(\w+)\s*[(:]/;
const ANY_BLOCK = /^(\s*)(?:async\s+def|def|class)\s+(\w+)/;
const indentOf = (line: string): number => line.length - line.trimStart().length;

/**
 * `stringLines` of a file's lines, read once per lines array: a line's answer
 * depends only on the lines above it, so one reading serves every line asked
 * (it was one per line asked, and a test module of a thousand tests read its
 * top a thousand times).
 */
const stringLinesOf = oncePer((lines: readonly string[]): ReadonlySet<number> => stringLines(lines));

/**
 * Indices of lines that start inside a triple-quoted string (a docstring, a
 * sample payload at column 0): their indentation says nothing about blocks.
 */
function stringLines(lines: readonly string[]): Set<number> {
  const inside = new Set<number>();
  let quote: string | null = null;
  lines.forEach((line, index) => {
    if (quote) inside.add(index);
    for (const match of line.matchAll(/"""|'''/g)) {
      if (quote === null) quote = match[0];
      else if (quote === match[0]) quote = null;
    }
  });
  return inside;
}

/**
 * The classes enclosing the line at `index`, outermost first, read upwards by
 * indentation; then from the hunk's context (git prints the last line that
 * starts a top-level block). `nested` inside a function (pytest does not
 * collect it); `unknown` when the line is indented but its class is out of
 * view: the caller then reads the whole file.
 */
function classesAbove(lines: readonly string[], index: number, context: string): string[] | 'nested' | 'unknown' {
  let indent = indentOf(lines[index] ?? '');
  const classes: string[] = [];
  const strings = stringLinesOf(lines);
  for (let i = index - 1; i >= 0 && indent > 0; i -= 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || strings.has(i) || indentOf(line) >= indent || /^\s*[#@)\]}]/.test(line)) continue;
    if (ANY_BLOCK.test(line) && !CLASS.test(line)) return 'nested';
    const klass = CLASS.exec(line);
    if (klass?.[2]) classes.unshift(klass[2]);
    indent = indentOf(line);
  }
  if (indent === 0) return classes;
  const outer = CLASS.exec(context);
  if (outer?.[2] && !outer[1]) return [outer[2], ...classes];
  return /^(?:async\s+)?def\s/.test(context) ? 'nested' : 'unknown';
}

/**
 * `Class::test_x` for a method, `test_x` for a module-level function; the
 * bare name when the class is out of view (diff-file mode has no more), null
 * for a function nested in another.
 */
function qualified(lines: readonly string[], index: number, name: string, context: string): string | null {
  const classes = classesAbove(lines, index, context);
  if (classes === 'nested') return null;
  return classes === 'unknown' ? name : [...classes, name].join('::');
}

/** The test function a decorator at `index` decorates: the first def below its decorators. */
function decoratedTest(lines: readonly string[], index: number, context: string): string | null {
  for (let i = index + 1; i < lines.length; i += 1) {
    const def = DEF.exec(lines[i] ?? '');
    if (def?.[2]) return qualified(lines, i, def[2], context);
    const klass = CLASS.exec(lines[i] ?? '');
    if (klass?.[2]) return qualified(lines, i, klass[2], context);
    if (ANY_BLOCK.test(lines[i] ?? '')) return null;
  }
  return null;
}

function namesAt(lines: readonly string[], index: number, context: string): string[] {
  const line = lines[index] ?? '';
  const def = DEF.exec(line);
  const klass = CLASS.exec(line);
  const name = def?.[2] ?? (klass?.[2] && /^Test/.test(klass[2]) ? klass[2] : null);
  if (name) {
    const test = qualified(lines, index, name, context);
    return test ? [test] : [];
  }
  const decorator = parametrizeAt(lines, index);
  if (!decorator) return [];
  const test = decoratedTest(lines, decorator.end, context);
  return test ? decorator.cases.filter((each) => each.lines.includes(index)).map((each) => `${test}[${each.id}]`) : [];
}

/** The first line of a run of lines that starts a def (any def), or Infinity when none does; once per run, as parametrize.ts reads its openers. */
const firstDefIn = oncePer((lines: readonly string[]): number => {
  const index = lines.findIndex((line) => /^\s*def\s/.test(line));
  return index === -1 ? Number.POSITIVE_INFINITY : index;
});

export const python: TestConvention = {
  commentMarkers: ['#'],
  namesAt,
  isSkip: (line) => /@pytest\.mark\.(skip|skipif|xfail)\b|@unittest\.skip|\bpytest\.skip\(|\.skipTest\(|marks\s*=\s*\[?\s*pytest\.mark\.(skip|skipif|xfail)\b/.test(line),
  skipTarget: (lines, index, context) => {
    const line = lines[index] ?? '';
    if (/marks\s*=/.test(line)) return namesAt(lines, index, context)[0] ?? null;
    if (/^\s*@/.test(line)) return decoratedTest(lines, index, context);
    for (let i = index; i >= 0; i -= 1) {
      const def = DEF.exec(lines[i] ?? '');
      if (def?.[2]) return qualified(lines, i, def[2], context);
    }
    return /def\s+(test\w*)\s*\(/.exec(context)?.[1] ?? null;
  },
  /**
   * A changed def whose class is out of view, or a changed line that may be
   * an element of a parametrize list whose decorator starts above the hunk.
   */
  needsWholeFile: (lines, index, context) => {
    const line = lines[index] ?? '';
    const def = DEF.exec(line) ?? CLASS.exec(line);
    if (def) return indentOf(line) > 0 && classesAbove(lines, index, context) === 'unknown';
    return looksLikeParametrizeElement(line) && parametrizeAt(lines, index) === null && firstDefIn(lines) >= index;
  },
};
