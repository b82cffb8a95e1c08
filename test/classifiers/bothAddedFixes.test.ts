import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPair } from '../../fixtures/lib/pair.mjs';
import type { Report } from '../../src/model.js';
import { runCli } from '../helpers/runCli.js';

const engine = (lines: string[]): string => `${lines.join('\n')}\n`;

/**
 * searx picked searxng's engines back in a commit that says it fixes them
 * ("pick engine fixes (#3306)"): a file the merge base lacked, which both
 * sides then added, each its own copy. Its lines are no fix the fork lacks.
 */
let dir: string;
let report: Report;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-both-added-'));
  const pair = startPair(join(dir, 'fx'), 'master');
  const { upstream, fork, change } = pair;
  change(upstream, 'searx with its engines', {
    'searx/engines/bing.py': engine(['def request(query, params):', '    params["url"] = base_url + query', '    return params']),
  });
  pair.branchFork();
  // The fork writes lingva.py its own way, first.
  change(fork, '[mod] lingva engine', {
    'searx/engines/lingva.py': engine(['about = {"website": "https://lingva.ml"}', 'engine_type = "online"', 'categories = ["general", "translate"]', 'def request(query, params):', '    return params']),
  });
  change(upstream, 'pick engine fixes (#3306)', {
    'searx/engines/lingva.py': engine(['about = {', '    "website": "https://lingva.ml",', '}', 'categories = ["general"]', 'def request(query, params):', '    return params']),
    // A fix to a file the merge base had stays a fix the fork lacks, shape or none.
    'searx/engines/bing.py': engine(['def request(query, params):', '    params["url"] = base_url + quote(query)', '    return params']),
  });
  // A file both added that upstream changed again after writing it: LXD fixed its copy of project permissions later.
  change(fork, '[mod] tineye engine', { 'searx/engines/tineye.py': engine(['crawl_date = parse(crawl_date)', 'logger = getLogger()']) });
  change(upstream, 'pick tineye (#3307)', { 'searx/engines/tineye.py': engine(['crawl_date = crawl_date', 'logger = logger.getChild("tineye")']) });
  change(upstream, 'fix tineye crawl dates', { 'searx/engines/tineye.py': engine(['crawl_date = datetime.fromisoformat(crawl_date[:-3])', 'logger = logger.getChild("tineye")']) });
  const { clone } = pair.finish();
  const { status, stdout } = runCli(['master', '--format', 'json', '--category', 'reverted-fixes', '--no-sync'], { cwd: clone });
  expect(status).toBe(0);
  report = JSON.parse(stdout) as Report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file both sides added since the merge base', () => {
  it("reads none of upstream's lines as a fix the fork lacks on the commit's word alone; a file the base had still does", () => {
    expect(report.findings.map((finding) => [finding.path, finding.message])).toEqual([
      ['searx/engines/bing.py', 'fork lacks upstream fix: params["url"] = base_url + quote(query)'],
      ['searx/engines/tineye.py', 'fork lacks upstream fix: crawl_date = datetime.fromisoformat(crawl_date[:-3]) logger = logger.getChild("tineye")'],
    ]);
    // Nor is lingva.py's hunk in the category (--category keeps the files it has).
    expect(report.files.map((file) => file.path)).toEqual(['searx/engines/bing.py', 'searx/engines/tineye.py']);
  });
});
