import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { short } from '../git/fixtureRepo.js';
import { auditFork, messagesAt } from './auditFork.js';
import type { AuditedFork } from './auditFork.js';

/** fixtures/forks/rust-cargo.mjs: a Rust fork (alacritty's WASM fork's shape) behind a serde bump and an overflow fix. */
let fork: AuditedFork;
beforeAll(async () => {
  fork = await auditFork('rust-cargo');
});
afterAll(() => fork.remove());

describe('a fix whose unit test sits in the same Rust file', () => {
  it('reads the fix as a missing fix, and its test as a missing test, each once', () => {
    const { overflowFix } = fork.fixture.shas;
    const about = (category: string) => fork.git.findings.filter((finding) => finding.category === category).map(({ path, line, message, side, commits }) => ({ path, line, message, side, commits }));
    expect(about('reverted-fixes')).toEqual([
      { path: 'src/damage.rs', line: 10, message: 'fork lacks upstream fix: let y = size.height as i32 - (line + 1) as i32 * size.cell_height as i32;', side: 'upstream', commits: [short(overflowFix!)] },
    ]);
    expect(about('removed-tests')).toEqual([
      { path: 'src/damage.rs', line: 24, message: 'upstream added test line_below_viewport; fork lacks it', side: 'upstream', commits: [short(overflowFix!)] },
    ]);
  });

  it("reads no missing fix in the test from a saved diff, where git names `mod tests` as the hunk's context", () => {
    expect(fork.diffFile.findings.filter((finding) => finding.path === 'src/damage.rs').map(({ category, message }) => [category, message])).toEqual([
      ['removed-tests', 'test line_below_viewport removed from src/damage.rs'],
    ]);
  });
});

describe('Cargo dependencies', () => {
  it('tells the bump upstream made from the crates the fork added, in the manifest and the lock file', () => {
    expect(messagesAt(fork.git, 'vendored-deps', 'Cargo.toml')).toEqual([
      'fork added wasm-bindgen (0.2)',
      'upstream bumped serde 1.0.190 → 1.0.200; fork still at 1.0.190',
    ]);
    expect(messagesAt(fork.git, 'vendored-deps', 'Cargo.lock')).toEqual([
      'fork added wasm-bindgen (0.2.92)',
      'fork added wasm-bindgen-macro (0.2.92)',
      'upstream bumped serde 1.0.190 → 1.0.200; fork still at 1.0.190',
      'upstream bumped serde_derive 1.0.190 → 1.0.200; fork still at 1.0.190',
    ]);
    const { serdeBump, wasm } = fork.fixture.shas;
    const commitsOf = (module: string) => fork.git.findings.filter((finding) => finding.details['module'] === module).map((finding) => finding.commits);
    expect(commitsOf('serde')).toEqual([[short(serdeBump!)], [short(serdeBump!)]]);
    expect(commitsOf('wasm-bindgen')).toEqual([[short(wasm!)], [short(wasm!)]]);
  });
});
