import type { Hunk } from '../../model.js';
import { changedLines } from '../common/lines.js';

/** A file a CI script fetches from a place one side moved: `check_mr_settings.py` from another owner's copy. */
export interface MovedDownload {
  /** The fetched file or repository (`check_mr_settings.py`, `ci-common`). */
  name: string;
  /** Host and owner each tip fetches it from: `gitlab.com/postmarketOS`. */
  upstream: string;
  fork: string;
  lines: { upstream: number[]; fork: number[] };
}

/** Commands that fetch what the job then runs or installs. */
const FETCH = /\b(?:curl|wget|git\s+clone|git\s+submodule\s+add|pip3?\s+install|Invoke-WebRequest|iwr|Start-BitsTransfer)\b/;
const URL = /\bhttps?:\/\/[^\s'"`<>()]+/g;

/**
 * What a URL fetches (its last path segment, `.git` dropped) and from where
 * (host, without credentials or port, and first path segment).
 */
function readUrl(url: string): { name: string; source: string } | null {
  // `https:`, '', host, owner, …, name: `https://host/owner` names no file.
  const [, , host = '', owner = '', ...rest] = url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/');
  const name = (rest.at(-1) ?? '').replace(/\.git$/, '');
  if (name === '' || owner === '') return null;
  return { name, source: `${host.replace(/^[^@]*@/, '').replace(/:\d+$/, '').toLowerCase()}/${owner}` };
}

/**
 * Files a hunk's fetch commands get from another host or owner on each tip,
 * paired by what they fetch: the URL's file (or repository) name. A version
 * bump inside the same host and owner is no move.
 */
export function movedDownloads(hunk: Hunk): MovedDownload[] {
  const seen = { upstream: new Map<string, { source: string; line: number }>(), fork: new Map<string, { source: string; line: number }>() };
  for (const { content, tip, line } of changedLines(hunk)) {
    if (!FETCH.test(content)) continue;
    for (const url of content.match(URL) ?? []) {
      const read = readUrl(url);
      if (read && !seen[tip].has(read.name)) seen[tip].set(read.name, { source: read.source, line });
    }
  }
  const moved: MovedDownload[] = [];
  for (const [name, upstream] of seen.upstream) {
    const fork = seen.fork.get(name);
    if (!fork || fork.source === upstream.source) continue;
    moved.push({ name, upstream: upstream.source, fork: fork.source, lines: { upstream: [upstream.line], fork: [fork.line] } });
  }
  return moved;
}
