/** Go source (not vendored code: the caller's path rules decide that). */
export const isGoPath = (path: string): boolean => path.endsWith('.go');

/**
 * A Go declaration the fork moved into a `var (` or `const (` block, as
 * gofumpt groups adjacent ones (incus's `var udpSessionsLock sync.Mutex`,
 * `var unavailableNetworksMu = sync.Mutex{}`): the fork has the same
 * declaration without its keyword. Both come normalised (normaliseLine).
 */
export const isGroupedDeclaration = (text: string, forkLines: ReadonlySet<string>): boolean =>
  /^(?:var|const) [A-Za-z_]/.test(text) && forkLines.has(text.replace(/^(?:var|const) /, ''));
