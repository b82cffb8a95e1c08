import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeFiles, createAttributor } from '../../src/attribution/attributeFiles.js';
import { readDiff } from '../../src/diff/parse.js';
import { openGitSource } from '../../src/git/gitSource.js';
import type { GitSource } from '../../src/git/gitSource.js';
import type { History } from '../../src/git/history.js';
import type { FileDiff, Hunk } from '../../src/model.js';
import { buildFixture, short } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';

let fixture: ForkFixture & { remove(): void };
let files: FileDiff[];

/** The parsed, attributed upstream → fork diff of a source. */
const attributedDiff = async (source: GitSource): Promise<FileDiff[]> => {
  const diff = source.diff();
  const parsed: FileDiff[] = [];
  for await (const file of readDiff(diff.stdout, { srcPrefix: source.srcPrefix, dstPrefix: source.dstPrefix }).files) parsed.push(file);
  await diff.done;
  await attributeFiles(parsed, source);
  return parsed;
};

beforeAll(async () => {
  fixture = await buildFixture();
  files = await attributedDiff(await openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: true }));
});
afterAll(() => fixture.remove());

const file = (path: string): FileDiff => {
  const found = files.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`${path} is not in the diff`);
  return found;
};
/** The hunk of `path` with a changed line containing `text`. */
const hunkWith = (path: string, text: string): Hunk => {
  const found = file(path).hunks.find((hunk) => hunk.lines.some((line) => line.type !== 'normal' && line.content.includes(text)));
  if (!found) throw new Error(`no hunk of ${path} changes "${text}"`);
  return found;
};

describe('attributeFiles', () => {
  it('attributes a fork-only change to the fork, linked to its commit', () => {
    expect(file('canonical_utils/fetch.py').side).toBe('fork');
    expect(file('canonical_utils/fetch.py').hunks.map((hunk) => [hunk.side, hunk.commits])).toEqual([['fork', [short(fixture.shas.forkFetch)]]]);
    expect(file('canonical_utils/read me "ü".md').hunks.map((hunk) => [hunk.side, hunk.commits])).toEqual([
      ['fork', [short(fixture.shas.forkFetch)]],
    ]);
    expect(file('client/client_test.go').side).toBe('fork');
    expect(hunkWith('client/client_test.go', 'testBasicS3CacheImportExport').commits).toEqual([short(fixture.shas.forkDropTest)]);
    expect(file('.github/workflows/build.yml').hunks.every((hunk) => hunk.side === 'fork')).toBe(true);
  });

  it('attributes an upstream fix after the branch point to upstream, linked to the fix', () => {
    const sbom = file('solver/sbom.go');
    expect(sbom.side).toBe('upstream');
    expect(hunkWith('solver/sbom.go', 'if ref == nil').side).toBe('upstream');
    expect(hunkWith('solver/sbom.go', 'if ref == nil').commits).toEqual([short(fixture.shas.sbomFix)]);
  });

  it('splits a file both sides changed into fork, upstream and both hunks', () => {
    expect(file('Dockerfile').side).toBe('both');
    expect(hunkWith('Dockerfile', 'FROM ubuntu:22.04').side).toBe('fork');
    expect(hunkWith('Dockerfile', 'FROM ubuntu:22.04').commits).toEqual([short(fixture.shas.forkUbuntu)]);
    const pinned = hunkWith('Dockerfile', 'ARG CONTAINERD_VERSION');
    expect(pinned.side).toBe('both');
    expect(pinned.commits).toEqual([short(fixture.shas.dockerBump), short(fixture.shas.forkPin)]);
    // Upstream's bump line, then the fork's pin and the base image switch below it.
    expect(pinned.blocks.map((block) => block.side)).toEqual(['upstream', 'fork']);
    expect(pinned.blocks.reduce((sum, block) => sum + block.oldLines, 0)).toBe(pinned.oldLines);

    expect(file('session/session.go').side).toBe('both');
    expect(hunkWith('session/session.go', 'ctx.Err()')).toMatchObject({ side: 'fork', commits: [short(fixture.shas.forkRevert)] });
    expect(hunkWith('session/session.go', 's.mu.Lock()')).toMatchObject({ side: 'upstream', commits: [short(fixture.shas.raceFix)] });
  });

  it('tells the upstream dependency bump from the fork pin in one go.mod', () => {
    expect(file('go.mod').side).toBe('both');
    expect(hunkWith('go.mod', 'github.com/containerd/containerd')).toMatchObject({ side: 'upstream', commits: [short(fixture.shas.bump)] });
    expect(hunkWith('go.mod', 'golang.org/x/sys')).toMatchObject({ side: 'fork', commits: [short(fixture.shas.forkPinSys)] });
    expect(file('vendor/modules.txt').side).toBe('upstream');
  });

  it('attributes an upstream rename to upstream, not to unchanged content', () => {
    const renamed = file('hack/release-notes');
    expect(renamed).toMatchObject({ oldPath: 'hack/release-notes.sh', status: 'renamed', side: 'upstream' });
  });

  it('attributes a binary file by its blobs', () => {
    expect(file('docs/logo.png')).toMatchObject({ isBinary: true, side: 'upstream', hunks: [] });
  });

  it('gives every hunk a side and short commit ids', () => {
    for (const each of files) {
      for (const hunk of each.hunks) {
        expect(hunk.side, `${each.path} ${hunk.header}`).not.toBeNull();
        expect(hunk.commits.length, `${each.path} ${hunk.header}`).toBeGreaterThan(0);
        expect(hunk.commits.every((sha) => /^[0-9a-f]{12}$/.test(sha))).toBe(true);
      }
    }
  });

  it('leaves sides null and commits empty without a merge base', async () => {
    const copy = structuredClone(files);
    await attributeFiles(copy, { mergeBase: null, upstream: { sha: '' }, fork: { sha: '' }, history: undefined as never });
    expect(copy.every((each) => each.side === null && each.hunks.every((hunk) => hunk.side === null && hunk.commits.length === 0))).toBe(true);
  });
});

