import { appendFileSync } from 'node:fs';

/** A module-resolution hook (runs on node's loader thread) that records each resolved URL. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.FORKDIFF_TRACE_IMPORTS) appendFileSync(process.env.FORKDIFF_TRACE_IMPORTS, `${resolved.url}\n`);
  return resolved;
}
