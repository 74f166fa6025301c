// The floor for `activ table`, for `npm run bench`: N evenly spaced x over -4..4, tanh(x) and
// its derivative 1 − tanh²(x), written as CSV rows a slice at a time (memory stays flat, as
// activ table's must). No activ code.
//
//   node bench/bare-table.js 1000000 > table.csv
const n = Number(process.argv[2] ?? 1000);
const write = (text) =>
  new Promise((resolve) => (process.stdout.write(text) ? resolve() : process.stdout.once('drain', resolve)));

await write('x,y,dy\n');
for (let start = 0; start < n; start += 8192) {
  let text = '';
  for (let i = start; i < Math.min(n, start + 8192); i++) {
    const x = -4 + (8 * i) / (n - 1);
    const t = Math.tanh(x);
    text += `${x},${t},${1 - t * t}\n`;
  }
  await write(text);
}
