// TypeScript's declarations of types: checked when the code compiles, gone when it runs. A fork without
// upstream's `className?: string;` lacks no behaviour: incusui's report read the props a fix commit added
// to a component's `interface Props` as a missing fix, and `export type LoadingTypes =` against the fork's
// `type LoadingTypes =` as another.

/** TypeScript source (declaration files, types alone, are left out of reverted-fixes whole). */
export const isTypeScriptPath = (path: string): boolean => /\.(?:[cm]?ts|tsx)$/.test(path);

/** `interface Props {`, `export interface A<T> extends B {`, `type Mode = "a" | "b";`, `export type LoadingTypes =`. */
const HEAD = /^(?:export )?(?:declare )?(?:interface [\w$]+\b|type [\w$]+(?:<.*>)? ?=)/;

/** Modifiers a class's field or an interface's member may carry. */
const MODIFIERS = '(?:(?:public|private|protected|readonly|declare|static|abstract|override) )*';
/** A member's name: `id`, `"aria-label"`, `[key: string]` (an index signature). */
const NAME = '(?:[\\w$]+|([\'"])[^\'"]*\\1|\\[[\\w$]+ ?: ?[^\\]]+\\])';

/** The `;` that ends a declaration, and a `//` comment after it. */
const END = ';(?: ?//.*)?$';
/** A member declared without a value: `className?: string;`, `onClose?: () => void;`, `private cache!: Map<string, T>;`. */
const MEMBER = new RegExp(`^${MODIFIERS}${NAME}\\??!? ?: ?(.+?)${END}`);
/** A method declared without a body: `getName(): string;`, `on(event: string, cb: Handler): void;` (no calls inside). */
const METHOD = new RegExp(`^${MODIFIERS}[\\w$]+\\??(?:<[^()]*>)? ?\\([^()]*\\) ?: ?([^()]+?)${END}`);

/** Statements whose first word and colon look like a member's name and type: `default: return null;`. */
const STATEMENT = /^(?:default|case|return|else|do|try|finally)\b/;
/** An assignment (not `=>`, `==`, `!=`, `<=`, `>=`): a field with a value, which runs. */
const ASSIGNS = /(?<![=!<>])=(?![=>])/;

/**
 * Whether a normalised line of a TypeScript file only declares a type: the
 * head of an interface or a type alias, or a member or method declared
 * without a value or body, ended by `;` and perhaps a `//` comment (an
 * object literal's entries end with `,`; an initialised field assigns, and
 * runs). A type alias's
 * continuation (`| "Migrating"`) is left alone: it reads the same as an
 * expression's.
 */
export function isTypeOnlyLine(text: string): boolean {
  if (HEAD.test(text)) return true;
  if (STATEMENT.test(text)) return false;
  const member = MEMBER.exec(text) ?? METHOD.exec(text);
  return member !== null && !ASSIGNS.test(member[member.length - 1] ?? '');
}
