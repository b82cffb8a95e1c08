// requirements files (https://pip.pypa.io/en/stable/reference/requirements-file-format/)
// and PEP 508 strings in pyproject.toml `dependencies = [...]`.
import type { Hunk } from '../../model.js';
import { changedLines } from '../common/lines.js';
import type { DependencyEntry } from './types.js';

const REQUIREMENT = /^\s*"?([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(?:(===|==|~=|!=|>=|<=|>|<)\s*([^\s;#,"]+))?/;
/** Lines of a requirements file that are options, includes or URLs, not requirements. */
const NOT_A_REQUIREMENT = /^\s*(-|#|$|https?:|git\+|\.|\/)/;

/** PEP 503 normalised name, so `Foo_Bar` and `foo-bar` are one row. */
export const normalisePythonName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** `name==1.2.3`, `name>=1.0`, or a bare `name` (unpinned). */
export function parseRequirement(line: string): { name: string; version: string; note?: string } | null {
  if (NOT_A_REQUIREMENT.test(line)) return null;
  const match = REQUIREMENT.exec(line);
  if (!match) return null;
  const [, name = '', , operator, version] = match;
  if (!operator || !version) return { name: normalisePythonName(name), version: '(unpinned)' };
  return { name: normalisePythonName(name), version: operator === '==' || operator === '===' ? version : `${operator}${version}` };
}

export function requirementsEntries(hunk: Hunk): DependencyEntry[] {
  return changedLines(hunk).flatMap(({ content, tip, line }): DependencyEntry[] => {
    const parsed = parseRequirement(content);
    return parsed ? [{ ...parsed, side: tip, line }] : [];
  });
}

/** Quoted PEP 508 strings inside `dependencies = [ ... ]` arrays of pyproject.toml. */
export function pep508ArrayEntries(hunk: Hunk): DependencyEntry[] {
  return changedLines(hunk).flatMap(({ content, tip, line }): DependencyEntry[] => {
    if (!/^\s*"[^"]+"\s*,?\s*$/.test(content)) return [];
    const parsed = parseRequirement(content.trim().replace(/^"|",?$/g, ''));
    return parsed ? [{ ...parsed, side: tip, line }] : [];
  });
}
