import { LineCounter, isScalar, parseDocument, visit } from 'yaml';
import type { Node } from 'yaml';
import { ForkdiffError } from '../errors.js';

/**
 * `.forkdiff.yml` text → data, at a bounded cost. The file comes from the
 * fork's repository (a pull request can change it), and the `yaml` parser
 * slows down badly on some shapes: a few hundred KB of repeated anchors or
 * tags on one node took minutes, nesting tens of thousands of `[` deep took
 * seconds, its duplicate-key check is quadratic in the keys of a mapping,
 * and broken input costs it a stack trace and an excerpt per error. A config is small and flat, so such shapes are refused before
 * parsing, duplicate keys are checked here in one pass, and aliases cannot
 * expand a document beyond a few levels.
 */
const MAX_FLOW_DEPTH = 64;
const MAX_NODE_PROPERTIES = 1000; // anchors, aliases and tags together
const MAX_ALIAS_COUNT = 100;

export function parseConfigYaml(text: string, file: string): unknown {
  assertCheapToParse(text, file);
  const lineCounter = new LineCounter();
  // Broken YAML gives an error per token. Each one cost a stack trace and a
  // "pretty" excerpt of its (possibly 200 KB) line: 64 KiB of `]` took 11 s.
  // Positions are worked out below for the first error only.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let document: ReturnType<typeof parseDocument>;
  try {
    document = parseDocument(text, { uniqueKeys: false, prettyErrors: false, lineCounter });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  const where = (offset: number | undefined): string => {
    if (offset === undefined) return '';
    const { line, col } = lineCounter.linePos(offset);
    return `line ${line}, column ${col}: `;
  };
  const [error] = document.errors;
  if (error) {
    const what = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
    throw new ForkdiffError(`${file}: ${where(error.pos[0])}invalid YAML: ${what}`);
  }
  const duplicate = firstDuplicateKey(document);
  if (duplicate) throw new ForkdiffError(`${file}: ${where(duplicate.range?.[0])}invalid YAML: Map keys must be unique`);
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    // e.g. an alias to an anchor that is never defined, or aliases that expand too far
    const what = cause instanceof Error ? cause.message : String(cause);
    throw new ForkdiffError(`${file}: invalid YAML: ${what.split('\n')[0]}`);
  }
}

/** A linear scan for the shapes that make the parser slow; brackets and `&*!` inside quotes count too, which only errs on the safe side. */
function assertCheapToParse(text: string, file: string): void {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x5b || code === 0x7b) depth += 1; // [ {
    else if ((code === 0x5d || code === 0x7d) && depth > 0) depth -= 1; // ] }
    if (depth > MAX_FLOW_DEPTH) {
      throw new ForkdiffError(`${file}: YAML nested more than ${MAX_FLOW_DEPTH} levels deep in [ ] or { }: a config never is (is it the right file?)`);
    }
  }
  const property = /(?:^|[\s[{,])[&*!][^\s,\]}]/g;
  for (let properties = 0; property.exec(text) !== null; ) {
    properties += 1;
    if (properties > MAX_NODE_PROPERTIES) {
      throw new ForkdiffError(`${file}: more than ${MAX_NODE_PROPERTIES} YAML anchors, aliases or tags: a config needs few (is it the right file?)`);
    }
  }
}

/** The first key that repeats one before it in the same mapping, in one pass over each mapping. */
function firstDuplicateKey(document: ReturnType<typeof parseDocument>): Node | null {
  let duplicate: Node | null = null;
  visit(document, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (seen.has(key)) {
          duplicate = pair.key as Node;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return duplicate;
}
