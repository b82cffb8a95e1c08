import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/audit/summary.js';
import { MIN_COLLAPSED_LOCK_ROWS } from '../../src/reporters/findingsView.js';
import { tableReporter } from '../../src/reporters/table/table.js';
import { aDependency, aReport } from '../check/builders.js';

describe('tableReporter: a long tail', () => {
  it("lists a lockfile's rows after the manifests', under the summary the other formats give", () => {
    const npm = (module: string, path: string) => aDependency(module, 'downgrade', { path, side: 'upstream', details: { ecosystem: 'npm', module, direction: 'downgrade', upstream: '2.0.0', fork: '1.0.0', source: path } });
    const transitive = Array.from({ length: MIN_COLLAPSED_LOCK_ROWS }, (_, index) => npm(`dep-${String(index).padStart(2, '0')}`, 'yarn.lock'));
    // The lockfile's rows come first in the report: the table puts the manifest's first all the same.
    const findings = [...transitive, npm('react', 'yarn.lock'), npm('react', 'package.json')];
    const text = [...tableReporter([{ ...aReport(findings), summary: summarise([], findings, true) }], { isColor: false, width: 200 })].join('');
    const [table, tail] = text.split(`${MIN_COLLAPSED_LOCK_ROWS + 1} lockfile entries (yarn.lock); ${MIN_COLLAPSED_LOCK_ROWS} for dependencies not in the table above:\n`);
    expect(table?.match(/package\.json/g)).toHaveLength(1);
    expect(table).not.toContain('yarn.lock');
    expect(tail?.match(/yarn\.lock/g)).toHaveLength(MIN_COLLAPSED_LOCK_ROWS + 1);
  });
});
