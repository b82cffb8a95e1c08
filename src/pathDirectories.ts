/** Each directory above a repository path, outermost first (`a/b/c.go` → `a`, `a/b`); the root is none. */
export const directoriesAbove = (path: string): string[] => {
  const directories: string[] = [];
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) directories.push(path.slice(0, slash));
  return directories;
};
