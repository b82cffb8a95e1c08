import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/check/configParse.js';
import { renderStarterConfig, starterSettings } from '../../src/check/starterConfig.js';
import type { RepoLayout } from '../../src/git/repoLayout.js';

const layout = (overrides: Partial<RepoLayout>): RepoLayout => ({
  root: '/repo',
  remotes: ['origin', 'upstream'],
  branches: { origin: ['main', 'v0.10', 'v0.11', 'ubuntu'], upstream: ['main', 'v0.10', 'v0.11', 'v0.12'] },
  defaultBranch: { origin: 'v0.11', upstream: 'main' },
  currentBranch: 'ubuntu',
  ...overrides,
});

describe('starterSettings', () => {
  it('prefers the checked-out branch, then the fork\'s default branch, when both remotes have it', () => {
    expect(starterSettings(layout({ currentBranch: 'v0.10' }), { refs: [] }).refs).toEqual(['v0.10']);
    expect(starterSettings(layout({}), { refs: [] }).refs).toEqual(['v0.11']);
  });

  it('lists a few shared branches, and only hints at many', () => {
    expect(starterSettings(layout({ defaultBranch: { origin: null, upstream: null } }), { refs: [] }).refs).toEqual(['main', 'v0.10', 'v0.11']);
    const many = starterSettings(
      layout({ branches: { origin: ['a', 'b', 'c', 'd'], upstream: ['a', 'b', 'c', 'd'] }, defaultBranch: { origin: null, upstream: null } }),
      { refs: [] },
    );
    expect(many.refs).toEqual([]);
    expect(many.notes).toEqual(['both remotes have 4 branches (a, b, c, d, …): list the ones to audit in refs:']);
  });

  it('takes the only other remote as upstream, whatever its name', () => {
    const settings = starterSettings(layout({ remotes: ['origin', 'moby'], branches: { origin: ['v0.11'], moby: ['v0.11'] }, defaultBranch: {} }), { refs: [] });
    expect(settings).toMatchObject({ upstream: 'moby', origin: 'origin', refs: ['v0.11'], notes: [] });
  });

  it('renders a config forkdiff reads back as it was detected, refs kept as text', () => {
    const text = renderStarterConfig({ upstream: 'moby', origin: 'origin', refs: ['0.11', 'v0.12'], baseline: 'ci/accepted.json', notes: [] });
    expect(parseConfig(text, '.forkdiff.yml')).toMatchObject({ upstream: 'moby', origin: 'origin', refs: ['0.11', 'v0.12'], baseline: 'ci/accepted.json' });
  });
});
