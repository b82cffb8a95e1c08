import { describe, expect, it } from 'vitest';
import { REPORT_MARKER, isOwnReport } from '../src/ownReport.js';

const lines = (text: string): string[] => text.split('\n').slice(0, 10);

describe('isOwnReport', () => {
  it.each([
    ['markdown', `${REPORT_MARKER}\n# forkdiff: upstream/v0.11 → origin/v0.11\n`],
    ['html with a doctype first', `<!DOCTYPE html>\n${REPORT_MARKER}\n<html>\n`],
    ['one JSON report', '{\n  "schemaVersion": 1,\n  "headline": {\n'],
    ['one JSON report from before the headline', '{\n  "schemaVersion": 1,\n  "mode": "git",\n'],
    ['several JSON reports', '{\n  "schemaVersion": 1,\n  "reports": [\n'],
    ['SARIF', '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": {\n        "driver": {\n          "name": "forkdiff",\n'],
    ['a table', 'forkdiff  upstream/v0.11 → origin/v0.11\nupstream c52cd3430260, fork fd4fc4b057b5\n'],
  ])('recognises %s', (_name, text) => expect(isOwnReport(lines(text))).toBe(true));

  it.each([
    ['markdown that quotes the marker further down', `# Notes\n\nSome text\n\n${REPORT_MARKER}\n`],
    ['a package.json', '{\n  "name": "forkdiff",\n  "version": "0.1.0",\n'],
    ['another JSON document with a schemaVersion', '{\n  "schemaVersion": 1,\n  "items": []\n'],
    ['another tool\'s SARIF', '{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": {\n        "driver": {\n          "name": "CodeQL",\n'],
    ['prose that starts with the word', 'forkdiff is a tool that audits forks.\n'],
    ['an empty file', ''],
  ])('leaves %s to be audited', (_name, text) => expect(isOwnReport(lines(text))).toBe(false));
});