describe('line facts', () => {
  it('places each changed line on the side that moved it, with the commit that wrote or removed it', async () => {
    const source = await openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: false });
    const attributor = createAttributor(source);
    const diff = source.diff();
    const facts = new Map<string, ReturnType<typeof attributor.linesOf>>();
    for await (const each of readDiff(diff.stdout, { srcPrefix: source.srcPrefix, dstPrefix: source.dstPrefix }).files) {
      await attributor.attribute([each]);
      facts.set(each.path, attributor.linesOf(each));
    }
    await diff.done;
    // Dockerfile line 4: upstream wrote v1.6.21 (its `-` line), the fork wrote v1.6.16 (its `+` line).
    expect(facts.get('Dockerfile')?.upstream.get(4)).toEqual({ side: 'upstream', commits: [short(fixture.shas.dockerBump)] });
    expect(facts.get('Dockerfile')?.fork.get(4)).toEqual({ side: 'fork', commits: [short(fixture.shas.forkPin)] });
    // go.mod: the fork still has the base's containerd line, which upstream's bump removed.
    const goMod = facts.get('go.mod');
    const forkContainerd = [...(goMod?.fork ?? [])].find(([, fact]) => fact.commits.includes(short(fixture.shas.bump)));
    expect(forkContainerd?.[1]).toEqual({ side: 'upstream', commits: [short(fixture.shas.bump)] });
    // The fork's revert removed the base's context check: `-` lines on the fork's side, by the revert.
    const session = [...(facts.get('session/session.go')?.upstream ?? [])].map(([, fact]) => fact);
    expect(session).toContainEqual({ side: 'fork', commits: [short(fixture.shas.forkRevert)] });
    expect(session).toContainEqual({ side: 'upstream', commits: [short(fixture.shas.raceFix)] });
  });
});

describe('createAttributor', () => {
  it('attributes files one at a time as the diff streams, the same as all at once', async () => {
    const source = await openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: false });
    const { attribute } = createAttributor(source);
    const diff = source.diff();
    const streamed: FileDiff[] = [];
    for await (const each of readDiff(diff.stdout, { srcPrefix: source.srcPrefix, dstPrefix: source.dstPrefix }).files) {
      await attribute([each]);
      streamed.push(each);
    }
    await diff.done;
    expect(streamed).toEqual(files);
  });

  it('splits a long pathspec into several git processes and attributes the same', async () => {
    const source = await openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: false });
    const [split, whole] = [recording(source.history), recording(source.history)];
    const copy = await attributedDiff(source);
    await createAttributor({ ...source, history: split.history }, { pathspecChars: 1 }).attribute(copy);
    await createAttributor({ ...source, history: whole.history }).attribute(structuredClone(copy));
    expect(copy).toEqual(files);
    // One path per process here, so four diffs per side instead of one; none falls back to the whole tree.
    expect(split.calls.filter((call) => call.kind === 'diff').map((call) => call.paths.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(whole.calls.filter((call) => call.kind === 'diff').map((call) => call.paths.length)).toEqual([4, 4]);
    for (const kind of ['diff', 'log']) {
      const pathsOf = (calls: PathCall[]): string[] => calls.filter((call) => call.kind === kind).flatMap((call) => call.paths).sort();
      expect(pathsOf(split.calls)).toEqual(pathsOf(whole.calls));
    }
  });

  it('reads the whole tree in one log per side past the pathspec budget, and attributes the same', async () => {
    const source = await openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: false });
    const [listed, broad] = [recording(source.history), recording(source.history)];
    const copy = await attributedDiff(source);
    await createAttributor({ ...source, history: listed.history }).attribute(copy);
    await createAttributor({ ...source, history: broad.history }, { pathspecBudget: 0 }).attribute(copy);
    expect(copy).toEqual(files);
    const logs = (calls: PathCall[]): PathCall[] => calls.filter((call) => call.kind === 'log');
    expect(logs(listed.calls).every((call) => call.paths.length > 0 && call.allBut === undefined)).toBe(true);
    // Past the budget: no path listed, and the fork's vendored tree (one commit touched it) left out.
    expect(logs(broad.calls).map((call) => call.paths.length)).toEqual([0, 0]);
    expect(logs(broad.calls).flatMap((call) => call.allBut ?? [])).toContain('vendor');
  });
});

interface PathCall {
  kind: 'diff' | 'log';
  paths: string[];
  /** A whole-tree line log's excluded directories. */
  allBut?: string[];
}

/** The real history, noting which paths each zero-context diff and line log was limited to. */
const recording = (history: History): { history: History; calls: PathCall[] } => {
  const calls: PathCall[] = [];
  return {
    calls,
    history: {
      ...history,
      changedLines: (from, to, paths) => (calls.push({ kind: 'diff', paths }), history.changedLines(from, to, paths)),
      lineLog: (from, to, scope) => (calls.push('paths' in scope ? { kind: 'log', paths: [...scope.paths] } : { kind: 'log', paths: [], allBut: [...scope.allBut] }), history.lineLog(from, to, scope)),
    },
  };
};
