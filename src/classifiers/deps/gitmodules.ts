// .gitmodules (gitmodules(5)): where each submodule is fetched from. A fork that fetches a library
// from its own mirror or fork of it carries that, whatever commit it pins.
import type { FileDiff, Finding } from '../../model.js';
import { createFinding } from '../common/finding.js';
import { sideView, wholeView } from '../common/lines.js';
import type { SideLine } from '../common/lines.js';
import { locate } from '../common/location.js';
import { readWholeFiles } from '../common/wholeFiles.js';
import { describeChange } from '../common/wording.js';
import type { ClassifyContext } from '../define.js';

export const isGitmodulesPath = (path: string): boolean => path === '.gitmodules';

const SECTION = /^\s*\[submodule\s+"((?:[^"\\]|\\.)*)"\s*\]\s*$/;
const URL = /^\s*url\s*=\s*(.*?)\s*$/i;

/** A submodule's url as one side states it, and the line it is on. */
interface Url {
  url: string;
  line: number;
}

/**
 * The url of each submodule (by its name) in one side's lines. A url before
 * any section header (a hunk that starts inside a section) belongs to no
 * known submodule and is left out.
 */
export function urlsOf(lines: readonly SideLine[]): Map<string, Url> {
  const urls = new Map<string, Url>();
  let name: string | null = null;
  for (const { content, line } of lines) {
    const section = SECTION.exec(content);
    if (section) {
      name = section[1] ?? null;
      continue;
    }
    // Another section kind (gitmodules(5) has only submodule sections, but git config syntax allows any).
    if (/^\s*\[/.test(content)) name = null;
    const url = URL.exec(content)?.[1];
    if (name !== null && url !== undefined) urls.set(name, { url, line });
  }
  return urls;
}

/**
 * One row per submodule both tips fetch from different urls: `fork changed
 * the url of submodule lib/zlib https://… → https://…`. A submodule one tip
 * lacks is its gitlink's row (submodule.ts). Whole files in git mode; the
 * hunks, where they show the section, without history.
 */
export async function gitmodulesRows(file: FileDiff, context: ClassifyContext): Promise<Finding[]> {
  const whole = await readWholeFiles(file, context);
  const views = (side: 'upstream' | 'fork'): SideLine[][] => (whole ? [wholeView(whole[side])] : file.hunks.map((hunk) => sideView(hunk, side)));
  const read = (side: 'upstream' | 'fork'): Map<string, Url> => new Map(views(side).flatMap((lines) => [...urlsOf(lines)]));
  const upstream = read('upstream');
  const fork = read('fork');
  const rows: Finding[] = [];
  for (const [name, ours] of fork) {
    const theirs = upstream.get(name);
    if (theirs === undefined || theirs.url === ours.url) continue;
    const at = locate(file, context, { upstream: [theirs.line], fork: [ours.line] });
    rows.push(createFinding({
      category: 'vendored-deps',
      kind: 'submodule-url',
      path: file.path,
      message: describeChange({ subject: `the url of submodule ${name}`, upstream: theirs.url, fork: ours.url, side: at.side, isVersioned: false }),
      identity: ['submodule-url', name, theirs.url, ours.url],
      ...at,
      confidence: 'high',
      details: { module: name, ecosystem: 'submodule', upstream: theirs.url, fork: ours.url, direction: 'changed', source: '.gitmodules' },
    }));
  }
  return rows;
}
