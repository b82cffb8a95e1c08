// Names in an import or export list that spans lines: what a module takes or gives, not behaviour.
import type { Hunk } from '../../model.js';
import { normaliseLine } from '../../text/normaliseLine.js';

/**
 * Lines that open a list of names over several lines, and what closes it:
 * Python's `from x import (` and `__all__ = (`, JavaScript and TypeScript
 * `import {` / `export {`, Rust's `use x::{`. Go's `import (` lists quoted
 * paths, which are inert already.
 */
const LISTS: readonly { opens: RegExp; closes: RegExp }[] = [
  { opens: /^from \S+ import \($/, closes: /^\)$/ },
  { opens: /^__all__ \+?= ?[([]$/, closes: /^[)\]]$/ },
  { opens: /^(?:import|export)(?: type)? (?:[\w$]+ ?, ?)?\{$/, closes: /^\}(?: ?from ?(['"])[^'"]+\1)?;?$/ },
  { opens: /^(?:pub )?use [\w:]+::\{$/, closes: /^\};$/ },
];

/** `} from './x';`: an import list's end, which says what it was even when the hunk starts inside the list. */
const FROM_CLOSER = /^\}(?: ?type)? ?from ?(['"])[^'"]+\1;?$/;

/** One listed name: `Circuit,`, `type Props,`, `Foo as Bar,`, `'VirtualCircuitSerializer',`, `fmt::Debug,` (a normalised line). */
export const isListedName = (text: string): boolean => NAME.test(text);
const NAME = /^(?:type )?[\w$.:]+(?: as [\w$]+)?,?$|^(['"])[\w.]+\1,?$/;

/**
 * Indexes of a hunk's upstream lines (context and `-`) that are names in
 * such a list: a list whose opening line the hunk shows, or, for a list
 * closed by `} from '…'`, one the hunk starts inside of. The fork lacking
 * them lacks an import, which netbox's isort commit (`Fixes #21407`) read
 * as 17 lines of a missing fix.
 */
export function importListLines(hunk: Hunk): Set<number> {
  const names = new Set<number>();
  let open: (typeof LISTS)[number] | null = null;
  // Upstream lines from the hunk's start that could be names of a list it starts inside of.
  let leading: number[] | null = [];
  for (let index = 0; index < hunk.lines.length; index += 1) {
    const line = hunk.lines[index] as Hunk['lines'][number];
    if (line.type === 'add') continue;
    const text = normaliseLine(line.content);
    if (open) {
      if (open.closes.test(text)) open = null;
      else if (isListedName(text)) names.add(index);
      continue;
    }
    if (leading && FROM_CLOSER.test(text)) for (const at of leading) names.add(at);
    if (leading && isListedName(text)) leading.push(index);
    else leading = null;
    open = LISTS.find((list) => list.opens.test(text)) ?? null;
  }
  return names;
}
