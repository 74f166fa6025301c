// The floor of activ's stack, for `npm run bench`: the figure of
//   activ plot elu --alpha 1 --from -20 --to 20 -o x.png
// (1000 samples of ELU over -20..20, a 640x480 PNG) drawn with nothing but Chart.js through
// chartjs-node-canvas on node-canvas, as activ draws it, and encoded by canvas's own PNG encoder
// (renderToBufferSync). No activ code, no fonts registered, no Matplotlib styling.
//
//   node bench/bare-stack.js out.png
import { writeFileSync } from 'node:fs';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';

const output = process.argv[2];
if (!output) {
  process.stderr.write('usage: node bench/bare-stack.js OUTPUT.png\n');
  process.exit(2);
}

const n = 1000;
const from = -20;
const to = 20;
const alpha = 1;
const data = new Array(n);
for (let i = 0; i < n; i++) {
  const x = from + ((to - from) * i) / (n - 1);
  data[i] = { x, y: x > 0 ? x : alpha * Math.expm1(x) };
}

const renderer = new ChartJSNodeCanvas({ width: 640, height: 480 });
const png = renderer.renderToBufferSync(
  {
    type: 'line',
    data: { datasets: [{ data, borderColor: '#1f77b4', borderWidth: 1.5, pointRadius: 0, fill: false }] },
    options: {
      animation: false,
      responsive: false,
      scales: { x: { type: 'linear', min: from, max: to } },
      plugins: { legend: { display: false } },
    },
  },
  'image/png',
);
writeFileSync(output, png);
