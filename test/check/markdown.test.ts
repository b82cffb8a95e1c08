import { describe, expect, it } from 'vitest';
import { checkReports } from '../../src/check/check.js';
import { parseConfig } from '../../src/check/configParse.js';
import { escapeMarkdown } from '../../src/text/markdown.js';
import { formatCheckMarkdown } from '../../src/check/formatMarkdown.js';
import { aFinding, aReport } from './builders.js';

describe('escapeMarkdown', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['`code`', '\\`code\\`'],
    ['</details><img src=x>', '&lt;/details&gt;&lt;img src=x&gt;'],
    ['one\ntwo\r\nthree\rfour', 'one\\\\ntwo\\\\r\\\\nthree\\\\rfour'],
    ['ma\u200bin.go\u2028x\ufeff', 'ma\\\\u200bin.go\\\\u2028x\\\\ufeff'],
    ['::stop-commands::pwned', '\\\\x3a:stop-commands::pwned'],
    ['back\\slash & amp', 'back\\\\slash &amp; amp'],
    ['esc\u001b[31m', 'esc\\\\x1b\\[31m'],
    ['plain path/to_file.go', 'plain path/to\\_file.go'],
    ['*bold* [link](x) #1 ~x~ !', '\\*bold\\* \\[link\\](x) \\#1 \\~x\\~ \\!'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeMarkdown(text)).toBe(escaped);
  });
});

describe('formatCheckMarkdown', () => {
  const config = parseConfig('expect:\n  - {category: dockerfile, reason: ours}\n  - {category: workflow, reason: gone}\n', 'x.yml');

  it('says so when there is no unexpected drift', () => {
    const result = checkReports([aReport([aFinding({ category: 'dockerfile' }), aFinding({ category: 'workflow' })])], config, null);
    expect(formatCheckMarkdown(result)).toBe('## forkdiff check\n\nNo unexpected drift (2 expected by rules, 0 by baseline).\n');
  });

  it('tables the unexpected findings, escaped, then the warnings', () => {
    const hostile = aFinding({ path: 'x|y.go', message: 'a\nb', fingerprint: 'fp1' });
    const result = checkReports([aReport([hostile, aFinding({ category: 'dockerfile' })])], config, null);
    expect(formatCheckMarkdown(result)).toBe(
      [
        '## forkdiff check',
        '',
        '**1 unexpected finding** (1 expected by rules, 0 by baseline). Add an `expect` rule with a reason to `.forkdiff.yml`, or run `forkdiff baseline` to accept them.',
        '',
        '| Ref | Category | Path | Finding | Fingerprint |',
        '| --- | --- | --- | --- | --- |',
        '| v0.11 | other | x\\|y.go | a\\\\nb | fp1 |',
        '',
        '### Warnings',
        '',
        '- rule expect\\[1\\] (workflow, reason "gone") matched nothing: remove it or fix its category',
        '',
      ].join('\n'),
    );
  });
});
