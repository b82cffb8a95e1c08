// Version ranges: PEP 440 specifiers (https://packaging.python.org/en/latest/specifications/version-specifiers/),
// npm / Cargo / Poetry ranges (`^1.2`, `~1.2`, `>=1 <2`, https://python-poetry.org/docs/dependency-specification/).
import semver from 'semver';

/** Does the value state a range rather than one version (`>=2.19`, `^1.2`, `~=2.5`, `>=2.5,<3`, `1.*`)? */
export const isRange = (version: string): boolean =>
  /^(?:[\^~<>]|!=)/.test(version.trim()) || /[<>*,|]|\s-\s|(?:^|\.)[xX*](?:\.|$)/.test(version.trim());

/** PEP 440 operators whose version is a lower bound of the range: `~=2.5`, `>=2.5`, `>2.5`, `==2.5.*`. */
const PEP440_CLAUSE = /^\s*(~=|===|==|>=|>)\s*v?([0-9][^\s,;]*)\s*$/;

/**
 * The lowest version a PEP 440 specifier set (`>=2.5,<2.61`, `!=2.0,>=2.1`)
 * allows, read from its lower-bound clauses; null without one. Pre- and
 * post-release tags are dropped: only the release numbers are compared.
 */
export function pep440LowerBound(specifier: string): semver.SemVer | null {
  let lowest: semver.SemVer | null = null;
  for (const clause of specifier.split(',')) {
    const match = PEP440_CLAUSE.exec(clause);
    if (!match?.[2]) continue;
    const bound = semver.coerce(match[2].replace(/\.\*$/, ''), { loose: true });
    if (bound && (lowest === null || semver.gt(bound, lowest))) lowest = bound;
  }
  return lowest;
}

/** Is this a PEP 440 specifier set rather than an npm/Cargo/Poetry range? */
export const isPep440 = (version: string): boolean => /,|~=|!=|===|==/.test(version);

/** The lowest version an npm, Cargo or Poetry range allows (`^1.2` → 1.2.0, `>=3.0.0` → 3.0.0); null when it is none. */
export function rangeLowerBound(range: string): semver.SemVer | null {
  if (isPep440(range)) return pep440LowerBound(range);
  // Cargo and Poetry write `>=1.2, <2` too, which the PEP 440 branch reads; semver wants spaces.
  if (!semver.validRange(range, { loose: true })) return null;
  return semver.minVersion(range, { loose: true });
}
