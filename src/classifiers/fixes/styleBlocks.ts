// Single-file components (Vue, Svelte) hold a stylesheet in their <style> blocks: lines no code fix is missing
// from, as no stylesheet's are. uptime-kuma's report read a fix commit's `.bottom-style { margin-left: -10px; }`
// as a fix the fork lacks.

/** A component format whose file may hold <style> blocks. */
export const isComponentPath = (path: string): boolean => /\.(?:vue|svelte)$/.test(path);

const OPENS = /^<style(?:\s[^>]*)?>/i;
const CLOSES = /<\/style\s*>/i;

/**
 * 1-based numbers of a component's lines inside a top-level <style> block,
 * its opening and closing tags included (a block starts at a line's start,
 * as the formats write them). A block left open runs to the file's end.
 */
export function styleBlockLines(text: string): Set<number> {
  const lines = new Set<number>();
  let isInside = false;
  text.split('\n').forEach((line, index) => {
    if (!isInside && OPENS.test(line)) isInside = true;
    if (!isInside) return;
    lines.add(index + 1);
    if (CLOSES.test(line)) isInside = false;
  });
  return lines;
}
