import type { CategoryId, FileDiff, Report } from '../../model.js';
import { plural } from '../../text/plural.js';
import { describeStatus } from '../filesView.js';
import { type TableView, minus, plus } from '../view.js';
import { filterAttributes, htmlTable, sideBadge } from './htmlTable.js';
import { vendoredDirOf } from '../../vendoredDir.js';

interface FileRow {
  label: string;
  status: string;
  files: FileDiff[];
}

/** One row per file, a vendored module's files folded into one row (a bump touches dozens). */
function fileRows(files: readonly FileDiff[]): FileRow[] {
  const rows: FileRow[] = [];
  const modules = new Map<string, FileRow>();
  for (const file of files) {
    if (file.module === null) {
      rows.push({ label: file.path, status: describeStatus(file), files: [file] });
      continue;
    }
    const label = vendoredDirOf(file.path, file.module);
    const row = modules.get(label);
    if (row) row.files.push(file);
    else {
      const created: FileRow = { label, status: 'vendored module', files: [file] };
      modules.set(label, created);
      rows.push(created);
    }
  }
  return rows;
}

const union = (files: readonly FileDiff[]): CategoryId[] => [...new Set(files.flatMap((file) => file.categories))];

/**
 * Every file of the diff, filterable like the findings; returns each path's
 * row id, so a finding can link to its file.
 */
export function filesSection(report: Report, prefix: string): { lines: Iterable<string>; anchors: Map<string, string> } {
  const rows = fileRows(report.files);
  const anchors = new Map<string, string>();
  rows.forEach((row, index) => {
    for (const file of row.files) anchors.set(file.path, `${prefix}-file-${index}`);
  });
  const view: TableView = {
    columns: [
      { header: 'Path' }, { header: 'Categories' }, { header: 'Status' },
      { header: '+', align: 'right' }, { header: '−', align: 'right' }, { header: 'Side' },
    ],
    rows: rows.map((row) => [
      row.files.length > 1 ? `${row.label} (${plural(row.files.length, 'file')})` : row.label,
      union(row.files).join(', '), row.status,
      plus(row.files.reduce((sum, file) => sum + file.additions, 0)), minus(row.files.reduce((sum, file) => sum + file.deletions, 0)), '',
    ]),
  };
  function* lines(): Generator<string> {
    yield `<h2 id="${prefix}-files">Files (${report.files.length})</h2>`;
    yield* htmlTable(
      view,
      (index) => {
        const row = rows[index];
        return row ? ` id="${prefix}-file-${index}"${filterAttributes(row.files.map((file) => file.side), union(row.files))}` : '';
      },
      (index, column, text) => {
        if (column === 0) return `<span class="path">${text}</span>`;
        return column === 5 ? [...new Set(rows[index]?.files.map((file) => file.side))].map(sideBadge).join(' ') : text;
      },
    );
  }
  return { lines: lines(), anchors };
}
