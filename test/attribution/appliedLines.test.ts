import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** cni-plugins' bandwidth plugin: the guard cmdAdd has, and (with `guarded`) cmdCheck's copy of it. */
const guard = '\tif bandwidth == nil || bandwidth.isZero() {\n\t\treturn nil\n\t}\n';
const bandwidth = (guarded: boolean) =>
  `func cmdAdd(bandwidth *Entry) error {\n${guard}\treturn shape(bandwidth)\n}\n\nfunc cmdCheck(bandwidth *Entry) error {\n\tbandwidth = lookUp(bandwidth)\n${guarded ? guard : ''}\treturn verify(bandwidth)\n}\n`;

/** LXD's operations: a transaction on a context of its own, then (`handed`) on the caller's; `more`, a second function with the caller's. */
const operations = (handed: boolean, more: boolean) =>
  `func autoRemove(ctx context.Context, s *state.State) error {\n\terr := s.DB.Cluster.Transaction(${handed ? 'ctx' : 'context.TODO()'}, func(ctx context.Context, tx *db.ClusterTx) error {\n\t\treturn tx.Remove(ctx)\n\t})\n\treturn err\n}\n` +
  (more ? `\nfunc prune(ctx context.Context, s *state.State) error {\n\terr := s.DB.Cluster.Transaction(ctx, func(ctx context.Context, tx *db.ClusterTx) error {\n\t\treturn tx.Prune(ctx)\n\t})\n\treturn err\n}\n` : '');

/** LXD's bridge driver: dnsmasq's and forkdns's spawns, each checking (`fixed`) the right error after killing its process. */
const spawn = (name: string, fixed: boolean) =>
  `func spawn${name}(p *Process, err error) error {\n\terr2 := p.Stop()\n\tif ${fixed ? 'err2' : 'err'} != nil {\n\t\treturn fmt.Errorf("could not kill ${name}: %s: %s", err, err2)\n\t}\n\treturn nil\n}\n`;

/** LXD's networks: a create that (`described`) also sets the description, below (`checked`) a check of the fork's own. */
const networks = (described: boolean, checked: boolean) =>
  (checked ? 'func check(tx *Tx) error {\n\terr := tx.Check()\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}\n\n' : '') +
  `func create(tx *Tx) error {\n\terr := tx.Create()\n\tif err != nil {\n\t\treturn err\n\t}\n${described ? '\terr = tx.UpdateDescription(id, desc)\n\tif err != nil {\n\t\treturn err\n\t}\n' : ''}\treturn nil\n}\n`;

const retry = (flag: string) => `func runPost(step Step) error {\n\tif err := step.post(); err != nil {\n\t\t${flag}\n\t\treturn fmt.Errorf("post step %s: %w", step.name, err)\n\t}\n\treturn nil\n}\n`;

/** A go.mod and its go.sum requiring these modules (of golang.org/x/) at these versions. */
const modules = (versions: Record<string, string>): Record<string, string> => ({
  'go.mod': `module example.com/app\n\ngo 1.21\n\nrequire (\n${Object.entries(versions).map(([name, version]) => `\tgolang.org/x/${name} ${version}\n`).join('')})\n`,
  'go.sum': Object.entries(versions).map(([name, version]) => `golang.org/x/${name} ${version} h1:${name}${version}=\ngolang.org/x/${name} ${version}/go.mod h1:${name}${version}mod=\n`).join(''),
});

/** A yarn.lock entry: the lines a version of a package has, and the dependencies every version of it shares. */
const lockEntry = (version: string): string =>
  `matrix-js-sdk@${version}:\n  version "${version}"\n  resolved "https://registry.yarnpkg.com/matrix-js-sdk/-/matrix-js-sdk-${version}.tgz#${version.replaceAll('.', '')}"\n` +
  `  integrity sha512-${version.replaceAll('.', 'x')}==\n  dependencies:\n    "@babel/runtime" "^7.12.5"\n    another-json "^0.2.0"\n    content-type "^1.0.4"\n    loglevel "^1.7.1"\n\n`;
const rule = '='.repeat(60);
/** A changelog entry, under the same headings and rules as every other. */
const release = (version: string, feature: string, fix: string): string =>
  `Changes in [${version}](https://example.com/releases/v${version})\n${rule}\n\n## ✨ Features\n * ${feature}\n\n## 🐛 Bug Fixes\n * ${fix}\n\n`;
