import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { short } from '../git/fixtureRepo.js';
import { auditFork, findingOf, messagesAt } from './auditFork.js';
import type { AuditedFork } from './auditFork.js';

/** fixtures/forks/python-poetry.mjs: PEP 621 and Poetry groups, poetry.lock, hashed requirements, pytest. */
let fork: AuditedFork;
beforeAll(async () => {
  fork = await auditFork('python-poetry');
});
afterAll(() => fork.remove());

describe('pyproject.toml, poetry.lock and requirements.txt', () => {
  it('reads PEP 621 arrays, optional groups and Poetry groups, and says who moved what', () => {
    expect(messagesAt(fork.git, 'vendored-deps', 'pyproject.toml')).toEqual([
      'fork added rich (^13.5)',
      'fork downgraded black ^23.1 → ^22.12',
      'fork moved mypy (^1.5) from tool.poetry.group.dev.dependencies to tool.poetry.group.lint.dependencies',
      'fork moved pytest (>=7.0) from project.dependencies to project.optional-dependencies.test',
      'upstream bumped attrs >=22.1 → >=23.1; fork still at >=22.1',
    ]);
    // A range compares by its lower bound, and says so.
    expect(findingOf(fork.git, 'module', 'attrs').details).toMatchObject({ compared: 'lower bound', direction: 'downgrade' });
    expect(findingOf(fork.git, 'module', 'pytest')).toMatchObject({
      kind: 'dependency-moved', side: 'fork', commits: [short(fork.fixture.shas.forkGroups)],
      details: { groups: { upstream: ['project.dependencies'], fork: ['project.optional-dependencies.test'] } },
    });
  });

  it('prefers the resolved version of poetry.lock over the manifest range of the same package', () => {
    const requests = fork.git.findings.filter((finding) => finding.details['module'] === 'requests');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      path: 'poetry.lock', side: 'upstream', message: 'upstream bumped requests 2.31.0 → 3.1.0; fork still at 2.31.0',
      details: { manifest: { path: 'pyproject.toml', upstream: '>=3.0.0,<4', fork: '>=2.19,<3' } },
    });
  });

  it('reads requirements with extras, markers, hashes and continuations; a re-hash alone is no change', () => {
    expect(messagesAt(fork.git, 'vendored-deps', 'requirements.txt')).toEqual([
      'fork downgraded urllib3 2.0.4 → 1.26.18',
      'upstream bumped certifi 2023.7.22 → 2024.2.2; fork still at 2023.7.22',
    ]);
    expect(findingOf(fork.git, 'module', 'urllib3').details['note']).toBe('python_version >= "3.9"');
  });

  it('finds the same rows in a saved diff, where only the hunks are known', () => {
    expect(messagesAt(fork.diffFile, 'vendored-deps', 'pyproject.toml')).toEqual([
      'attrs: >=23.1 → >=22.1 (downgrade)',
      'black: ^23.1 → ^22.12 (downgrade)',
      'mypy (^1.5): tool.poetry.group.dev.dependencies → tool.poetry.group.lint.dependencies',
      'pytest (>=7.0): project.dependencies → project.optional-dependencies.test',
      'rich: added at ^13.5 (fork only)',
    ]);
    expect(messagesAt(fork.diffFile, 'vendored-deps', 'poetry.lock')).toEqual(['requests: 3.1.0 → 2.31.0 (downgrade)']);
  });
});

