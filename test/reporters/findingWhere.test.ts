import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/audit/summary.js';
import { markdownReporter } from '../../src/reporters/markdown/markdown.js';
import { tableReporter } from '../../src/reporters/table/table.js';
import { aDependency, aFinding, aReport } from '../check/builders.js';

// One upstream fix in two hunks of a file reads as two findings with one message (buildkit's predicate.go).
const fix = (line: number) => aFinding({
  category: 'reverted-fixes', kind: 'missing-fix', path: 'solver/predicate.go', side: 'upstream',
  message: 'fork lacks upstream zero-value check: if s.Digest != ""', fingerprint: `fp-${line}`, line, lineIn: 'upstream',
});
const findings = [
  fix(67), fix(106),
  aFinding({ category: 'workflow', kind: 'secret-referenced', path: '.github/workflows/build.yml', message: 'fork newly references secret TOKEN', line: 215, lineIn: 'fork' }),
  aFinding({ category: 'workflow', kind: 'workflow-removed', path: '.github/workflows/old.yml', message: 'fork removed workflow' }),
  // A whole file's finding sits at its first line, which the column leaves out.
  aFinding({ category: 'workflow', kind: 'workflow-added', path: '.github/workflows/diff.yml', message: 'fork added workflow', line: 1, lineIn: 'fork' }),
  aFinding({ category: 'workflow', kind: 'workflow-renamed', path: '.github/workflows/valdb-release.yml', message: 'fork renamed workflow', line: 1, lineIn: 'fork' }),
  aDependency('golang.org/x/sys', 'downgrade', { side: 'upstream', line: 9, lineIn: 'fork', details: { ecosystem: 'go', module: 'golang.org/x/sys', upstream: 'v0.4.0', fork: 'v0.3.0' } }),
];
const report = { ...aReport(findings), summary: summarise([], findings, true) };

describe('a finding’s place in the Path column', () => {
  it('markdown: the line, said to be upstream’s when it counts there, and the path alone without one', () => {
    const text = [...markdownReporter([report], { isColor: false, width: 120 })].join('');
    expect(text).toContain('| solver/predicate.go:67 (upstream) | missing-fix |');
    expect(text).toContain('| solver/predicate.go:106 (upstream) | missing-fix |');
    expect(text).toContain('| .github/workflows/build.yml:215 | secret-referenced |');
    expect(text).toContain('| .github/workflows/old.yml | workflow-removed |');
    expect(text).toContain('| .github/workflows/diff.yml | workflow-added |');
    expect(text).toContain('| .github/workflows/valdb-release.yml | workflow-renamed |');
    expect(text).toContain('| v0.4.0 | v0.3.0 | upstream — | go.mod:9 | upstream |');
  });

  it('table: the same places, so two findings of one message read apart', () => {
    const text = [...tableReporter([report], { isColor: false, width: 240 })].join('');
    expect(text).toMatch(/solver\/predicate\.go:67 \(upstream\)\s+missing-fix/);
    expect(text).toMatch(/solver\/predicate\.go:106 \(upstream\)\s+missing-fix/);
    expect(text).toMatch(/\.github\/workflows\/build\.yml:215\s+secret-referenced/);
    expect(text).toMatch(/\.github\/workflows\/old\.yml\s+workflow-removed/);
  });
});
