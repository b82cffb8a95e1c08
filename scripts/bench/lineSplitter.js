// The floor for reading a saved diff in Node: stream the file, decode it,
// split it into lines, count them. Nothing is parsed, so forkdiff's
// saved-diff mode divided by this is what its parsing, classifying and
// reporting cost per line (issue 16 asks for at most 4×).
//
//   node lineSplitter.js FILE      → prints the number of lines
import { createReadStream } from 'node:fs';

let lines = 0;
let rest = '';
for await (const chunk of createReadStream(process.argv[2], { encoding: 'utf8', highWaterMark: 1 << 16 })) {
  const parts = (rest + chunk).split('\n');
  rest = parts.pop() ?? '';
  lines += parts.length;
}
if (rest !== '') lines += 1;
console.log(lines);
