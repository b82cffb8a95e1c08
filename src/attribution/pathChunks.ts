/**
 * Characters of paths one git process gets on its command line. Far under
 * Linux's 2 MiB ARG_MAX and Windows' 32 KiB command line, with room for the
 * environment; a pathspec over it is split across processes rather than
 * dropped for "the whole tree" (which costs a full-tree diff on a big fork).
 */
export const PATHSPEC_CHARS = 24 * 1024;

/**
 * Groups `paths` with every path they are linked to (rename partners, in
 * either direction and transitively), so that a rename's two names always go
 * to the same git process and git can pair them up. Groups and the paths in
 * each are sorted, so the processes git runs are the same on every run.
 */
export const linkedGroups = (paths: Iterable<string>, partners: (path: string) => readonly string[]): string[][] => {
  const linked = new Set<string>();
  const queue = [...paths];
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (linked.has(path)) continue;
    linked.add(path);
    queue.push(...partners(path));
  }
  // Union-find over the links, each group named by its smallest path.
  const parent = new Map<string, string>();
  const root = (path: string): string => {
    let top = path;
    for (let up = parent.get(top); up !== undefined && up !== top; up = parent.get(top)) top = up;
    parent.set(path, top);
    return top;
  };
  for (const path of linked) {
    for (const partner of partners(path)) {
      const [a, b] = [root(path), root(partner)];
      if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
    }
  }
  const groups = new Map<string, string[]>();
  for (const path of linked) {
    const key = root(path);
    const group = groups.get(key);
    if (group) group.push(path);
    else groups.set(key, [path]);
  }
  return [...groups.values()].map((group) => group.sort()).sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
};

/** Packs groups in order into chunks of at most `maxChars` characters of paths; a group over it alone gets a chunk of its own. */
export const chunkGroups = (groups: readonly string[][], maxChars = PATHSPEC_CHARS): string[][] => {
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let chars = 0;
  for (const group of groups) {
    const size = group.reduce((sum, path) => sum + path.length + 1, 0);
    if (chunk.length > 0 && chars + size > maxChars) {
      chunks.push(chunk);
      chunk = [];
      chars = 0;
    }
    chunk.push(...group);
    chars += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
};
