import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAppliedByLines } from '../../src/attribution/applied.js';
import { findPortsBySubject } from '../../src/attribution/ports.js';
import { forkRenames } from '../../src/attribution/renames.js';
import { createHistory } from '../../src/git/history.js';
import { openRepo } from '../../src/git/repo.js';
import type { CommitInfo } from '../../src/model.js';
import { git } from '../git/fixtureRepo.js';

/**
 * Two upstream commits whose added lines the fork's files have more than
 * once: a pinned action bumped in two jobs (a long line: found), and a call
 * rewrapped in a function the fork dropped (two short lines the fork has in
 * other functions: not found).
 */
let dir: string;
let repo: string;
const shas: Record<string, string> = {};
const pin = (version: string) => `      - uses: actions/upload-artifact@${version === '7.0.1' ? '043fb46d1a93c77aae656e7c1c64a875d1fc6a0a' : 'b4b15b8c7c6ac21ea08fcf65892d2ee8f75cf882'} # v${version}\n`;
const workflow = (version: string) => `jobs:\n  build:\n    steps:\n${pin(version)}  test:\n    steps:\n${pin(version)}`;
const checks = (body: string) => `def check_empty(text):\n    raise_if(\n        ParseError,\n        text is None)\n\n${body}`;
const wrapped = 'def check_bytes(text):\n    raise_if(\n        ParseError,\n        isinstance(text, bytes))\n';

const retry = (flag: string) => `func runPost(step Step) error {\n\tif err := step.post(); err != nil {\n\t\t${flag}\n\t\treturn fmt.Errorf("post step %s: %w", step.name, err)\n\t}\n\treturn nil\n}\n`;

const commit = (message: string, files: Record<string, string>): string => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD');
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-applied-'));
  repo = join(dir, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'upstream');
  shas['base'] = commit('base', { '.github/workflows/ci.yml': workflow('7.0.0'), 'checks.py': checks('def check_bytes(text):\n    raise_if(ParseError,\n        isinstance(text, bytes))\n') });
  git(repo, 'checkout', '-q', '-b', 'fork');
  shas['forkBump'] = commit('ci: bump upload-artifact', { '.github/workflows/ci.yml': workflow('7.0.1') });
  shas['forkChecks'] = commit('checks: numbers, not bytes', { 'checks.py': checks('def check_number(text):\n    raise_if(\n        ParseError,\n        isinstance(text, int))\n') });
  shas['forkRetry'] = commit('fix: post step failure is job failure (#85)', { 'step.go': retry('jobFailed := true') });
  git(repo, 'checkout', '-q', 'upstream');
  shas['bump'] = commit('build(deps): bump actions/upload-artifact from 7.0.0 to 7.0.1', { '.github/workflows/ci.yml': workflow('7.0.1') });
  shas['wrap'] = commit('style: wrap the check_bytes call', { 'checks.py': checks(wrapped) });
  // Upstream took the fork's pull request #85 as its #5297, one line adapted.
  shas['retry'] = commit('fix: post step failure is job failure (#85) (#5297)', { 'step.go': retry('jobFailed = true') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findAppliedByLines, on lines the fork file repeats', () => {
  it('finds a long line in two places, but not two short lines the fork has only elsewhere', async () => {
    const history = createHistory(await openRepo(repo));
    const info = (sha: string | undefined): CommitInfo => ({ sha: sha ?? '', subject: '', author: '', date: '', isFix: false, security: [] });
    const applied = await findAppliedByLines(history, git(repo, 'rev-parse', 'fork'), [info(shas['bump']), info(shas['wrap'])], forkRenames(new Map()), () => []);
    expect(applied.map((entry) => entry.commit.sha)).toEqual([shas['bump']]);
  });

  it('pairs a port whose subject differs only by the pull request numbers a squash merge put last', async () => {
    const history = createHistory(await openRepo(repo));
    const info = (sha: string | undefined, subject: string): CommitInfo => ({ sha: sha ?? '', subject, author: '', date: '', isFix: true, security: [] });
    const ports = await findPortsBySubject(history, [info(shas['retry'], 'fix: post step failure is job failure (#5297)')], [info(shas['forkRetry'], 'fix: post step failure is job failure (#85)')], forkRenames(new Map()));
    expect(ports).toEqual([{ commit: expect.objectContaining({ sha: shas['retry'] }), how: 'ported', forkCommit: shas['forkRetry'] }]);
  });
});
