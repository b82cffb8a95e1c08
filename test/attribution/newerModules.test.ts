import { describe, expect, it } from 'vitest';
import { moduleVersionsAt, versionMoves } from '../../src/attribution/newerModules.js';

const goMod = `module github.com/opentofu/opentofu

go 1.21

require (
	golang.org/x/net v0.19.0
	github.com/hashicorp/hcl/v2 v2.19.1
	github.com/zclconf/go-cty v1.14.1 // indirect
)

replace github.com/old/lib => github.com/new/lib v1.9.0

exclude golang.org/x/text v0.99.0
`;

describe('newerModuleLines', () => {
  it("finds a go.mod requirement the fork has at the same or a newer version, pseudo-versions too, on the fork's line", () => {
    const lines = [
      'golang.org/x/net v0.17.0',
      'github.com/hashicorp/hcl/v2 v2.17.1-0.20230825193039-a9f8d65cae3c',
      'github.com/zclconf/go-cty v1.14.1 // indirect',
      'require golang.org/x/net v0.19.0',
      'golang.org/x/net v0.20.0',
      'go 1.21.3',
      'github.com/old/lib v1.0.0',
      'golang.org/x/text v0.13.0',
    ];
    const found = moduleVersionsAt('go.mod', goMod, lines);
    expect(Object.fromEntries(found.newer)).toEqual({
      'golang.org/x/net v0.17.0': 6,
      'github.com/hashicorp/hcl/v2 v2.17.1-0.20230825193039-a9f8d65cae3c': 7,
      'github.com/zclconf/go-cty v1.14.1 // indirect': 8,
      'require golang.org/x/net v0.19.0': 6,
    });
    // Older: a bump the fork lacks. A go directive is the language's floor; a module the fork does not require is unused.
    expect([...found.older]).toEqual(['golang.org/x/net v0.20.0']);
    expect([...found.unused]).toEqual(['github.com/old/lib v1.0.0', 'golang.org/x/text v0.13.0']);
  });

  it("reads go.sum by module and kind (a module's go.mod sum is another line), and no other file", () => {
    const goSum = 'golang.org/x/net v0.19.0 h1:abc=\ngolang.org/x/net v0.19.0/go.mod h1:def=\ngolang.org/x/sys v0.10.0/go.mod h1:ghi=\n';
    expect(Object.fromEntries(moduleVersionsAt('sub/go.sum', goSum, ['golang.org/x/net v0.17.0 h1:old=', 'golang.org/x/sys v0.9.0 h1:old=', 'golang.org/x/sys v0.9.0/go.mod h1:old=']).newer)).toEqual({
      'golang.org/x/net v0.17.0 h1:old=': 1,
      'golang.org/x/sys v0.9.0/go.mod h1:old=': 3,
    });
    expect(moduleVersionsAt('go.mod.txt', goMod, ['golang.org/x/net v0.17.0']).newer.size).toBe(0);
  });

  it('tells which added lines lower or raise a version the commit removed; a module it adds does neither', () => {
    const moves = versionMoves('go.mod', ['golang.org/x/crypto v0.12.0', 'golang.org/x/net v0.17.0', 'golang.org/x/term v0.1.0'], ['golang.org/x/crypto v0.14.0', 'golang.org/x/net v0.15.0']);
    expect([...moves.lowered]).toEqual(['golang.org/x/crypto v0.12.0']);
    expect([...moves.raised]).toEqual(['golang.org/x/net v0.17.0']);
  });
});
