import { describe, expect, it } from 'vitest';
import { commitEvidence } from '../../src/classifiers/fixes/commitEvidence.js';

const evidence = (subject: string) => commitEvidence(['aaaaaaaaaaaa'], () => subject);

describe('commitEvidence', () => {
  it('reads a dependency or CI bump as no fix of the code its lines are in, unless it names a security problem', () => {
    // nektos/act's 10add23e migrated the Docker SDK under this subject: 45 "fork lacks upstream fix" rows.
    expect(evidence('build(deps): bump GitHub Actions to fix Node.js 20 deprecation (#6036)').fixes).toEqual([]);
    expect(evidence('chore(deps): update module golang.org/x/net to fix a panic').fixes).toEqual([]);
    expect(evidence('bump x/net and the Go toolchain to fix GO-2026-5942 (#391)').fixes).toHaveLength(1);
    // A fix by its own words stays one.
    expect(evidence('fix: close the response body in the client').fixes).toHaveLength(1);
    expect(evidence('Update the parser to fix a crash on empty input').fixes).toHaveLength(1);
  });

  it('reads a type checker satisfied as rework, no fix', () => {
    expect(evidence('chore(frontend): fix type errors')).toMatchObject({ fixes: [], isReworkOnly: true });
    expect(evidence('fix(frontend): Paginatorの型エラー解消 (#16230)')).toMatchObject({ fixes: [], isReworkOnly: true });
    expect(evidence('fix: TypeError when the title is None')).toMatchObject({ isReworkOnly: false });
  });
});
