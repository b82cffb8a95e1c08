import type { ChalkInstance } from 'chalk';
import type { Headline } from '../headline.js';
import { headlineLines } from '../headlineText.js';
import { displayWidth, wrapText } from '../../text/displayWidth.js';
import { toSingleLine } from '../../text/sanitize.js';

/**
 * The headline for the terminal: `Label: text`, wrapped within the width
 * under a hanging indent; security fixes indented, in red.
 */
export function headlineTerminal(headline: Headline, isSinceAsked: boolean, width: number, chalk: ChalkInstance): string[] {
  const out: string[] = [];
  for (const line of headlineLines(headline, isSinceAsked)) {
    const indent = line.level === 1 ? '  ' : '';
    const label = `${indent}${line.label}: `;
    const hanging = ' '.repeat(displayWidth(label));
    const wrapped = wrapText(toSingleLine(line.text), Math.max(20, width - hanging.length));
    const paint = line.isAlert ? chalk.red : (text: string) => text;
    wrapped.forEach((text, index) => {
      out.push(index === 0 ? chalk.bold(paint(label)) + paint(text) : hanging + paint(text));
    });
  }
  return out;
}
