import type { FileDiff } from '../model.js';
import { normaliseLine } from '../text/normaliseLine.js';
import { escapeRegExp } from '../text/regExp.js';

/**
 * What a fork renamed: whole paths (from git's rename detection, base →
 * fork), the directories those imply, and the names inside them. A fork that
 * renames its product (valkey from redis, `src/redis/` → `src/valkey/`,
 * `redisCommand` → `valkeyCommand`) still carries upstream's fixes and
 * tests, under other paths and identifiers; this is how they are recognised
 * there.
 */
export interface ForkRenames {
  /** Where a path (as upstream or the base has it) lives in the fork, in order of likelihood. */
  pathsFor(path: string): string[];
  /** A line as the fork would write it after its renames. */
  translate(line: string): string;
}

/** A normalised line as the fork would write it: renamed, then normalised again, the form the applied check and ports compare. */
export const asForkLine = (renames: ForkRenames, line: string): string => normaliseLine(renames.translate(line));

/** Renames learnt one at a time (a diff's renamed files as it streams): each call sees every pair learnt before it. */
export interface LearntRenames extends ForkRenames {
  /** One renamed path: where it is in the fork, and what it was called before (at the base, or upstream). */
  learn(forkPath: string, fromPath: string): void;
}

/** Shorter tokens (`db`, `io`) are too common to rewrite blindly. */
const MIN_TOKEN = 4;

const casings = (from: string, to: string): [string, string][] => {
  const title = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  return [
    [from, to],
    [from.toLowerCase(), to.toLowerCase()],
    [from.toUpperCase(), to.toUpperCase()],
    [title(from.toLowerCase()), title(to.toLowerCase())],
  ];
};

/**
 * From the fork's renames (fork path → its base path): directory renames
 * where every component but some differ, and name renames from the
 * components that differ (`kvstore` → `valdb`), split on `.`, `_` and `-`.
 * A name goes to what most renamed paths call it (the first pair learnt wins
 * a tie); a path or directory to the last pair that names it.
 */
export const forkRenames = (fromNames: ReadonlyMap<string, string>): ForkRenames => {
  const renames = learntRenames();
  for (const [forkPath, basePath] of fromNames) renames.learn(forkPath, basePath);
  return renames;
};

/**
 * A name and its negation or plural (`invalid-files/` → `valid-files/`,
 * `peer` → `peers`): a file moved to a sibling directory, not a product
 * renamed. Learnt, it rewrote every `TestParseConsole_invalid` upstream added
 * as the `TestParseConsole_valid` beside it (opentofu). A product's own
 * suffix is a rename: searx → searxng, pytube → pytubefix.
 */
const isAffixed = (word: string, to: string): boolean => {
  const [short, long] = word.length < to.length ? [word.toLowerCase(), to.toLowerCase()] : [to.toLowerCase(), word.toLowerCase()];
  return GRAMMAR_AFFIXES.some(([prefix, suffix]) => long === `${prefix}${short}${suffix}`);
};
const GRAMMAR_AFFIXES: readonly [string, string][] = [['in', ''], ['un', ''], ['non', ''], ['dis', ''], ['', 's'], ['', 'es']];

/** A pattern nothing matches: no token learnt yet. */
const NO_MATCH = /(?!)/;

/** The tokens as translate applies them, and one pattern that finds any of them. */
interface CompiledTokens {
  replacements: [string, string][];
  anyToken: RegExp;
}

/**
 * Longest first, so `redis-cli` is rewritten before `redis`. Most lines name
 * no token: one scan for any of them says so, where each token was a scan of
 * its own.
 */
const compileTokens = (tokens: ReadonlyMap<string, string>): CompiledTokens => {
  const replacements = [...tokens].sort(([a], [b]) => b.length - a.length);
  return { replacements, anyToken: replacements.length === 0 ? NO_MATCH : new RegExp(replacements.map(([from]) => escapeRegExp(from)).join('|')) };
};

/**
 * Per name, how many renamed paths gave it each new name, in the order the
 * new names were first seen. opentofu renamed terraform's
 * `.github/workflows/build-terraform-oss.yml` to `build-opentofu-oss.yml`
 * first in path order, and 761 paths `terraform` → `tofu` after it: had the
 * first pair won, every `TestApply_terraformEnv` would have been looked for
 * as `TestApply_opentofuEnv`.
 */
