import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/check/config.js';
import { compilePathRules } from '../../src/check/pathRules.js';

describe('compilePathRules', () => {
  const rules = compilePathRules(
    parseConfig(
      "categories:\n  dockerfile: ['hack/**/Dockerfile*']\n  workflow: .ci/**\nignore: ['docs/**', '**/*.md']\n",
      '.forkdiff.yml',
    ),
  );

  it('drops ignored paths', () => {
    expect(rules.isIgnored('docs/guide/index.html')).toBe(true);
    expect(rules.isIgnored('.github/README.md')).toBe(true);
    expect(rules.isIgnored('cmd/main.go')).toBe(false);
  });

  it('adds the extra categories the globs name', () => {
    expect(rules.extraCategories('hack/dockerfiles/Dockerfile.test')).toEqual(['dockerfile']);
    expect(rules.extraCategories('.ci/run')).toEqual(['workflow']);
    expect(rules.extraCategories('cmd/main.go')).toEqual([]);
  });

  it('matches nothing with an empty config', () => {
    const empty = compilePathRules(parseConfig('', '.forkdiff.yml'));
    expect(empty.isIgnored('anything')).toBe(false);
    expect(empty.extraCategories('Dockerfile')).toEqual([]);
  });
});
