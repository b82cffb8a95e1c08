// Rust keeps unit tests inside the source files they test, in items compiled only for tests
// (`#[cfg(test)] mod tests { … }`, https://doc.rust-lang.org/book/ch11-03-test-organization.html).
// They ship nothing, and removed-tests already reports a test the fork lacks: alacritty's WASM fork
// read upstream's new `#[test] fn damage_line_outside_viewport()` as a missing fix besides.
import type { Hunk } from '../../model.js';

/** Rust source. */
export const isRustPath = (path: string): boolean => path.endsWith('.rs');

/** `#[cfg(test)]`, `#[cfg(all(test, feature = "x"))]`: an item compiled for tests alone (not `any(test, …)`). */
const TEST_ONLY = /^(\s*)#\[cfg\((?:all\((?:[^()]*,\s*)?)?test\b/;
/** `#![cfg(test)]`: the whole file (a module) is compiled for tests alone. */
const FILE_TEST_ONLY = /^\s*#!\[cfg\((?:all\((?:[^()]*,\s*)?)?test\b/m;
/** An attribute alone on its line, before the item it applies to. */
const ATTRIBUTE_LINE = /^\s*#\[.*\]\s*$/;

const count = (text: string, char: string): number => text.split(char).length - 1;

/**
 * 1-based numbers of the lines of Rust source inside items compiled only
 * for tests, their attributes included (every line, under `#![cfg(test)]`).
 * An item runs to the first line that is a lone `}` (or `};`) at its
 * attribute's indentation, as rustfmt writes it, or ends on its first line
 * (`mod tests;`, `use super::*;`, `fn f() {}`). An item left open runs to
 * the file's end.
 */
export function rustTestLines(text: string): Set<number> {
  const lines = text.split('\n');
  const inTests = new Set<number>();
  if (FILE_TEST_ONLY.test(text)) return new Set(lines.map((_, index) => index + 1));
  for (let index = 0; index < lines.length; index += 1) {
    const indent = TEST_ONLY.exec(lines[index] as string)?.[1];
    if (indent === undefined) continue;
    const closer = new RegExp(`^${indent}\\};?\\s*$`);
    let at = index;
    // The attribute and any after it, then the item's first line (the attribute's own, when the item follows it there).
    while (at < lines.length - 1 && ATTRIBUTE_LINE.test(lines[at] as string)) at += 1;
    const opener = (lines[at] as string).trimEnd();
    let end = at;
    const isOneLine = opener.endsWith(';') || (opener.endsWith('}') && count(opener, '{') === count(opener, '}'));
    if (!isOneLine) {
      end = lines.length - 1;
      for (let next = at + 1; next < lines.length; next += 1) {
        if (closer.test(lines[next] as string)) {
          end = next;
          break;
        }
      }
    }
    for (let line = index; line <= end; line += 1) inTests.add(line + 1);
    index = end;
  }
  return inTests;
}

/** A hunk git placed inside the module named `tests` by convention (`@@ -20,12 +20,4 @@ mod tests {`, its function context). */
const IN_TESTS_MODULE = /^@@[^@]*@@\s*(?:pub(?:\([^)]*\))?\s+)?mod tests?\s*\{\s*$/;

/**
 * rustTestLines for a saved diff, which has no whole file: upstream's lines
 * of each hunk (context and `-`) read on their own, under
 * `#[cfg(test)] mod tests {` when git names that module as the hunk's
 * context (the attribute itself is above the hunk: this is convention).
 */
export function rustTestLinesOfHunks(hunks: readonly Hunk[]): Set<number> {
  const inTests = new Set<number>();
  for (const hunk of hunks) {
    const opened = IN_TESTS_MODULE.test(hunk.header) ? ['#[cfg(test)]', 'mod tests {'] : [];
    const upstream = hunk.lines.filter((line) => line.type !== 'add').map((line) => line.content);
    for (const line of rustTestLines([...opened, ...upstream].join('\n'))) {
      if (line > opened.length) inTests.add(hunk.oldStart + line - opened.length - 1);
    }
  }
  return inTests;
}
