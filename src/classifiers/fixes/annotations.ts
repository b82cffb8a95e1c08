// Python type annotations: what a typing commit adds (or a fork strips), which changes no behaviour.
import { oncePer } from '../../multiMap.js';
import { reflowedLines, squeeze } from './reflowed.js';

/** Python source, where annotations are hints the interpreter does not act on. */
export const isPythonPath = (path: string): boolean => /\.pyi?$/.test(path);

const DEF = /^(?:async )?def [A-Za-z_]\w*\s?\(/;
/** `self.timeout: float = 30`, `count: int = 0`: a name (or attribute) annotated, then assigned. */
const ANNOTATED_TARGET = /^[A-Za-z_][\w.]*\s?:\s?/;
/** Statements that end in `:` or start with a keyword, whose colon is not an annotation's. */
const KEYWORD = /^(?:if|elif|else|while|for|try|except|finally|with|class|lambda|return|yield|case|match|assert|raise|del|global|nonlocal|import|from|print)\b/;

/** Where a def's signature is, as its lines are read in turn: outside one, or this deep in its brackets. */
export interface SignatureState {
  /** Bracket depth inside the def's parameter list (0: outside it). */
  depth: number;
  /** Past the parameter list, before the signature's closing `:` (a return annotation may follow). */
  isAfterParameters: boolean;
}

export const OUTSIDE_SIGNATURE: SignatureState = { depth: 0, isAfterParameters: false };

/**
 * A normalised Python line without its type annotations, and where the
 * signature it may be part of stands after it. A def's parameters lose
 * theirs (`coro: Hook[CogT, ContextT]` → `coro`, a default kept), and so
 * does its return (`-> None`); a lone `/` (positional-only marker) goes
 * too. An annotated assignment loses its annotation
 * (`self.available: bool = data.get(...)` → `self.available = data.get(...)`).
 * Other lines come back as they are.
 */
export function withoutAnnotations(text: string, state: SignatureState): { text: string; state: SignatureState } {
  if (state.depth === 0 && !state.isAfterParameters) {
    const def = DEF.exec(text);
    if (def) return stripSignature(text, def[0].length, { depth: 1, isAfterParameters: false }, text.slice(0, def[0].length));
    return { text: withoutAssignmentAnnotation(text), state };
  }
  return stripSignature(text, 0, state, '');
}

function withoutAssignmentAnnotation(text: string): string {
  const target = ANNOTATED_TARGET.exec(text);
  if (!target || KEYWORD.test(text) || text.endsWith(':') || text.endsWith(',')) return text;
  // The annotation runs to ` = ` outside brackets and strings; a bare annotation (no value) is left alone.
  let depth = 0;
  let quote: string | null = null;
  for (let index = target[0].length; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth -= 1;
    else if (char === '=' && depth === 0 && text[index + 1] !== '=' && !'<>!='.includes(text[index - 1] ?? '')) {
      return `${text.slice(0, target[0].length).replace(/\s?:\s?$/, '')} ${text.slice(index)}`;
    }
  }
  return text;
}

/** The signature text from `from` on, annotations cut, after `kept` (what came before, as it was). */
function stripSignature(text: string, from: number, start: SignatureState, kept: string): { text: string; state: SignatureState } {
  let { depth, isAfterParameters } = start;
  let out = kept;
  let quote: string | null = null;
  // Inside a parameter's annotation: skipped up to the `,`, `=` or `)` that ends it at the parameter list's own depth.
  let isAnnotation = false;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index] as string;
    if (quote) {
      if (!isAnnotation) out += char;
      if (char === '\\') {
        if (!isAnnotation) out += text[index + 1] ?? '';
        index += 1;
      } else if (char === quote) quote = null;
      continue;
    }
    if (isAfterParameters) {
      // `-> X` up to the signature's closing `:`.
      if (char === '-' && text[index + 1] === '>') {
        const colon = text.lastIndexOf(':');
        index = colon > index ? colon - 1 : text.length;
        out = out.trimEnd();
        continue;
      }
      out += char;
      if (char === ':') return { text: out, state: OUTSIDE_SIGNATURE };
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) {
      depth -= 1;
      if (depth === 0) {
        isAnnotation = false;
        isAfterParameters = true;
        out = out.replace(/,?\s?\/\s?$/, '').replace(/\s$/, '');
        out += char;
        continue;
      }
    }
    if (depth === 1 && !quote) {
      if (char === ':' && !isAnnotation) {
        isAnnotation = true;
        continue;
      }
      if (isAnnotation && (char === ',' || char === '=')) {
        isAnnotation = false;
        out = out.replace(/\s$/, '');
        if (char === '=') out += ' ';
      }
    }
    if (!isAnnotation) out += char;
  }
  // A lone `/` parameter on its own (a signature over several lines).
  if (depth >= 1) out = out.replace(/(^|,\s?)\/,?$/, '').replace(/,\s?\/,?$/, ',');
  return { text: out, state: { depth, isAfterParameters } };
}

