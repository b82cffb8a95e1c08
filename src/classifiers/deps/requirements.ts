// requirements files (https://pip.pypa.io/en/stable/reference/requirements-file-format/): one PEP 508
// requirement per logical line, `\` continuations, `#` comments, options and per-requirement `--hash=`.
import type { SideLine } from '../common/lines.js';
import { parsePep508 } from './pep508.js';
import type { DependencyEntry } from './types.js';

/** Lines that are options (`-r`, `-e`, `--index-url`), paths or bare URLs: no named requirement. */
const NOT_A_REQUIREMENT = /^(-|\.|\/|[a-z][a-z0-9+.-]*:\/\/|git\+)/i;
/** Options pip allows after a requirement on its line. */
const REQUIREMENT_OPTION = /\s+--(?:hash|global-option|install-option|config-settings)(?:=|\s+)\S+/g;

/** Physical lines joined where a line ends in `\`, each logical line with its first line and whether any part changed. */
function logicalLines(lines: readonly SideLine[]): SideLine[] {
  const joined: SideLine[] = [];
  let open: SideLine | null = null;
  for (const { content, line, isChanged } of lines) {
    const continues = /\\$/.test(content);
    const text = content.replace(/\\$/, ' ');
    if (open) {
      open.content += text;
      open.isChanged ||= isChanged;
    } else {
      open = { content: text, line, isChanged };
    }
    if (!continues) {
      joined.push(open);
      open = null;
    }
  }
  if (open) joined.push(open);
  return joined;
}

/** The requirement a logical line states, with its marker as the entry's note. */
export function parseRequirementLine(content: string): { name: string; version: string; note?: string } | null {
  // A comment starts a line or follows whitespace (`pkg==1  # why`); `#` inside a URL fragment is no comment.
  const text = content.replace(/(^|\s)#.*$/, '').replace(REQUIREMENT_OPTION, '').trim();
  if (text === '' || NOT_A_REQUIREMENT.test(text)) return null;
  const requirement = parsePep508(text);
  if (!requirement) return null;
  return requirement.marker ? { name: requirement.name, version: requirement.version, note: requirement.marker } : { name: requirement.name, version: requirement.version };
}

/** Requirements of one side's lines (a hunk's view, or the whole file). */
export function requirementsSideEntries(lines: readonly SideLine[], side: 'upstream' | 'fork'): DependencyEntry[] {
  return logicalLines(lines).flatMap(({ content, line, isChanged }): DependencyEntry[] => {
    const parsed = parseRequirementLine(content);
    if (!parsed) return [];
    return [{ ...parsed, side, line, ...(isChanged ? {} : { isContext: true }) }];
  });
}
