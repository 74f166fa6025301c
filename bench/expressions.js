#!/usr/bin/env node
// `npm run bench:expressions`: what an expression in x costs beside the catalog, measured in ONE
// run on a shared, noisy machine, so every comparison is interleaved round-robin and reported as
// medians and ratios of medians. A report, not a test: it exits 0 whatever it finds.
//
//   node bench/expressions.js [--rounds N] [--baseline DIR]
//
// 1. In one process: f and f' of x*sigmoid(1.702*x) over 1e6 samples (-6..6), against the
//    catalog's silu (β = 1) over the same samples. Target: within 2x.
// 2. A whole figure, cold process each: activ plot 'x*sigmoid(1.702*x)' --samples 1000000 against
//    activ plot silu --samples 1000000 (silu's figure evaluates only the ends of its monotone
//    pieces per pixel column; an expression declares no turning points and evaluates them all).
// 3. Cold start of a catalog figure, activ plot elu, against the same command of another build
//    (--baseline DIR: a checkout with its own dist/, e.g. the commit before expressions): the
//    expression code must cost catalog figures nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : args[at + 1];
};
const ROUNDS = Number(option('--rounds', '15'));
const BASELINE = option('--baseline', undefined);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (v) => `${v.toFixed(v >= 100 ? 0 : 1)} ms`;
const row = (...cells) => console.log(`| ${cells.join(' | ')} |`);

/** Run each contender `rounds` times in turn (after one discarded round); medians by key. */
function interleave(contenders, rounds) {
  const times = new Map(contenders.map((c) => [c.key, []]));
  for (let r = 0; r <= rounds; r++) {
    for (const c of contenders) {
      const t = c.run();
      if (r > 0) times.get(c.key).push(t);
    }
  }
  return new Map([...times].map(([k, v]) => [k, median(v)]));
}

// 1. In process.
const { evaluate, derivative } = await import(path.join(ROOT, 'dist', 'index.js'));
const x = Float64Array.from({ length: 1_000_000 }, (_, i) => -6 + (12 * i) / 999_999);
const timed = (fn) => () => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};
const inProcess = interleave(
  [
    { key: 'silu f', run: timed(() => evaluate('silu', x)) },
    { key: 'expression f', run: timed(() => evaluate('x*sigmoid(1.702*x)', x)) },
    { key: 'silu df', run: timed(() => derivative('silu', x)) },
    { key: 'expression df', run: timed(() => derivative('x*sigmoid(1.702*x)', x)) },
  ],
  ROUNDS,
);
console.log('| what (1e6 samples) | median | ratio to silu | target |');
console.log('|---|---:|---:|---|');
for (const q of ['f', 'df']) {
  const base = inProcess.get(`silu ${q}`);
  const mine = inProcess.get(`expression ${q}`);
  row(`silu ${q === 'f' ? 'f' : "f'"}`, ms(base), '1', '');
  row(
    `x*sigmoid(1.702*x) ${q === 'f' ? 'f' : "f'"}`,
    ms(mine),
    (mine / base).toFixed(2),
    mine <= 2 * base ? '≤ 2x: ok' : '≤ 2x: **FAIL**',
  );
}

// 2 and 3. Cold processes.
const dir = mkdtempSync(path.join(tmpdir(), 'activ-bench-'));
const cold = (bin, words) => () => {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [bin, ...words], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const t = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${words.join(' ')}: ${run.stderr}`);
  return t;
};
const BIN = path.join(ROOT, 'bin', 'activ.js');
const figures = interleave(
  [
    { key: 'silu', run: cold(BIN, ['plot', 'silu', '--samples', '1000000', '-o', 'a.png']) },
    {
      key: 'expression',
      run: cold(BIN, ['plot', 'x*sigmoid(1.702*x)', '--samples', '1000000', '-o', 'b.png']),
    },
  ],
  ROUNDS,
);
console.log('');
console.log('| figure, cold process, 1e6 samples | median | ratio to silu | target |');
console.log('|---|---:|---:|---|');
row('`activ plot silu`', ms(figures.get('silu')), '1', '');
const ratio = figures.get('expression') / figures.get('silu');
row(
  "`activ plot 'x*sigmoid(1.702*x)'`",
  ms(figures.get('expression')),
  ratio.toFixed(2),
  ratio <= 2 ? '≤ 2x: ok' : '≤ 2x: **FAIL**',
);

if (BASELINE) {
  const starts = interleave(
    [
      {
        key: 'baseline',
        run: cold(path.join(path.resolve(BASELINE), 'bin', 'activ.js'), ['plot', 'elu', '-o', 'c.png']),
      },
      { key: 'this', run: cold(BIN, ['plot', 'elu', '-o', 'd.png']) },
    ],
    ROUNDS,
  );
  console.log('');
  console.log('| `activ plot elu`, cold process | median | ratio |');
  console.log('|---|---:|---:|');
  row('baseline build', ms(starts.get('baseline')), '1');
  row('this build', ms(starts.get('this')), (starts.get('this') / starts.get('baseline')).toFixed(2));
}
rmSync(dir, { recursive: true, force: true });
