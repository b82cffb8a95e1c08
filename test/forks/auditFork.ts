import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FIXTURE_KINDS } from '../../fixtures/make-fork.mjs';
import type { ForkFixture } from '../../fixtures/make-fork.mjs';
import { auditDiffFile } from '../../src/audit/audit.js';
import type { Finding, Report } from '../../src/model.js';
import { runCli } from '../helpers/runCli.js';

export interface AuditedFork {
  fixture: ForkFixture;
  /** `forkdiff v1.0 --format json` in the maintainer's clone (git mode, the built binary). */
  git: Report;
  /** The same two-tip diff, saved and audited in diff-file mode (no history, no whole files). */
  diffFile: Report;
  remove(): void;
}

/** Builds a fixture fork (fixtures/forks/) in a temp dir and audits it once in each mode. */
export async function auditFork(kind: keyof typeof FIXTURE_KINDS): Promise<AuditedFork> {
  const dir = mkdtempSync(join(tmpdir(), `forkdiff-${kind}-`));
  const fixture = await FIXTURE_KINDS[kind](join(dir, 'fx'));
  const { status, stdout, stderr } = runCli(['v1.0', '--format', 'json'], { cwd: fixture.clone });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  const diffPath = join(dir, 'two-tip.diff');
  writeFileSync(diffPath, execFileSync('git', ['diff', 'upstream/v1.0', 'origin/v1.0'], { cwd: fixture.clone, encoding: 'utf8' }));
  const diffFile = await auditDiffFile({ diffFile: diffPath });
  return { fixture, git: JSON.parse(stdout) as Report, diffFile, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Findings of one category and path, by their message. */
export const messagesAt = (report: Report, category: string, path: string): string[] =>
  report.findings.filter((finding) => finding.category === category && finding.path === path).map((finding) => finding.message).sort();

/** The finding whose details name `value` under `key` (a module, a test), or a clear error listing what there is. */
export function findingOf(report: Report, key: string, value: string): Finding {
  const found = report.findings.find((finding) => finding.details[key] === value);
  if (!found) throw new Error(`no finding with ${key} ${value}: ${report.findings.map((finding) => finding.message).join('; ')}`);
  return found;
}
