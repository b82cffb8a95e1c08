import { GITLINK_MODE } from '../gitlink.js';
import type { FileDiff } from '../model.js';
import type { NoticeSink } from './notices.js';
import { decodePathField, isQuoted, readQuotedPath } from './quotedPath.js';
import { type Prefixes, prefixesFromPair, splitGitLineNames, stripPrefix } from './prefixes.js';

/**
 * The extended header of one file section (git-diff(1), "Generating patch text
 * with -p"): everything between `diff --git` and the first `@@`. parse-diff
 * loses names on binary, mode-only and rename sections and keeps custom
 * prefixes, so this is parsed here.
 */
export type SectionHeader = Pick<FileDiff, 'path' | 'oldPath' | 'status' | 'isBinary' | 'oldMode' | 'newMode' | 'similarity'>;

interface RawNames {
  gitLine: [string, string] | null;
  minus: string | null;
  plus: string | null;
  renameFrom: string | null;
  renameTo: string | null;
  binary: [string, string] | null;
}

const DEV_NULL = '/dev/null';

const GITLINK_INDEX = ` ${GITLINK_MODE}`;

export function parseHeader(lines: readonly string[], context: { prefixes: Prefixes | null; notices?: NoticeSink }): SectionHeader {
  const names: RawNames = { gitLine: null, minus: null, plus: null, renameFrom: null, renameTo: null, binary: null };
  const header: Omit<SectionHeader, 'path' | 'oldPath'> = {
    status: 'modified', isBinary: false, oldMode: null, newMode: null, similarity: null,
  };
  for (const line of lines) {
    if (line.startsWith('diff --git ')) names.gitLine = splitGitLine(line.slice(11), context.prefixes);
    else if (line.startsWith('new file mode ')) { header.status = 'added'; header.newMode = line.slice(14); }
    else if (line.startsWith('deleted file mode ')) { header.status = 'deleted'; header.oldMode = line.slice(18); }
    else if (line.startsWith('old mode ')) header.oldMode = line.slice(9);
    else if (line.startsWith('new mode ')) header.newMode = line.slice(9);
    else if (line.startsWith('similarity index ')) header.similarity = readSimilarity(line, context.notices);
    else if (line.startsWith('index ') && line.endsWith(GITLINK_INDEX)) {
      // A submodule both sides pin: `index <old>..<new> 160000`, the one place its mode is written.
      header.oldMode ??= GITLINK_MODE;
      header.newMode ??= GITLINK_MODE;
    }
    else if (line.startsWith('rename from ') || line.startsWith('copy from ')) {
      header.status = line.startsWith('rename') ? 'renamed' : 'copied';
      names.renameFrom = decodePathField(line.slice(line.indexOf(' from ') + 6)) || null;
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      names.renameTo = decodePathField(line.slice(line.indexOf(' to ') + 4)) || null;
    } else if (line.startsWith('--- ')) names.minus = decodePathField(line.slice(4));
    else if (line.startsWith('+++ ')) names.plus = decodePathField(line.slice(4));
    else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
      header.isBinary = true;
      names.binary ??= splitBinaryLine(line);
    }
  }
  if (names.minus === DEV_NULL) header.status = 'added';
  if (names.plus === DEV_NULL) header.status = 'deleted';
  const detected = context.prefixes ?? detectPrefixes(names);
  const prefixes = detected ?? { src: '', dst: '' };
  const oldName = names.renameFrom ?? stripPrefix(pick(names.minus, names.binary?.[0], names.gitLine?.[0]), prefixes.src);
  const newName = names.renameTo ?? stripPrefix(pick(names.plus, names.binary?.[1], names.gitLine?.[1]), prefixes.dst);
  const path = header.status === 'deleted' ? oldName : newName;
  const oldPath = header.status === 'renamed' || header.status === 'copied' ? oldName : null;
  // A section with no name (it is left out) says nothing about the prefixes of the rest.
  if (path !== '') context.prefixes = detected;
  return { ...header, path, oldPath };
}

/** The first name that is known and is not /dev/null; '' when none is (the caller skips such a section). */
const pick = (...candidates: (string | null | undefined)[]): string =>
  candidates.find((name): name is string => typeof name === 'string' && name !== '' && name !== DEV_NULL) ?? '';

/** `similarity index 87%`: a percentage, or null with a notice when the line says something else. */
function readSimilarity(line: string, notices: NoticeSink | undefined): number | null {
  const match = /^similarity index (\d{1,3})%$/.exec(line);
  const value = match ? Number(match[1]) : NaN;
  if (value >= 0 && value <= 100) return value;
  notices?.push(`ignored "${line.slice(0, 60)}": not a percentage from 0 to 100`);
  return null;
}

function splitGitLine(rest: string, prefixes: Prefixes | null): [string, string] | null {
  if (!isQuoted(rest) && !rest.includes('"')) return splitGitLineNames(rest, prefixes);
  const first = isQuoted(rest) ? readQuotedPath(rest) : null;
  const source = first ? first.path : rest.slice(0, rest.lastIndexOf(' "'));
  const remainder = (first ? first.rest : rest.slice(source.length)).trimStart();
  return [source, decodePathField(remainder)];
}

function splitBinaryLine(line: string): [string, string] | null {
  const match = /^Binary files (.+) and (.+) differ$/.exec(line);
  return match ? [decodePathField(match[1] as string), decodePathField(match[2] as string)] : null;
}

/** Prefixes from the first names that must denote the same path. */
function detectPrefixes(names: RawNames): Prefixes | null {
  const { minus, plus, gitLine, renameFrom, renameTo } = names;
  if (renameFrom && renameTo && gitLine) {
    const [source, destination] = gitLine;
    if (source.endsWith(renameFrom) && destination.endsWith(renameTo)) {
      return { src: source.slice(0, source.length - renameFrom.length), dst: destination.slice(0, destination.length - renameTo.length) };
    }
    return null;
  }
  if (minus && plus && minus !== DEV_NULL && plus !== DEV_NULL) return prefixesFromPair(minus, plus);
  return gitLine ? prefixesFromPair(gitLine[0], gitLine[1]) : null;
}
