import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  appendStepSummary,
  escapeCommandData,
  escapeCommandProperty,
  githubAnnotations,
  isGithubActions,
} from '../../src/reporters/github.js';
import { aFinding } from './builders.js';
import { useTempDir } from './tempDir.js';

const tmp = useTempDir();

describe('githubAnnotations', () => {
  it('writes one ::error per finding with the path and category', () => {
    const finding = aFinding({ category: 'vendored-deps', path: 'go.mod', message: 'runc v1.1.5 → v1.1.3 (downgrade)' });
    expect(githubAnnotations([finding])).toBe('::error file=go.mod,title=forkdiff vendored-deps::runc v1.1.5 → v1.1.3 (downgrade)\n');
  });

  it('puts the line of the fork\'s file in line=, and names an upstream line in the message instead', () => {
    const inFork = aFinding({ category: 'workflow', path: '.github/workflows/build.yml', message: 'secret X newly referenced', line: 27, lineIn: 'fork' });
    const inUpstream = aFinding({ category: 'reverted-fixes', path: 'solver/sbom.go', message: 'fork lacks upstream nil check', line: 12, lineIn: 'upstream' });
    expect(githubAnnotations([inFork, inUpstream])).toBe(
      '::error file=.github/workflows/build.yml,line=27,title=forkdiff workflow::secret X newly referenced\n' +
        "::error file=solver/sbom.go,title=forkdiff reverted-fixes::fork lacks upstream nil check (at line 12 of upstream's solver/sbom.go)\n",
    );
  });

  it('escapes workflow-command syntax in data and properties', () => {
    const finding = aFinding({
      category: 'workflow',
      path: 'ci/a:b,c%d.yml',
      message: '100% of jobs\r\nremoved: a, b',
    });
    expect(githubAnnotations([finding])).toBe(
      '::error file=ci/a%3Ab%2Cc%25d.yml,title=forkdiff workflow::100%25 of jobs\\r\\nremoved: a, b\n',
    );
    expect(escapeCommandData('a%b\rc\nd')).toBe('a%25b%0Dc%0Ad');
    expect(escapeCommandProperty('a%b\rc\nd:e,f')).toBe('a%25b%0Dc%0Ad%3Ae%2Cf');
  });

  it('never prints raw control characters', () => {
    const finding = aFinding({ path: 'x\u001b[2J.go', message: 'bell\u0007' });
    expect(githubAnnotations([finding])).toBe('::error file=x\\x1b[2J.go,title=forkdiff other::bell\\x07\n');
  });

  it('adds warnings and prints nothing when there is nothing to say', () => {
    expect(githubAnnotations([], ['rule expect[0] matched nothing'])).toBe('::warning title=forkdiff::rule expect[0] matched nothing\n');
    expect(githubAnnotations([])).toBe('');
  });

  it('knows when it runs in GitHub Actions', () => {
    expect(isGithubActions({ GITHUB_ACTIONS: 'true' })).toBe(true);
    expect(isGithubActions({ GITHUB_ACTIONS: 'false' })).toBe(false);
    expect(isGithubActions({})).toBe(false);
  });
});

describe('appendStepSummary', () => {
  it('appends to the file named by GITHUB_STEP_SUMMARY', async () => {
    const file = await tmp.write('summary.md', '# earlier step\n');
    expect(await appendStepSummary('## forkdiff check', { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('# earlier step\n## forkdiff check\n');
  });

  it('does nothing without GITHUB_STEP_SUMMARY', async () => {
    expect(await appendStepSummary('x', {})).toBe(false);
  });

  it('creates the file when the runner has not yet', async () => {
    const file = `${tmp.path()}/new-summary.md`;
    expect(await appendStepSummary('x\n', { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(await readFile(file, 'utf8')).toBe('x\n');
  });
});