/**
 * Which `-` lines of a Python hunk the fork has without their annotations.
 * A def's signature that the hunk removes whole counts whole (its lines
 * joined, whitespace aside): it is one of the fork's lines, or runs on
 * inside the hunk's `+` lines (a signature over three lines upstream is often
 * one in the fork). Any other annotated line, one of a signature whose def
 * line both sides kept among them, counts when, stripped, it is one of the
 * fork's lines or re-flowed into its `+` lines (reflowed.ts). nextcord
 * carries discord.py's code with the annotations taken out, so every typing
 * commit upstream read as a missing fix.
 *
 * `upstream` is the hunk's lines in order as upstream has them (context and
 * `-` lines normalised, null for `+` lines): a context line can open the
 * signature a `-` line continues. `removed` says which are `-` lines (their
 * text, null for the others), `forkOnly` is the hunk's `+` lines and
 * `forkLines` the file's.
 */
export function unannotatedLines(
  upstream: readonly (string | null)[], removed: readonly (string | null)[], forkOnly: readonly string[], forkLines: ReadonlySet<string>,
): Set<number> {
  const found = new Set<number>();
  const { lines: stripped, signatures } = stripAll(upstream);
  const isChanged = (index: number): boolean => removed[index] !== null && removed[index] !== undefined && stripped[index] !== upstream[index];
  if (!stripped.some((_, index) => isChanged(index))) return found;
  const forkStripped = stripAll(forkOnly).lines.map((line) => line ?? '');
  const hunkSqueezed = forkStripped.map(squeeze);
  const fileSqueezed = strippedLinesOf(forkLines);
  const hunkLines = new Set(hunkSqueezed);
  const isForkLine = (text: string): boolean => fileSqueezed.has(text) || hunkLines.has(text);
  const stream = hunkSqueezed.join('');
  const wholes = signatures.filter(({ from, to }) => removed.slice(from, to + 1).every((text) => text !== null && text !== undefined));
  for (const { from, to } of wholes) {
    const joined = squeeze(stripped.slice(from, to + 1).join(''));
    if (isForkLine(joined) || stream.includes(joined)) for (let index = from; index <= to; index += 1) found.add(index);
  }
  const reflowed = reflowedLines(stripped.map((text, index) => (removed[index] === null ? null : text)), forkStripped);
  stripped.forEach((text, index) => {
    if (text === null || !isChanged(index) || isInSpan(wholes, index)) return;
    if (isForkLine(squeeze(text)) || reflowed.has(index)) found.add(index);
  });
  return found;
}

/** The file's fork lines stripped and squeezed, once per file (every hunk of it asks). */
const strippedLinesOf = oncePer((forkLines: ReadonlySet<string>): ReadonlySet<string> =>
  new Set([...forkLines].map((line) => squeeze(withoutAnnotations(line, OUTSIDE_SIGNATURE).text))));

interface Span {
  from: number;
  to: number;
}

const isInSpan = (spans: readonly Span[], index: number): boolean => spans.some(({ from, to }) => from <= index && index <= to);

/**
 * Each line stripped in turn, a signature's state carried from one line to
 * the next (null lines pass it on), and where each def's signature starts and ends.
 */
function stripAll(lines: readonly (string | null)[]): { lines: (string | null)[]; signatures: Span[] } {
  let state = OUTSIDE_SIGNATURE;
  const signatures: Span[] = [];
  let from = -1;
  const stripped = lines.map((line, index) => {
    if (line === null) return null;
    const isOutside = state.depth === 0 && !state.isAfterParameters;
    const next = withoutAnnotations(line, state);
    if (isOutside && DEF.test(line)) from = index;
    state = next.state;
    if (from !== -1 && state.depth === 0 && !state.isAfterParameters) {
      signatures.push({ from, to: index });
      from = -1;
    }
    return next.text;
  });
  return { lines: stripped, signatures };
}