const olderReleases = release('1.0.0', 'Rooms have topics', 'Ensure the store closes on logout') + release('0.9.0', 'Search by sender', 'Fix a crash on empty rooms');

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
  shas['base'] = commit('base', {
    '.github/workflows/ci.yml': workflow('7.0.0'), 'checks.py': checks('def check_bytes(text):\n    raise_if(ParseError,\n        isinstance(text, bytes))\n'),
    ...modules({ crypto: 'v0.13.0', net: 'v0.15.0', text: 'v0.12.0', sync: 'v0.1.0' }),
    'yarn.lock': lockEntry('27.0.0'), 'CHANGELOG.md': olderReleases,
    'bandwidth.go': bandwidth(false), 'shaper.go': bandwidth(false), 'operations.go': operations(false, false), 'bridge.go': spawn('DNS', false) + spawn('ForkDNS', false),
    'networks.go': networks(false, false),
    'exec.go': 'func wait(p *os.Process) error {\n\tif _, err := p.Wait(); err != nil && !errors.Is(err, os.ErrProcessDone) {\n\t\treturn err\n\t}\n\treturn nil\n}\n',
  });
  git(repo, 'checkout', '-q', '-b', 'fork');
  shas['forkModules'] = commit('deps: bump golang.org/x/crypto and net', modules({ crypto: 'v0.15.0', net: 'v0.19.0', text: 'v0.12.0', sync: 'v0.3.0' }));
  shas['forkBump'] = commit('ci: bump upload-artifact', { '.github/workflows/ci.yml': workflow('7.0.1') });
  shas['forkChecks'] = commit('checks: numbers, not bytes', { 'checks.py': checks('def check_number(text):\n    raise_if(\n        ParseError,\n        isinstance(text, int))\n') });
  shas['forkRetry'] = commit('fix: post step failure is job failure (#85)', { 'step.go': retry('jobFailed := true') });
  shas['forkShaper'] = commit('shaper: nothing to check without a config', { 'shaper.go': bandwidth(true) });
  shas['forkOperations'] = commit('operations: update context', { 'operations.go': operations(true, false) });
  shas['forkBridge'] = commit('bridge: no forkdns; a kill error is not ignored', { 'bridge.go': spawn('DNS', true) });
  shas['forkDescribed'] = commit('networks: set the description when completing the record', { 'networks.go': networks(true, false) });
  shas['forkChecked'] = commit('networks: check first', { 'networks.go': networks(true, true) });
  git(repo, 'checkout', '-q', 'upstream');
  shas['bump'] = commit('build(deps): bump actions/upload-artifact from 7.0.0 to 7.0.1', { '.github/workflows/ci.yml': workflow('7.0.1') });
  shas['wrap'] = commit('style: wrap the check_bytes call', { 'checks.py': checks(wrapped) });
  // Upstream took the fork's pull request #85 as its #5297, one line adapted.
  shas['retry'] = commit('fix: post step failure is job failure (#85) (#5297)', { 'step.go': retry('jobFailed = true') });
  // The guard cmdAdd has, copied into cmdCheck: the fork has the copy in shaper.go, only cmdAdd's in bandwidth.go.
  shas['guard'] = commit('bandwidth: handle nil bandwidth in CHECK', { 'bandwidth.go': bandwidth(true) });
  shas['guardShaper'] = commit('shaper: handle nil bandwidth in CHECK', { 'shaper.go': bandwidth(true) });
  // The fork took this one as its own commit; upstream then wrote the same line in a function the fork lacks.
  shas['handover'] = commit("operations: hand autoRemove's ctx to the transaction", { 'operations.go': operations(true, false) });
  commit('operations: prune', { 'operations.go': operations(true, true) });
  // The fork fixed dnsmasq's check itself and has no forkdns, whose check upstream fixed first.
  commit('bridge: check the right error code when killing forkdns', { 'bridge.go': spawn('DNS', false) + spawn('ForkDNS', true) });
  shas['dnsmasq'] = commit('bridge: check the right error code when killing dnsmasq', { 'bridge.go': spawn('DNS', true) + spawn('ForkDNS', true) });
  shas['described'] = commit('networks: update the description right before the network is created', { 'networks.go': networks(true, false) });
  // A fix upstream took back: the revert puts back the line the base had, and the fork never lost.
  const exec = readFileSync(join(repo, 'exec.go'), 'utf8');
  commit('fix process termination handling', { 'exec.go': exec.replace('err != nil && !errors.Is(err, os.ErrProcessDone)', 'err != nil') });
  shas['revert'] = commit('Revert "fix process termination handling"', { 'exec.go': exec });
  // terraform's fix for CVE-2023-44487, below the versions opentofu had; then a bump the fork lacks, and a downgrade.
  commit('deps: bump golang.org/x/text', modules({ crypto: 'v0.13.0', net: 'v0.15.0', text: 'v0.13.0', sync: 'v0.1.0' }));
  shas['security'] = commit('go.mod: newer golang.org/x/* releases (CVE-2023-44487)', modules({ crypto: 'v0.14.0', net: 'v0.17.0', text: 'v0.13.0', sync: 'v0.1.0' }));
  // Half of it the fork has newer (net), half older (text, at neither version), which upstream bumped again since: still lacking.
  shas['mixed'] = commit('deps: bump golang.org/x/net and text', modules({ crypto: 'v0.14.0', net: 'v0.18.0', text: 'v0.14.0', sync: 'v0.1.0' }));
  shas['text'] = commit('deps: bump golang.org/x/text', modules({ crypto: 'v0.14.0', net: 'v0.18.0', text: 'v0.15.0', sync: 'v0.1.0' }));
  shas['downgrade'] = commit('deps: back to golang.org/x/crypto v0.12.0', modules({ crypto: 'v0.12.0', net: 'v0.18.0', text: 'v0.15.0', sync: 'v0.1.0' }));
  // terraform builds each backend as a module of its own, opentofu as one; upstream also uses a module the fork does not.
  const backend = (sync: string): Record<string, string> => Object.fromEntries(Object.entries(modules({ sync, oauth2: 'v0.1.0' })).map(([path, text]) => [`backend/${path}`, text]));
  const root = (sync: string, oauth2: string): Record<string, string> => modules({ crypto: 'v0.12.0', net: 'v0.18.0', text: 'v0.15.0', sync, oauth2 });
  shas['newModule'] = commit('backend: a module of its own', { ...root('v0.1.0', 'v0.1.0'), ...backend('v0.1.0') });
  shas['nested'] = commit('deps: bump golang.org/x/sync', { ...root('v0.2.0', 'v0.1.0'), ...backend('v0.2.0') });
  shas['unused'] = commit('deps: bump golang.org/x/oauth2 (security)', modules({ crypto: 'v0.12.0', net: 'v0.18.0', text: 'v0.15.0', sync: 'v0.2.0', oauth2: 'v0.2.0' }));
  shas['unusedBeside'] = commit('deps: bump golang.org/x/sync and oauth2', modules({ crypto: 'v0.12.0', net: 'v0.18.0', text: 'v0.15.0', sync: 'v0.3.0', oauth2: 'v0.3.0' }));
  // element-web: a new lockfile entry (its dependencies alike in the fork's older one) and a changelog entry (its headings alike
  // in every other), each rewritten upstream since: the fork has at least half of each commit's lines, and neither change.
  shas['lockBump'] = commit('Upgrade dependency to matrix-js-sdk@31.3.0', { 'yarn.lock': lockEntry('27.0.0') + lockEntry('31.3.0') });
  shas['changelog'] = commit('Prepare changelog for v1.1.0', { 'CHANGELOG.md': release('1.1.0', 'Ship as a debian package', 'Ensure the creator is set') + olderReleases });
  commit('Upgrade dependency to matrix-js-sdk@32.0.0; changelogs are release notes now', { 'yarn.lock': lockEntry('32.0.0'), 'CHANGELOG.md': 'See the release notes.\n' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('findAppliedByLines, on lines the fork file repeats', () => {
  it('finds a long line in two places, but not two short lines the fork has only elsewhere', async () => {
    const history = createHistory(await openRepo(repo));
    const info = (sha: string | undefined): CommitInfo => ({ sha: sha ?? '', subject: '', author: '', date: '', isFix: false, security: [] });
    const applied = await findAppliedByLines(history, git(repo, 'rev-parse', 'fork'), [info(shas['bump']), info(shas['wrap'])], forkRenames(new Map()), () => []);
    expect(applied.map((entry) => entry.commit.sha)).toEqual([shas['bump']]);
  });

  it("takes a copy of lines the commit's parent already had as applied only where the fork has the copy too", async () => {
    const history = createHistory(await openRepo(repo));
    const info = (sha: string | undefined): CommitInfo => ({ sha: sha ?? '', subject: '', author: '', date: '', isFix: true, security: [] });
    const candidates = [shas['guard'], shas['guardShaper'], shas['handover'], shas['dnsmasq'], shas['revert']].map(info);
    // What the fork's line history says: it wrote shaper.go's second guard (lines 10 to 12) and bridge.go's check.
    const writers = (path: string, line: number): string[] =>
      path === 'shaper.go' && line >= 10 && line <= 12 ? [shas['forkShaper'] ?? ''] : path === 'bridge.go' && line === 3 ? [shas['forkBridge'] ?? ''] : [];
    const applied = await findAppliedByLines(history, git(repo, 'rev-parse', 'fork'), candidates, forkRenames(new Map()), writers, { ownTip: git(repo, 'rev-parse', 'upstream') });
    // Only the base's copy of the guard is in the fork's bandwidth.go; its shaper.go has the copy. A line upstream went on to repeat
    // elsewhere is still the fork's port (the base had none); so is the one copy of a line the parent had twice, where a fork commit
    // wrote it; a revert's line, the one the base had, is in the fork. The fork commit named is the one that wrote a copy.
    expect(applied.map((entry) => [entry.commit.sha, entry.forkCommit])).toEqual([
      [shas['guardShaper'], shas['forkShaper']], [shas['handover'], null], [shas['dnsmasq'], shas['forkBridge']], [shas['revert'], null],
    ]);
  });

  it("names the fork commit that wrote the lines the fork's file has once, before any that wrote copies of the others", async () => {
    const history = createHistory(await openRepo(repo));
    const info = (sha: string | undefined): CommitInfo => ({ sha: sha ?? '', subject: '', author: '', date: '', isFix: false, security: [] });
    // The fork's networks.go: its check (lines 1 to 8, with the first `if err != nil {` and `return err`), then create, whose
    // description update (lines 14 to 17) the fork wrote before.
    const writers = (path: string, line: number): string[] =>
      path !== 'networks.go' ? [] : line <= 8 ? [shas['forkChecked'] ?? ''] : line >= 14 && line <= 17 ? [shas['forkDescribed'] ?? ''] : [];
    const applied = await findAppliedByLines(history, git(repo, 'rev-parse', 'fork'), [info(shas['described'])], forkRenames(new Map()), writers, { ownTip: git(repo, 'rev-parse', 'upstream') });
    expect(applied).toEqual([{ commit: expect.objectContaining({ sha: shas['described'] }), how: 'lines', forkCommit: shas['forkDescribed'] }]);
  });

  it('finds a Go module bump the fork has at newer versions, with the fork commit that set them; not a bump past it, a downgrade, or a module added', async () => {
    const history = createHistory(await openRepo(repo));
    const info = (sha: string | undefined): CommitInfo => ({ sha: sha ?? '', subject: '', author: '', date: '', isFix: false, security: [] });
    const writers = (path: string, line: number): string[] => (path === 'go.mod' && line >= 6 ? [shas['forkModules'] ?? ''] : []);
    const candidates = [shas['security'], shas['mixed'], shas['text'], shas['downgrade'], shas['newModule'], shas['nested'], shas['unused'], shas['unusedBeside']].map(info);
    const applied = await findAppliedByLines(history, git(repo, 'rev-parse', 'fork'), candidates, forkRenames(new Map()), writers, { ownTip: git(repo, 'rev-parse', 'upstream') });
    expect(applied).toEqual([
      { commit: expect.objectContaining({ sha: shas['security'] }), how: 'versions', forkCommit: shas['forkModules'] },
      // Beside a module the fork has newer, a bump in a module it does not build, or of a module it does not use, is nothing more to take;
      // a bump of an unused module alone says nothing of the fork (it stays missing).
      { commit: expect.objectContaining({ sha: shas['nested'] }), how: 'versions', forkCommit: shas['forkModules'] },
      { commit: expect.objectContaining({ sha: shas['unusedBeside'] }), how: 'versions', forkCommit: shas['forkModules'] },
    ]);
  });

  it("takes no lockfile bump or changelog entry as applied by the lines every version or entry shares, whatever upstream rewrote since", async () => {
    const history = createHistory(await openRepo(repo));
    const info = (sha: string | undefined): CommitInfo => ({ sha: sha ?? '', subject: '', author: '', date: '', isFix: false, security: [] });
    const candidates = [shas['lockBump'], shas['changelog']].map(info);
    expect(await findAppliedByLines(history, git(repo, 'rev-parse', 'fork'), candidates, forkRenames(new Map()), () => [], { ownTip: git(repo, 'rev-parse', 'upstream') })).toEqual([]);
  });

  it('pairs a port whose subject differs only by the pull request numbers a squash merge put last', async () => {
    const history = createHistory(await openRepo(repo));
    const info = (sha: string | undefined, subject: string): CommitInfo => ({ sha: sha ?? '', subject, author: '', date: '', isFix: true, security: [] });
    const ports = await findPortsBySubject(history, [info(shas['retry'], 'fix: post step failure is job failure (#5297)')], [info(shas['forkRetry'], 'fix: post step failure is job failure (#85)')], forkRenames(new Map()));
    expect(ports).toEqual([{ commit: expect.objectContaining({ sha: shas['retry'] }), how: 'ported', forkCommit: shas['forkRetry'] }]);
  });
});