type Votes = Map<string, Map<string, number>>;

/** The new name most paths gave a name, the first seen of those tied; undefined before any. */
const tokensLeader = (names: ReadonlyMap<string, number>): string | undefined => {
  let chosen: string | undefined;
  let most = 0;
  for (const [name, count] of names) {
    if (count > most) {
      chosen = name;
      most = count;
    }
  }
  return chosen;
};

/** Each name's leading new name, in every casing (a casing an earlier name gave is kept). */
const tokensOf = (votes: Votes): Map<string, string> => {
  const tokens = new Map<string, string>();
  for (const [word, names] of votes) {
    const chosen = tokensLeader(names) ?? word;
    for (const [a, b] of casings(word, chosen)) if (!tokens.has(a)) tokens.set(a, b);
  }
  return tokens;
};

export const learntRenames = (): LearntRenames => {
  const directories = new Map<string, string>();
  const votes: Votes = new Map();
  const exact = new Map<string, string>();
  // What translate reads off the votes, worked out again only once they changed.
  let compiled: CompiledTokens | null = null;
  const learn = (forkPath: string, basePath: string): void => {
    exact.set(basePath, forkPath);
    const before = basePath.split('/');
    const after = forkPath.split('/');
    if (before.length !== after.length) return;
    // One vote per path for each pair it shows (`terraform/terraform.go` → `tofu/tofu.go` is one).
    const pairs = new Set<string>();
    before.forEach((component, index) => {
      const words = component.split(/[._-]/);
      const renamed = (after[index] ?? '').split(/[._-]/);
      if (words.length !== renamed.length) return;
      words.forEach((word, at) => {
        const to = renamed[at] ?? '';
        if (word !== to && word.length >= MIN_TOKEN && to.length > 0 && !/^\d+$/.test(word) && !isAffixed(word, to)) pairs.add(`${word}/${to}`);
      });
    });
    // A rename changes one name, in as many places as it likes. A path that changes more is two files
    // alike in content that git paired: opentofu's testdata `…/hashicorp/null/2.0.0/darwin_amd64/terraform-provider-null`
    // → `…/-/legacy/1.0.0/linux_amd64/terraform-provider-legacy` taught `IsNull` → `IsLegacy` and `darwin` → `linux`.
    if (pairs.size > 1) return;
    // The deepest directory that differs, renamed as a whole.
    for (let depth = before.length - 1; depth > 0; depth -= 1) {
      const from = before.slice(0, depth).join('/');
      const to = after.slice(0, depth).join('/');
      if (from !== to) {
        directories.set(`${from}/`, `${to}/`);
        break;
      }
    }
    for (const pair of pairs) {
      const [word = '', to = ''] = pair.split('/');
      const names = votes.get(word) ?? new Map<string, number>();
      const leader = tokensLeader(names);
      votes.set(word, names.set(to, (names.get(to) ?? 0) + 1));
      // Translations change only with a name's leader: most renames of a big fork repeat one pair.
      if (tokensLeader(names) !== leader) compiled = null;
    }
  };
  const translate = (line: string): string => {
    const { replacements, anyToken } = (compiled ??= compileTokens(tokensOf(votes)));
    if (!anyToken.test(line)) return line;
    let text = line;
    for (const [from, to] of replacements) if (text.includes(from)) text = text.split(from).join(to);
    return text;
  };
  const byDirectory = (path: string): string | null => {
    const match = [...directories.keys()].filter((prefix) => path.startsWith(prefix)).sort((a, b) => b.length - a.length)[0];
    return match === undefined ? null : `${directories.get(match) ?? ''}${path.slice(match.length)}`;
  };
  return {
    learn,
    pathsFor: (path) => [...new Set([exact.get(path), path, byDirectory(path), translate(path)].filter((each): each is string => typeof each === 'string'))],
    translate,
  };
};

/** Learns the files a diff shows renamed (upstream's path → the fork's). */
export const learnRenamedFiles = (renames: LearntRenames, files: readonly FileDiff[]): void => {
  for (const file of files) if (file.status === 'renamed' && file.oldPath !== null) renames.learn(file.path, file.oldPath);
};
