import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffFixture, projectRoot } from './helpers/paths.js';
import { scratchDir } from './helpers/scratch.js';

/**
 * What `npm pack` ships, and whether it works once installed. Installing its
 * dependencies from the registry is not possible offline here (the npm cache
 * has the packages' files but not their metadata), so the install is done as
 * npm would lay it out, with the dependencies this checkout already has.
 */
interface PackedFile {
  path: string;
}
const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  version: string;
  license: string;
  repository?: { url?: string };
  bin: Record<string, string>;
  scripts: Record<string, string>;
};

const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let files: string[];
beforeAll(() => {
  // --ignore-scripts: what the package holds now, without building again.
  const [packed] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], projectRoot)) as { files: PackedFile[] }[];
  files = (packed?.files ?? []).map((file) => file.path);
});

/** npm's layout for a global install under `prefix`, with this checkout's dependencies; returns the bin's path. */
function installTarball(tarball: string, prefix: string): string {
  const root = join(prefix, 'lib/node_modules/forkdiff');
  mkdirSync(root, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', root, '--strip-components=1']);
  symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  mkdirSync(join(prefix, 'bin'));
  const target = join(root, manifest.bin.forkdiff as string);
  chmodSync(target, 0o755); // as npm's bin-links does
  symlinkSync(target, join(prefix, 'bin/forkdiff'));
  return join(prefix, 'bin/forkdiff');
}

describe('the npm package', () => {
  it('holds the built CLI, both schemas, the README and the LICENSE, and no sources, tests or fixtures', () => {
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/cli.js', 'schema/report.schema.json', 'schema/config.schema.json']));
    expect(files.filter((path) => !/^(dist\/.*\.js|schema\/[a-z]+\.schema\.json|LICENSE|README\.md|package\.json)$/.test(path))).toEqual([]);
    expect(readFileSync(join(projectRoot, manifest.bin.forkdiff as string), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it('has no source map that points at a file it does not ship', () => {
    const maps = files.filter((path) => path.endsWith('.map'));
    const missing = maps.flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(join(projectRoot, map), 'utf8')) as { sources: string[] };
      return sources.map((source) => join(map, '..', source)).filter((source) => !files.includes(source));
    });
    expect(missing).toEqual([]);
  });

  it('says its licence (with the Apache-2.0 text) and its repository', () => {
    expect(manifest.license).toBe('Apache-2.0');
    expect(readFileSync(join(projectRoot, 'LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004\s+http:\/\/www\.apache\.org\/licenses\/[\s\S]*END OF TERMS AND CONDITIONS/);
    expect(manifest.repository?.url).toMatch(/^git\+https:\/\/.+\.git$/);
    expect(manifest.scripts.prepare).toBe('npm run build');
  });
});

const isGitCheckout = existsSync(join(projectRoot, '.git'));

describe.skipIf(!isGitCheckout)('installed from a clean clone, as npm install git+file://… does it', () => {
  it('the prepare script builds it, npm pack packs it, and the installed forkdiff runs', () => {
    const scratch = scratchDir('pack');
    // npm clones the commit, installs its dependencies, runs prepare, packs, installs the tarball.
    const clone = join(scratch, 'clone');
    execFileSync('git', ['clone', '-q', projectRoot, clone]);
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    symlinkSync(join(projectRoot, 'node_modules'), join(clone, 'node_modules'));
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', scratch], clone)) as { filename: string }[];
    const forkdiff = installTarball(join(scratch, packed?.filename ?? ''), join(scratch, 'prefix'));
    const run = (...args: string[]) => spawnSync(forkdiff, args, { cwd: scratch, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run('--version').stdout).toBe(`${manifest.version}\n`);
    const audit = run('--diff-file', diffFixture('analysers/dockerfile.diff'), '--format', 'json');
    expect(audit.status).toBe(0);
    expect((JSON.parse(audit.stdout) as { findings: unknown[] }).findings).toHaveLength(8);
  });
});