describe('pytest suites', () => {
  it('names methods by class and parametrize cases by id, reads whole files for what a hunk hides, and tells commented-out tests', () => {
    expect(messagesAt(fork.git, 'removed-tests', 'tests/test_api.py')).toEqual([
      'fork commented out test test_parse_empty',
      'fork removed test TestClient::test_retry',
      'fork removed test test_length[abcde-5]',
      'fork removed test test_schemes[ftp]',
      'fork skips test TestClient::test_timeout: @pytest.mark.skip(reason="no network in the fork\'s CI")',
      'upstream added test test_parse_nested; fork lacks it',
    ]);
    expect(findingOf(fork.git, 'test', 'test_parse_nested').commits).toEqual([short(fork.fixture.shas.nestedTest)]);
  });

  it('counts a test file by its tests: cases fold into their test, a class gives way to its methods', () => {
    expect(messagesAt(fork.git, 'removed-tests', 'tests/test_cli.py')).toEqual([
      'upstream added test file tests/test_cli.py (3 tests: TestCli::test_help, TestCli::test_version, test_exit_codes); fork lacks it',
    ]);
  });

  it('does not report a moved test file, a generated suite, or comment and annotation edits', () => {
    const paths = new Set(fork.git.findings.filter((finding) => finding.category === 'removed-tests').map((finding) => finding.path));
    expect([...paths].sort()).toEqual(['tests/test_api.py', 'tests/test_cli.py']);
    expect(fork.git.findings.some((finding) => String(finding.details['test']).includes('test_parse_unicode'))).toBe(false);
  });

  it('in a saved diff, names what the hunks show and no more', () => {
    // The class line is hidden behind a column-0 sample string and the parametrize opener is out of view.
    expect(messagesAt(fork.diffFile, 'removed-tests', 'tests/test_api.py')).toEqual([
      'skip added to test test_timeout in tests/test_api.py: @pytest.mark.skip(reason="no network in the fork\'s CI")',
      'test test_parse_empty commented out in tests/test_api.py',
      'test test_parse_nested removed from tests/test_api.py',
      'test test_retry removed from tests/test_api.py',
      'test test_schemes[ftp] removed from tests/test_api.py',
    ]);
    expect(fork.diffFile.findings.some((finding) => finding.path.startsWith('tests/unit/') || finding.path === 'tests/test_legacy.py')).toBe(false);
  });
});

describe('a line the two-tip diff moved that git moved otherwise', () => {
  it("reads upstream's import sort as upstream's, though the diff shows the line the fork kept as moved", () => {
    const { shas } = fork.fixture;
    const config = fork.git.files.find((file) => file.path === 'src/pyapp/config.py');
    // `-import json` and `+import json`: a base line both tips kept. Upstream moved `import os` past it (the diff's context).
    expect(config?.hunks.map((hunk) => hunk.blocks.map((block) => [block.side, block.oldStart, block.oldLines, block.newStart, block.newLines]))).toEqual([
      [['upstream', 1, 6, 1, 6], ['fork', 7, 3, 7, 4]],
    ]);
    expect(config?.hunks[0]?.commits.sort()).toEqual([short(shas.sortImports), short(shas.forkLogLoad)].sort());
  });
});

describe('an upstream change found only as lines the fork has several times', () => {
  it('is missing, not applied: a rewrapped call in a function the fork dropped', () => {
    const { shas } = fork.fixture;
    expect(fork.git.commits?.applied.map((entry) => entry.commit.sha)).not.toContain(shas.wrapCall);
    expect(fork.git.commits?.missingFromFork.map((commit) => commit.sha)).toContain(shas.wrapCall);
  });

  it('names no fork commit for an upstream change whose lines the fork has from the merge base', () => {
    const { shas } = fork.fixture;
    expect(fork.git.commits?.applied.find((entry) => entry.commit.sha === shas.unpinSdk)).toMatchObject({ how: 'lines', forkCommit: null });
  });
});

describe('a fork that keeps upstream\'s code untyped', () => {
  it('lacks the guard of a typing fix commit, not its types: one finding, at the guard', () => {
    const { shas } = fork.fixture;
    const client = fork.git.findings.filter((finding) => finding.category === 'reverted-fixes' && finding.path === 'src/pyapp/client.py');
    // load's typed signature is no finding; fetch's parameters and return stay as the guard's context.
    expect(client.map((finding) => [finding.message, finding.line, finding.side, finding.commits, finding.details['evidence']])).toEqual([[
      'fork lacks upstream nil check: if response is None: return {} (+2 more lines)',
      18,
      'upstream',
      [short(shas.typeHints)],
      ['session: "Session", url: str, timeout: float = 30', ') -> dict:', 'if response is None:', 'return {}'],
    ]]);
  });
});

describe('empty files on each side', () => {
  it("reads upstream's empty test config and the fork's empty __init__.py as two files, not one renamed", () => {
    const empty = fork.git.files.filter((file) => file.path === 'tests/data/empty.toml' || file.path === 'src/pyapp/ubuntu/__init__.py');
    expect(empty.map((file) => [file.path, file.status, file.oldPath, file.side])).toEqual([
      ['src/pyapp/ubuntu/__init__.py', 'added', null, 'fork'],
      ['tests/data/empty.toml', 'deleted', null, 'upstream'],
    ]);
    expect(empty.map((file) => file.rename)).toEqual([null, null]);
  });
});
