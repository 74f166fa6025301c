// The floor for `activ eval`, for `npm run bench`: read numbers one a line from standard input
// and print String(Math.tanh(x)) for each, the lean way: read all of stdin, split on '\n', map,
// join, one write. No activ code, no checking of the input.
//
//   node bench/bare-eval.js < numbers.txt > results.txt
import { readFileSync } from 'node:fs';

const lines = readFileSync(0, 'utf8').split('\n');
if (lines.at(-1) === '') lines.pop();
const out = lines.map((line) => String(Math.tanh(Number(line)))).join('\n') + '\n';
process.stdout.write(out);
