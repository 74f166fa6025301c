// The streaming floor for `activ eval`, for `npm run bench`: read numbers one a line from
// standard input with readline and write String(Math.tanh(x)) for each as it goes, in 64 KB
// writes that wait for the pipe. Memory stays flat, as activ eval's must; no activ code, no
// checking of the input.
//
//   node bench/stream-eval.js < numbers.txt > results.txt
import { createInterface } from 'node:readline';

let out = '';
const flush = () =>
  new Promise((resolve) => {
    const text = out;
    out = '';
    if (!process.stdout.write(text)) process.stdout.once('drain', resolve);
    else resolve();
  });

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  out += String(Math.tanh(Number(line))) + '\n';
  if (out.length > 65_536) await flush();
}
await flush();
