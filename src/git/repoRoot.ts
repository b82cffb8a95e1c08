import { runGitWithInput } from './spawnGit.js';

/**
 * The top of the work tree around `cwd`, where a fork keeps `.forkdiff.yml`;
 * null outside a repository (openRepo then explains that error).
 */
export async function findRepoRoot(cwd: string): Promise<string | null> {
  try {
    return (await runGitWithInput(cwd, ['rev-parse', '--show-toplevel'], '')).trim() || null;
  } catch {
    return null;
  }
}
