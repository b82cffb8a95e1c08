import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDiffText } from '../../src/diff/parse.js';
import { buildkitFixture, buildkitSkipReason, hasBuildkitFixture } from '../helpers/paths.js';

if (!hasBuildkitFixture) console.warn(buildkitSkipReason);

// Totals agree with `git apply --numstat -p2` on the same fenced diff body.
describe.skipIf(!hasBuildkitFixture)('the real buildkit v0.11 night', () => {
  it('has 108 files, 216 hunks, +1151 / −1594 lines, prefixes upstream/v0.11/ and origin/v0.11/', async () => {
    const { files, prefixes, notices } = await parseDiffText(readFileSync(buildkitFixture, 'utf8'));
    const hunks = files.reduce((sum, file) => sum + file.hunks.length, 0);
    const additions = files.reduce((sum, file) => sum + file.additions, 0);
    const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
    expect({ files: files.length, hunks, additions, deletions }).toEqual({ files: 108, hunks: 216, additions: 1151, deletions: 1594 });
    expect(prefixes).toEqual({ src: 'upstream/v0.11/', dst: 'origin/v0.11/' });
    expect(notices).toEqual([]);
    expect(files.filter((file) => file.status === 'added')).toHaveLength(18);
    expect(files.filter((file) => file.status === 'deleted')).toHaveLength(9);
  });
});
