import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * The top of the work tree around `cwd`, where a fork keeps `.forkdiff.yml`;
 * null outside a repository (openRepo then explains that error).
 */
export async function findRepoRoot(cwd: string): Promise<string | null> {
  try {
    const { stdout } = await promisify(execFile)('git', ['--no-optional-locks', 'rev-parse', '--show-toplevel'], { cwd });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}
