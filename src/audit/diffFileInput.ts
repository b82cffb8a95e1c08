import { open } from 'node:fs/promises';
import { ForkdiffError } from '../errors.js';

/**
 * The bytes of `--diff-file PATH` (or `-` for stdin) as a stream, after
 * checking up front that they can be read, so a bad path is one clear line.
 */
export async function openDiffInput(path: string, stdin: NodeJS.ReadStream = process.stdin): Promise<AsyncIterable<Buffer | string>> {
  if (path === '-') {
    if (stdin.isTTY) {
      throw new ForkdiffError('--diff-file - reads a diff from stdin, but stdin is a terminal: pipe a diff in (git diff A B | forkdiff --diff-file -)');
    }
    return stdin;
  }
  try {
    const handle = await open(path, 'r');
    const stats = await handle.stat();
    if (stats.isDirectory()) {
      await handle.close();
      throw new ForkdiffError(`--diff-file ${path} is a directory: pass the path of a saved diff`);
    }
    return handle.createReadStream();
  } catch (error) {
    if (error instanceof ForkdiffError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ForkdiffError(`cannot read diff file ${path}: ${reason} (check the path, or pass - to read stdin)`);
  }
}
