import type { Headline } from '../headline.js';
import { headlineLines } from '../headlineText.js';
import { escapeMarkdown } from '../../text/markdown.js';

/** The headline as a bullet list, security fixes nested under what the fork lacks. */
export function* headlineBlock(headline: Headline, isSinceAsked: boolean): Generator<string> {
  for (const line of headlineLines(headline, isSinceAsked)) {
    const indent = line.level === 1 ? '  ' : '';
    const label = line.isAlert ? `⚠ ${line.label}` : line.label;
    yield `${indent}- **${label}:** ${escapeMarkdown(line.text)}`;
  }
}
