/**
 * The prefixes a diff was made with (`a/` and `b/` by default; the nightly job
 * used `--src-prefix=upstream/v0.11/ --dst-prefix=origin/v0.11/`), found from
 * the first file whose two names are known to be the same path.
 */
export interface Prefixes {
  src: string;
  dst: string;
}

/** A segment after the differing one that still belongs to the prefix: a ref name like `v0.11`, `main`. */
const REF_LIKE_SEGMENT = /^(v?\d+(\.[\dx*]+)*([-.+][\w.]+)?|main|master|trunk|develop|HEAD|(release|stable|releases)[-/._]?[\w.]*)$/i;

/**
 * Given the two names of one unchanged path (`upstream/v0.11/go.mod` and
 * `origin/v0.11/go.mod`), splits off the prefixes: through the first segment
 * where they differ, plus following identical segments that read as ref names.
 */
export function prefixesFromPair(source: string, destination: string): Prefixes | null {
  if (source === destination) return { src: '', dst: '' };
  const sourceParts = source.split('/');
  const destinationParts = destination.split('/');
  let differing = 0;
  while (differing < sourceParts.length && sourceParts[differing] === destinationParts[differing]) differing += 1;
  let end = differing + 1;
  while (
    end < sourceParts.length - 1 &&
    sourceParts[end] === destinationParts[end] &&
    REF_LIKE_SEGMENT.test(sourceParts[end] as string)
  ) {
    end += 1;
  }
  const src = `${sourceParts.slice(0, end).join('/')}/`;
  const dst = `${destinationParts.slice(0, end).join('/')}/`;
  if (end >= sourceParts.length || end >= destinationParts.length) return null;
  if (source.slice(src.length) !== destination.slice(dst.length)) return null;
  return { src, dst };
}

/**
 * `diff --git X Y` with unquoted names cannot be split at a space in general;
 * try each space and keep the first split whose halves name the same path.
 */
export function splitGitLineNames(rest: string, known: Prefixes | null): [string, string] | null {
  for (let space = rest.indexOf(' '); space !== -1; space = rest.indexOf(' ', space + 1)) {
    const source = rest.slice(0, space);
    const destination = rest.slice(space + 1);
    if (known) {
      if (
        source.startsWith(known.src) &&
        destination.startsWith(known.dst) &&
        source.slice(known.src.length) === destination.slice(known.dst.length)
      ) {
        return [source, destination];
      }
    } else if (prefixesFromPair(source, destination)) {
      return [source, destination];
    }
  }
  return null;
}

export const stripPrefix = (path: string, prefix: string): string =>
  prefix !== '' && path.startsWith(prefix) ? path.slice(prefix.length) : path;
