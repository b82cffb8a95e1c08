// PEP 508 dependency specifiers (https://packaging.python.org/en/latest/specifications/dependency-specifiers/):
// `name[extra1,extra2] (>=2.5,<2.61) ; python_version > "3.8"` or `name[extra] @ https://…`.
import { UNPINNED } from './types.js';

/** One requirement: what the rows compare is its name and version (the specifier set). */
export interface Requirement {
  /** PEP 503 normalised, so `Foo_Bar` and `foo-bar` are one row. */
  name: string;
  /** `1.2.3` for an exact pin, else the specifier set without spaces (`>=2.5,<2.61`), `@ url`, or UNPINNED. */
  version: string;
  extras: string[];
  /** The environment marker after `;`, when there is one. */
  marker: string | null;
}

/** PEP 503 normalised name, so `Foo_Bar` and `foo-bar` are one row. */
export const normalisePythonName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*/;
const CLAUSE = /^(===|==|~=|!=|>=|<=|>|<)\s*[A-Za-z0-9_.*+!-]+$/;

/**
 * Parses one requirement string; null when it is not one (an option, a path,
 * a URL without a name, prose). A bare `==X` is the version X, as pins are
 * shown; anything else keeps its operators.
 */
export function parsePep508(text: string): Requirement | null {
  const head = NAME.exec(text);
  if (!head?.[1]) return null;
  let rest = text.slice(head[0].length);
  let marker: string | null = null;
  const semicolon = rest.indexOf(';');
  if (semicolon !== -1) {
    marker = rest.slice(semicolon + 1).trim() || null;
    rest = rest.slice(0, semicolon);
  }
  rest = rest.trim();
  const extras = (head[2] ?? '').split(',').map((extra) => extra.trim()).filter((extra) => extra !== '');
  const base = { name: normalisePythonName(head[1]), extras, marker };
  if (rest.startsWith('@')) {
    const url = rest.slice(1).trim();
    return url ? { ...base, version: `@ ${url}` } : null;
  }
  const specifier = rest.replace(/^\(\s*|\s*\)$/g, '').replace(/\s+/g, '');
  if (specifier === '') return { ...base, version: UNPINNED };
  const clauses = specifier.split(',');
  if (!clauses.every((clause) => CLAUSE.test(clause))) return null;
  const pin = /^===?([^,*]+)$/.exec(specifier);
  return { ...base, version: pin?.[1] ?? specifier };
}
