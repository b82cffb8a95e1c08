// What a module takes or gives: names in import and export lists that span lines, CommonJS requires,
// and Vue's components a module registers. Not behaviour.
import type { Hunk } from '../../model.js';
import { normaliseLine } from '../../text/normaliseLine.js';

/**
 * Lines that open a list of names over several lines, and what closes it:
 * Python's `from x import (` and `__all__ = (`, JavaScript and TypeScript
 * `import {` / `export {`, Rust's `use x::{`, and CommonJS's `const {` …
 * `} = require('x');`, and a Vue component's `components: {` (the names it
 * imported, registered). Go's `import (` lists quoted paths, which are inert
 * already. A `const {` list is any destructuring until its closer says it
 * was a require, so its names count only then (`isConfirmedAtClose`).
 */
interface ListKind {
  opens: RegExp;
  closes: RegExp;
  isConfirmedAtClose?: boolean;
}

/** `const {`: a destructuring, which its closer may show to be an import list. */
const REQUIRE_OPENER = /^(?:const|let|var) \{$/;
/** `} = require('./x');`, `} = require("x").promises;`: a CommonJS import list's end (a normalised line). */
const REQUIRE_CLOSER = /^\} ?= ?require\((['"])[^'"]+\1\)(?:\.[\w$]+)*;?$/;

const LISTS: readonly ListKind[] = [
  { opens: /^from \S+ import \($/, closes: /^\)$/ },
  { opens: /^__all__ \+?= ?[([]$/, closes: /^[)\]]$/ },
  { opens: /^(?:import|export)(?: type)? (?:[\w$]+ ?, ?)?\{$/, closes: /^\}(?: ?from ?(['"])[^'"]+\1)?;?$/ },
  { opens: /^(?:pub )?use [\w:]+::\{$/, closes: /^\};$/ },
  { opens: REQUIRE_OPENER, closes: REQUIRE_CLOSER, isConfirmedAtClose: true },
  // Vue's registration of the components a module imported (uptime-kuma's `components: { HiddenInput, }`).
  { opens: /^components ?: ?\{$/, closes: /^\},?$/ },
];

/**
 * A CommonJS import on one line, `const x = require('y');` or
 * `const { a, b: c } = require('./z');`: what `import` is in an ES module,
 * a name the module takes, not behaviour (a normalised line).
 */
export const isRequireLine = (text: string): boolean => REQUIRE_LINE.test(text);
const REQUIRE_LINE = /^(?:const|let|var) (?:[\w$]+|\{[\w$:, ]*\}) ?= ?require\((['"])[^'"]+\1\)(?:\.[\w$]+)*;?$/;

/** `} from './x';`: an import list's end, which says what it was even when the hunk starts inside the list. */
const FROM_CLOSER = /^\}(?: ?type)? ?from ?(['"])[^'"]+\1;?$/;

/**
 * A list's first or last line that is no inert import line itself
 * (`const {`, `} = require('x');`, `} from './x';`): importListLines marks
 * it with the list's names.
 */
export const isListEdge = (text: string): boolean => REQUIRE_OPENER.test(text) || REQUIRE_CLOSER.test(text) || FROM_CLOSER.test(text);

/** One listed name: `Circuit,`, `type Props,`, `Foo as Bar,`, `'VirtualCircuitSerializer',`, `fmt::Debug,` (a normalised line). */
export const isListedName = (text: string): boolean => NAME.test(text);
const NAME = /^(?:type )?[\w$.:]+(?: as [\w$]+)?,?$|^(['"])[\w.]+\1,?$/;

/**
 * Indexes of a hunk's upstream lines (context and `-`) that are names in
 * such a list, or the lines that open or close it where those are no inert
 * import line themselves: a list whose opening line the hunk shows, or, for
 * a list closed by `} from '…'` or `} = require('…')`, one the hunk starts
 * inside of. The fork lacking them lacks an import, which netbox's isort
 * commit (`Fixes #21407`) read as 17 lines of a missing fix.
 */
export function importListLines(hunk: Hunk): Set<number> {
  const names = new Set<number>();
  let open: ListKind | null = null;
  // The names of an open list that counts only once it closes as one.
  let pending: number[] = [];
  // Upstream lines from the hunk's start that could be names of a list it starts inside of.
  let leading: number[] | null = [];
  for (let index = 0; index < hunk.lines.length; index += 1) {
    const line = hunk.lines[index] as Hunk['lines'][number];
    if (line.type === 'add') continue;
    const text = normaliseLine(line.content);
    if (open?.isConfirmedAtClose) {
      if (isListedName(text)) {
        pending.push(index);
        continue;
      }
      // Confirmed: its names, and its `const {` and `} = require(…)` lines, which are no more than an import's.
      if (open.closes.test(text)) for (const at of [...pending, index]) names.add(at);
      pending = [];
      open = null;
      if (text.startsWith('}')) continue; // its end, a require or not
    } else if (open) {
      if (open.closes.test(text)) {
        open = null;
        // `} from './x';` is no more than the import it ends (a lone bracket is inert already).
        if (FROM_CLOSER.test(text)) names.add(index);
      } else if (isListedName(text)) names.add(index);
      continue;
    }
    if (leading && (FROM_CLOSER.test(text) || REQUIRE_CLOSER.test(text))) for (const at of [...leading, index]) names.add(at);
    if (leading && isListedName(text)) leading.push(index);
    else leading = null;
    open = LISTS.find((list) => list.opens.test(text)) ?? null;
    if (open?.isConfirmedAtClose) pending = [index];
  }
  return names;
}
