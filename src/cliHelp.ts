/** What `forkdiff --help` shows after the options: the way to use it, and what it answers with. */
export const HELP_AFTER = `
Examples:
  forkdiff v0.11                                   fetch upstream/v0.11 and origin/v0.11, print tables
  forkdiff v0.10 v0.11 --format markdown -o drift.md
  forkdiff v0.11 --check                           exit 1 on drift no rule or baseline entry covers
  forkdiff v0.11 --fork-rev HEAD --check           gate a pull request: audit HEAD as the fork side
  forkdiff --diff-file diff.v0.11.md               a saved diff, no repository needed
  git diff upstream/v0.11 origin/v0.11 | forkdiff --diff-file -
  forkdiff baseline v0.11                          accept today's findings into the baseline
  forkdiff init                                    write a starter .forkdiff.yml

Exit codes:
  0  fine (with --check: no unexpected drift)
  1  --check found drift that no rule and no baseline entry covers
  2  usage, config or git error (one line on stderr; --debug adds the stack)

Environment:
  NO_COLOR, FORCE_COLOR, TERM=dumb   colour: off for NO_COLOR or FORCE_COLOR=0, on for FORCE_COLOR=1;
                                     otherwise on only when stdout is a terminal that shows colour
  COLUMNS                            table width when stdout is not a terminal (default 120)
  TMPDIR                             where git mode spools the diff (needs about its size free);
                                     the sync plan's scratch objects too, when set (else a tmpfs
                                     /dev/shm with 1 GB free)
  GITHUB_ACTIONS, GITHUB_STEP_SUMMARY  with --check: annotations and a job summary
  GIT_*                              passed on to git (credentials, ssh command, config)
`;

/** `forkdiff baseline --help` and `forkdiff init --help`: the subcommand's own examples. */
export const BASELINE_HELP_AFTER = `
Examples:
  forkdiff baseline v0.11                          write .forkdiff-baseline.json (or the config's baseline:)
  forkdiff baseline v0.11 --no-fetch --baseline other.json
`;

export const INIT_HELP_AFTER = `
Examples:
  forkdiff init                                    detect remotes and shared branches, write .forkdiff.yml
  forkdiff init v0.11 --upstream https://github.com/moby/buildkit.git
  forkdiff init --config ci/forkdiff.yml           write it elsewhere (then pass --config to every run)
`;
