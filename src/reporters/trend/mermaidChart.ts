/**
 * A Mermaid `xychart-beta` line chart, which GitHub renders in markdown
 * (https://mermaid.js.org/syntax/xyChart.html). Labels come from file
 * names: anything that could end a quoted label or start a directive is
 * replaced, so a file name cannot break the chart or the page around it.
 */
const label = (text: string): string => `"${text.replace(/[^\p{L}\p{N} ._:/+-]/gu, '_').slice(0, 40)}"`;

export function mermaidLineChart(title: string, axis: string, labels: readonly string[], values: readonly number[]): string[] {
  let top = 1;
  for (const each of values) top = Math.max(top, each);
  // Headroom above the highest point, on a round number.
  const ceiling = top < 10 ? top + 1 : Math.ceil((top * 1.1) / 10) * 10;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${label(title)}`,
    `  x-axis [${labels.map(label).join(', ')}]`,
    `  y-axis ${label(axis)} 0 --> ${ceiling}`,
    `  line [${values.join(', ')}]`,
    '```',
  ];
}
