#!/usr/bin/env node
// `npm run bench`: activ side by side with the bare stack it is built on (Chart.js on
// node-canvas), gnuplot and Matplotlib, measured in ONE run. The machine this was written for has
// two shared, noisy cores, so every comparison is interleaved round-robin (A B C A B C ...) within
// the run and reported as medians and ratios of medians, never as absolute times from separate
// runs. It is a report, not a test: it exits 0 when a target fails, and marks the row **FAIL**.
//
//   node bench/run.js [--quick] [--runs N] [--only a,b,c,d] [--compare-figures N]
//
// The Markdown report goes to standard output (paste it into the README); progress goes to
// standard error. Everything is written in a temporary folder, removed at the end.
import { spawn, spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The installed command, run directly as a user's shell runs it.
const ACTIV = path.join(ROOT, 'bin', 'activ.js');
const BARE_STACK = path.join(ROOT, 'bench', 'bare-stack.js');
const BARE_EVAL = path.join(ROOT, 'bench', 'bare-eval.js');
const STREAM_EVAL = path.join(ROOT, 'bench', 'stream-eval.js');
const BARE_TABLE = path.join(ROOT, 'bench', 'bare-table.js');
const NODE = process.execPath;
/**
 * The Python to draw Matplotlib's figures with: $ACTIV_BENCH_PYTHON if set, else the first
 * python3 on PATH that can import matplotlib (a virtualenv's may not, the system's may), else
 * the first python3 on PATH, else none (the Matplotlib rows are skipped).
 */
function findPython() {
  if (process.env.ACTIV_BENCH_PYTHON) return process.env.ACTIV_BENCH_PYTHON;
  const found = [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'python3');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
    } catch {
      continue;
    }
    if (spawnSync(candidate, ['-c', 'import matplotlib'], { stdio: 'ignore' }).status === 0) return candidate;
    found.push(candidate);
  }
  return found[0] ?? 'python3';
}
const PYTHON = findPython();

// ---------------------------------------------------------------------------------------------
// Options

const USAGE = `usage: node bench/run.js [options]

  --quick               fewer repetitions (a and c: 5 runs, b: 1, d: 3; Matplotlib and gnuplot
                        draw 50 of the batch figures)
  --runs N              cold runs per contender in sections a and c (default 25, --quick 5)
  --batch-runs N        runs per contender in section b (default 3, --quick 1)
  --eval-runs N         runs per contender in section d (default 5, --quick 3)
  --compare-figures N   how many of the 1000 batch figures gnuplot and Matplotlib draw, each in
                        one process (default 200, --quick 50; 1000 for all of them, which takes
                        Matplotlib about 80 s a run here)
  --stream-runs N       runs per contender of the ten-million-line eval (d) and of the
                        tables (e) (default 3, --quick 1)
  --only LIST           sections to run, comma-separated: a,b,c,d,e (default all)
  -h, --help            this help
`;

function parseArgs(argv) {
  const quick = argv.includes('--quick');
  const o = {
    quick,
    runs: quick ? 5 : 25, // start-up times on a small shared machine can be bimodal: 15 runs let the median flip
    batchRuns: quick ? 1 : 3,
    evalRuns: quick ? 3 : 5,
    streamRuns: quick ? 1 : 3,
    compareFigures: quick ? 50 : 200,
    only: new Set(['a', 'b', 'c', 'd', 'e']),
  };
  const count = (flag, value, max) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      usage(`${flag} takes a whole number from 1 to ${max}, not '${value ?? ''}'`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--quick':
        break;
      case '--runs':
        o.runs = count(flag, value(), 1000);
        break;
      case '--batch-runs':
        o.batchRuns = count(flag, value(), 100);
        break;
      case '--eval-runs':
        o.evalRuns = count(flag, value(), 1000);
        break;
      case '--stream-runs':
        o.streamRuns = count(flag, value(), 100);
        break;
      case '--compare-figures':
        o.compareFigures = count(flag, value(), 1000);
        break;
      case '--only': {
        const list = String(value() ?? '')
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean);
        if (list.length === 0 || list.some((s) => !'abcde'.includes(s) || s.length !== 1))
          usage(`--only takes sections among a,b,c,d,e`);
        o.only = new Set(list);
        break;
      }
      case '-h':
      case '--help':
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      default:
        usage(`unknown option '${a}'`);
    }
  }
  return o;
}

function usage(message) {
  process.stderr.write(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Measuring

// pid -> ppid, from /proc/N/stat, read once per process: a ppid only changes when the parent dies,
// and reading every stat every 20 ms would cost the measured processes CPU on a 2-core machine.
const parents = new Map();

/** Sum of VmRSS (bytes) over `root` and all its descendants, found through the ppid in /proc/N/stat. */
function treeRss(root) {
  const alive = new Set();
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const pid = Number(name);
    alive.add(pid);
    let ppid = parents.get(pid);
    if (ppid === undefined) {
      let stat;
      try {
        stat = fs.readFileSync(`/proc/${name}/stat`, 'latin1');
      } catch {
        continue; // gone meanwhile
      }
      // pid (comm) state ppid ...; comm may hold spaces and parentheses, so parse after the last ')'.
      ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ', 2)[1]);
      parents.set(pid, ppid);
    }
    let list = children.get(ppid);
    if (!list) children.set(ppid, (list = []));
    list.push(pid);
  }
  for (const pid of parents.keys()) if (!alive.has(pid)) parents.delete(pid); // a reused pid is read afresh
  let total = 0;
  const queue = [root];
  const seen = new Set();
  while (queue.length > 0) {
    const pid = queue.pop();
    if (seen.has(pid)) continue;
    seen.add(pid);
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
      const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // exited between the scan and now
    }
    for (const child of children.get(pid) ?? []) queue.push(child);
  }
  return total;
}

/** The telling line of a failed command's standard error: the error itself, not Node's trailer. */
function errorLine(stderr) {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Node\.js v\d/.test(l) && !/^at /.test(l) && !/^[{}]/.test(l));
  const line = lines.find((l) => /^(\w*Error\b|activ:|error:)/i.test(l)) ?? lines.at(-1) ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

let current = null; // the child running now, so Ctrl-C can stop it

/**
 * Run one command to its end. Wall time is from just before spawn to the 'exit' event. With
 * `sampleMemory`, the summed VmRSS of the process tree is sampled every ~20 ms and its maximum
 * reported.
 */
// This machine's two CPUs are not alike (one runs a cold Node start-up ~25 % slower, and a process
// lands on either), which made single-process timings bimodal. Single-process contenders are
// pinned to CPU 0 with taskset, all of them alike; the batch, which uses every core, is not.
const TASKSET = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

function runOnce({ cmd, args, cwd, stdin, stdout, env, pin = false }, { sampleMemory = false } = {}) {
  if (pin && TASKSET) [cmd, args] = ['taskset', ['-c', '0', cmd, ...args]];
  return new Promise((resolve) => {
    const inFd = stdin ? fs.openSync(stdin, 'r') : 'ignore';
    const outFd = stdout ? fs.openSync(stdout, 'w') : 'ignore';
    let stderr = '';
    let peak = 0;
    let timer = null;
    let ms = NaN;
    let exitCode = null;
    let exitSignal = null;
    const closeFds = () => {
      if (typeof inFd === 'number') fs.closeSync(inFd);
      if (typeof outFd === 'number') fs.closeSync(outFd);
    };
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: [inFd, outFd, 'pipe'] });
    current = child;
    const sample = () => {
      try {
        peak = Math.max(peak, treeRss(child.pid));
      } catch {
        // /proc unreadable: leave the peak as it is
      }
    };
    if (sampleMemory && child.pid) {
      sample();
      timer = setInterval(sample, 20);
    }
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      if (stderr.length < 4000) stderr += d;
    });
    child.on('exit', (code, signal) => {
      ms = performance.now() - t0;
      exitCode = code;
      exitSignal = signal;
      if (timer) clearInterval(timer);
    });
    child.on('error', (error) => {
      if (timer) clearInterval(timer);
      current = null;
      closeFds();
      resolve({ ok: false, ms: NaN, peak: NaN, error: error.message });
    });
    child.on('close', () => {
      current = null;
      closeFds();
      const ok = exitCode === 0;
      resolve({
        ok,
        ms,
        peak: sampleMemory ? peak : NaN,
        error: ok
          ? ''
          : `${exitSignal ? `killed by ${exitSignal}` : `exit code ${exitCode}`}${stderr ? `: ${errorLine(stderr)}` : ''}`,
      });
    });
  });
}

/**
 * Run the contenders round-robin, `rounds` times (after `warmup` discarded rounds), so slow drift
 * of a shared machine falls on all of them alike. A contender that fails once is dropped.
 * `before(contender)` runs untimed before each run (e.g. to empty an output folder),
 * `after(contender, result)` untimed after each successful run.
 */
async function interleave(
  label,
  contenders,
  rounds,
  { warmup = 1, sampleMemory = false, before, after } = {},
) {
  const results = new Map(contenders.map((c) => [c.key, { times: [], peaks: [], error: '' }]));
  const total = warmup + rounds;
  for (let r = 0; r < total; r++) {
    progress(`${label}: ${r < warmup ? 'warm-up' : `round ${r - warmup + 1}/${rounds}`}`);
    for (const c of contenders) {
      const res = results.get(c.key);
      if (res.error) continue;
      before?.(c);
      const out = await runOnce(c, { sampleMemory });
      if (!out.ok) {
        res.error = out.error;
        progress(`  ${c.key} failed: ${out.error}`);
        continue;
      }
      after?.(c, out);
      if (r >= warmup) {
        res.times.push(out.ms);
        res.peaks.push(out.peak);
      }
    }
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const MiB = 1024 * 1024;

function fmtMs(ms) {
  if (!Number.isFinite(ms)) return '—';
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}

function fmtPerFigure(ms) {
  return Number.isFinite(ms) ? `${ms.toFixed(2)} ms/figure` : '—';
}

function fmtSpread(xs, fmt) {
  if (xs.length === 0) return '—';
  if (xs.length === 1) return `1 run`;
  return `${fmt(Math.min(...xs))} – ${fmt(Math.max(...xs))}`;
}

function fmtRatio(r, of) {
  return Number.isFinite(r) ? `${r.toFixed(2)}× ${of}` : '—';
}

const failures = [];

/**
 * PASS or **FAIL** for `value` against `limit` (`op`: '<=', '<' or '=='); a FAIL is also listed
 * in the summary, with `shown` (the value as the table shows it) and how far over the limit it is.
 */
function verdict(what, value, op, limit, shown, unit = '') {
  if (!Number.isFinite(value)) {
    failures.push(`${what}: not measured`);
    return '**FAIL** (not measured)';
  }
  const pass = op === '<=' ? value <= limit : op === '<' ? value < limit : value === limit;
  if (!pass) {
    const symbol = { '<=': '≤', '<': '<', '==': '=' }[op];
    const over = op === '==' ? '' : `, ${((value / limit - 1) * 100).toFixed(0)} % over`;
    failures.push(`${what}: ${shown} (target ${symbol} ${limit}${unit}${over})`);
  }
  return pass ? 'PASS' : '**FAIL**';
}

const out = [];
const print = (line = '') => out.push(line);
const row = (...cells) => print(`| ${cells.join(' | ')} |`);
const tableHead = () => {
  row('what', 'median', 'spread (min – max)', 'ratio', 'target', 'result');
  row('---', '---:', '---', '---:', '---', '---');
};

function progress(message) {
  process.stderr.write(`bench: ${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Files

/** Width and height from a PNG's IHDR chunk, or null if the file is not a PNG. */
function pngSize(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(24);
    if (fs.readSync(fd, head, 0, 24, 0) < 24) return null;
    if (head.readUInt32BE(0) !== 0x89504e47 || head.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  } finally {
    fs.closeSync(fd);
  }
}

/** How many of `files` exist and are 640x480 PNGs. */
function countGoodPngs(files) {
  let good = 0;
  for (const f of files) {
    try {
      const size = pngSize(f);
      if (size && size.width === 640 && size.height === 480) good++;
    } catch {
      // missing
    }
  }
  return good;
}

function emptyDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}

/** A small seeded generator (mulberry32), so every run evaluates the same numbers. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// The sections

const ELU_ARGS = ['plot', 'elu', '--alpha', '1', '--from', '-20', '--to', '20'];
const GNUPLOT_ELU = (file) =>
  `set terminal pngcairo size 640,480; set output '${file}'; set samples 1000; plot [-20:20] (x > 0 ? x : exp(x) - 1)`;
const MPL_ELU = (file) =>
  `import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt, numpy as np; x=np.linspace(-20,20,1000); plt.plot(x, np.where(x>0,x,np.expm1(x))); plt.savefig('${file}')`;

/** The environment without NODE_EXTRA_CA_CERTS, when it has it (see bin/activ). */
const CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;
const ENV_WITHOUT_CA_CERTS = (() => {
  const { NODE_EXTRA_CA_CERTS: _unused, ...env } = process.env;
  return env;
})();

async function sectionA(opts, tools, dir) {
  // Every contender runs in the same environment: with NODE_EXTRA_CA_CERTS set, Node pays for
  // it at start-up in all of them alike.
  const bare = (format) => ({
    key: `bare-${format}`,
    cmd: NODE,
    args: [BARE_STACK, `bare.${format}`],
    cwd: dir,
    file: `bare.${format}`,
    pin: true,
  });
  const activ = (format) => ({
    key: `activ-${format}`,
    cmd: ACTIV,
    args: [...ELU_ARGS, '-o', `activ.${format}`],
    cwd: dir,
    file: `activ.${format}`,
    pin: true,
  });
  const contenders = ['png', 'svg', 'pdf'].flatMap((f) => [bare(f), activ(f)]);
  // What the README tells users to do where the variable is set: run activ without it.
  if (CA_CERTS !== undefined)
    contenders.push({ ...activ('png'), key: 'activ-clean', env: ENV_WITHOUT_CA_CERTS });
  if (tools.gnuplot)
    contenders.push({
      key: 'gnuplot',
      cmd: 'gnuplot',
      args: ['-e', GNUPLOT_ELU('gnuplot.png')],
      cwd: dir,
      file: 'gnuplot.png',
      pin: true,
    });
  if (tools.matplotlib)
    contenders.push({
      key: 'matplotlib',
      cmd: PYTHON,
      args: ['-c', MPL_ELU('mpl.png')],
      cwd: dir,
      file: 'mpl.png',
      pin: true,
    });
  const res = await interleave('a. cold single figure', contenders, opts.runs);
  const med = (k) => median(res.get(k)?.times ?? []);

  print(`### a. Cold single figure: ELU, 1000 points over -20..20, 640x480 PNG, SVG and PDF`);
  print();
  print(
    `${opts.runs} runs of each, interleaved round-robin after one warm-up round (which also fills activ's ` +
      `compile cache, as a user's first run does); each run a fresh process.` +
      (CA_CERTS === undefined
        ? ''
        : ` NODE_EXTRA_CA_CERTS is set (${CA_CERTS}): every contender pays for it at start-up alike.`),
  );
  print();
  tableHead();
  const cell = (k, text, ratio = '', target = '', result = '') => {
    const r = res.get(k);
    if (r?.error) {
      if (k.startsWith('activ')) failures.push(`a. ${k}: ${r.error}`);
      return row(text, 'error', '—', '—', target, `**FAIL** (${r.error.replace(/\|/g, '\\|')})`);
    }
    return row(text, fmtMs(med(k)), fmtSpread(r.times, fmtMs), ratio, target, result);
  };
  const ok = (k) => !res.get(k)?.error;
  const ratio = (a, b) => med(a) / med(b);
  cell(
    'bare-png',
    'bare stack, PNG: `node bench/bare-stack.js bare.png` (Chart.js + node-canvas, no activ)',
    'baseline',
  );
  cell(
    'activ-png',
    '`bin/activ.js plot elu --alpha 1 --from -20 --to 20 -o activ.png`',
    fmtRatio(ratio('activ-png', 'bare-png'), 'bare stack'),
    '≤ 0.9× bare stack',
    ok('activ-png')
      ? verdict(
          'a. activ PNG ÷ bare stack',
          ratio('activ-png', 'bare-png'),
          '<=',
          0.9,
          `${ratio('activ-png', 'bare-png').toFixed(2)}×`,
        )
      : '',
  );
  for (const [format, limit] of [
    ['svg', 1.1],
    ['pdf', 1.25],
  ]) {
    const upper = format.toUpperCase();
    cell(`bare-${format}`, `bare stack, ${upper}`, fmtRatio(ratio(`bare-${format}`, 'bare-png'), 'bare PNG'));
    const r = ratio(`activ-${format}`, 'activ-png');
    cell(
      `activ-${format}`,
      `\`bin/activ.js plot elu ... -o activ.${format}\``,
      `${fmtRatio(r, 'activ PNG')}; ${fmtRatio(ratio(`activ-${format}`, `bare-${format}`), `bare ${upper}`)}`,
      `≤ ${limit}× activ PNG`,
      ok(`activ-${format}`) && ok('activ-png')
        ? verdict(`a. activ ${upper} ÷ activ PNG`, r, '<=', limit, `${r.toFixed(2)}×`)
        : '',
    );
  }
  if (tools.gnuplot)
    cell('gnuplot', 'gnuplot (pngcairo)', fmtRatio(ratio('gnuplot', 'bare-png'), 'bare stack'));
  else row('gnuplot', '—', '—', '—', '', 'skipped: gnuplot is not on PATH');
  if (tools.matplotlib) {
    cell(
      'matplotlib',
      `Matplotlib (Agg), \`python3 -c ...\``,
      fmtRatio(ratio('matplotlib', 'bare-png'), 'bare stack'),
    );
    row('**activ ÷ Matplotlib**', '', '', fmtRatio(ratio('activ-png', 'matplotlib'), 'Matplotlib'), '', '');
    if (CA_CERTS !== undefined) {
      cell(
        'activ-clean',
        '`env -u NODE_EXTRA_CA_CERTS bin/activ.js plot elu ... -o activ.png`',
        `${fmtRatio(ratio('activ-clean', 'matplotlib'), 'Matplotlib')}; ${fmtRatio(ratio('activ-clean', 'activ-png'), 'activ with the variable')}`,
      );
    }
  } else {
    row('Matplotlib', '—', '—', '—', '≤ 0.33× Matplotlib', `skipped: ${PYTHON} cannot import matplotlib`);
  }
  const pngs = contenders.filter((c) => c.file.endsWith('.png') && !res.get(c.key).error);
  const sizes = pngs.map(
    (c) => `${c.key} ${countGoodPngs([path.join(dir, c.file)]) ? '640x480' : 'NOT 640x480'}`,
  );
  print();
  print(`Output PNGs: ${sizes.join(', ')}.`);
  print();
}

async function sectionB(opts, tools, dir) {
  const N = 1000;
  const alpha = (i) => (0.5 + (i % 100) / 100).toFixed(2); // 0.50 .. 1.49, so the figures differ
  const lines = Array.from(
    { length: N },
    (_, i) => `elu --alpha ${alpha(i)} --from -20 --to 20 -o out/f${i}.png`,
  );
  const batchFile = path.join(dir, 'figures.txt');
  fs.writeFileSync(batchFile, lines.join('\n') + '\n');

  const M = Math.min(opts.compareFigures, N);
  const gp = ['set terminal pngcairo size 640,480', 'set samples 1000'];
  for (let i = 0; i < M; i++)
    gp.push(`set output 'outg/f${i}.png'`, `plot [-20:20] (x > 0 ? x : ${alpha(i)}*(exp(x) - 1))`);
  fs.writeFileSync(path.join(dir, 'figures.gp'), gp.join('\n') + '\n');
  fs.writeFileSync(
    path.join(dir, 'figures.py'),
    [
      `import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt, numpy as np`,
      `x = np.linspace(-20, 20, 1000)`,
      `for i in range(${M}):`,
      `    a = 0.5 + (i % 100) / 100`,
      `    fig = plt.figure()`,
      `    plt.plot(x, np.where(x > 0, x, a * np.expm1(x)))`,
      `    fig.savefig(f'outm/f{i}.png')`,
      `    plt.close(fig)`,
      ``,
    ].join('\n'),
  );

  const contenders = [
    { key: 'activ', cmd: ACTIV, args: ['batch', batchFile], cwd: dir, outDir: 'out', figures: N },
  ];
  if (tools.gnuplot)
    contenders.push({
      key: 'gnuplot',
      cmd: 'gnuplot',
      args: [path.join(dir, 'figures.gp')],
      cwd: dir,
      outDir: 'outg',
      figures: M,
    });
  if (tools.matplotlib)
    contenders.push({
      key: 'matplotlib',
      cmd: PYTHON,
      args: [path.join(dir, 'figures.py')],
      cwd: dir,
      outDir: 'outm',
      figures: M,
    });

  const good = new Map(); // fewest good PNGs over the runs of each contender
  const res = await interleave('b. batch', contenders, opts.batchRuns, {
    warmup: 0,
    sampleMemory: true,
    before: (c) => emptyDir(path.join(dir, c.outDir)),
    after: (c) => {
      const files = Array.from({ length: c.figures }, (_, i) => path.join(dir, c.outDir, `f${i}.png`));
      good.set(c.key, Math.min(good.get(c.key) ?? Infinity, countGoodPngs(files)));
    },
  });
  const perFigure = (k) =>
    median(res.get(k)?.times ?? []) / (contenders.find((c) => c.key === k)?.figures ?? NaN);
  const peak = (k) => Math.max(...(res.get(k)?.peaks ?? [NaN])) / MiB;
  const activ = perFigure('activ');
  const mpl = perFigure('matplotlib');

  print(`### b. Batch: 1000 ELU figures (α varied), one process tree each`);
  print();
  print(
    `${opts.batchRuns} run${opts.batchRuns > 1 ? 's' : ''} of each, interleaved; wall time of the whole process divided by its figures. ` +
      `activ: \`bin/activ batch figures.txt\` (1000 lines, ${os.availableParallelism()} worker processes). ` +
      `gnuplot and Matplotlib draw the first ${M} of the same figures in one process each (one script of \`set output\` + \`plot\` pairs; ` +
      `a Python loop of figure/plot/savefig/close)${M < N ? `; \`--compare-figures 1000\` makes them draw all 1000` : ''}. ` +
      `Peak memory: the sum of VmRSS over the process and all its descendants, sampled every 20 ms (shared pages count once per process).`,
  );
  print();
  tableHead();
  const activRes = res.get('activ');
  if (activRes.error) {
    failures.push(`b. activ batch: ${activRes.error}`);
    row(
      '`activ batch`',
      'error',
      '—',
      '—',
      '≤ 10 ms/figure',
      `**FAIL** (${activRes.error.replace(/\|/g, '\\|')})`,
    );
  } else {
    const times = activRes.times.map((t) => t / N);
    row(
      '`activ batch`, 1000 figures',
      fmtPerFigure(activ),
      fmtSpread(times, (x) => x.toFixed(2)),
      tools.matplotlib ? fmtRatio(activ / mpl, 'Matplotlib') : '',
      '≤ 10 ms/figure',
      verdict('b. activ batch per figure', activ, '<=', 10, `${activ.toFixed(2)} ms/figure`, ' ms/figure'),
    );
    const p = peak('activ');
    row(
      '`activ batch`: peak memory of the process tree',
      `${p.toFixed(0)} MiB (max of runs)`,
      fmtSpread(activRes.peaks, (b) => (b / MiB).toFixed(0)),
      '',
      '< 300 MiB',
      verdict('b. activ batch peak memory', p, '<', 300, `${p.toFixed(0)} MiB`, ' MiB'),
    );
    const g = good.get('activ') ?? 0;
    row(
      '`activ batch`: PNGs written, 640x480',
      `${g} of ${N}`,
      '',
      '',
      `all ${N}`,
      verdict('b. activ batch PNGs 640x480', g, '==', N, `${g} of ${N}`, ' PNGs'),
    );
  }
  for (const [k, name] of [
    ['gnuplot', 'gnuplot, one process'],
    ['matplotlib', 'Matplotlib, one process'],
  ]) {
    if (!tools[k]) {
      row(
        name,
        '—',
        '—',
        '—',
        '',
        k === 'gnuplot' ? 'skipped: gnuplot is not on PATH' : `skipped: ${PYTHON} cannot import matplotlib`,
      );
      continue;
    }
    const r = res.get(k);
    if (r.error) {
      row(name, 'error', '—', '—', '', `error (${r.error.replace(/\|/g, '\\|')})`);
      continue;
    }
    const times = r.times.map((t) => t / M);
    row(
      `${name}, ${M} figures`,
      fmtPerFigure(perFigure(k)),
      fmtSpread(times, (x) => x.toFixed(2)),
      k === 'matplotlib' ? 'baseline' : fmtRatio(perFigure(k) / mpl, 'Matplotlib'),
      '',
      '',
    );
  }
  const notes = [];
  for (const k of ['gnuplot', 'matplotlib']) {
    const r = res.get(k);
    if (!r || r.error) continue;
    notes.push(`${k} peak ${peak(k).toFixed(0)} MiB, ${good.get(k)} of ${M} PNGs 640x480`);
  }
  print();
  if (notes.length) print(`For comparison: ${notes.join('; ')}.`);
  if (!activRes.error && tools.gnuplot && !res.get('gnuplot').error)
    print(`activ ÷ gnuplot per figure: ${(activ / perFigure('gnuplot')).toFixed(2)}×.`);
  print();

  // A short batch: worker processes must not cost it more than they give.
  const short = path.join(dir, 'short.txt');
  fs.writeFileSync(short, lines.slice(0, 100).join('\n') + '\n');
  const shortRuns = Math.max(5, opts.batchRuns * 3);
  const shortRes = await interleave(
    'b. batch of 100',
    [
      { key: 'default', cmd: ACTIV, args: ['batch', short], cwd: dir },
      { key: 'jobs1', cmd: ACTIV, args: ['batch', '--jobs', '1', short], cwd: dir },
    ],
    shortRuns,
  );
  print(`A batch of 100 of the same figures, ${shortRuns} runs of each, interleaved:`);
  print();
  tableHead();
  const [def, one] = ['default', 'jobs1'].map((k) => shortRes.get(k));
  if (def.error || one.error)
    failedRow('b. batch of 100', '`activ batch`, 100 figures', def.error || one.error);
  else {
    const r = median(def.times) / median(one.times);
    row(
      '`activ batch --jobs 1`, 100 figures',
      fmtMs(median(one.times)),
      fmtSpread(one.times, fmtMs),
      'baseline',
      '',
      '',
    );
    row(
      '`activ batch`, 100 figures (workers when they pay)',
      fmtMs(median(def.times)),
      fmtSpread(def.times, fmtMs),
      fmtRatio(r, '--jobs 1'),
      '≤ 1.0× --jobs 1 (within 3 % of noise)',
      verdict('b. batch of 100 ÷ --jobs 1', r, '<=', 1.03, `${r.toFixed(2)}×`),
    );
  }
  print();
}

async function sectionC(opts, dir) {
  const gelu = (samples, file) => ({
    key: String(samples),
    cmd: ACTIV,
    args: ['plot', 'gelu', '--samples', String(samples), '-o', file],
    cwd: dir,
    file,
    pin: true,
  });
  const contenders = [gelu(1000, 'gelu-1e3.png'), gelu(1000000, 'gelu-1e6.png')];
  const res = await interleave('c. samples', contenders, opts.runs, { sampleMemory: true });
  const few = median(res.get('1000').times);
  const many = median(res.get('1000000').times);

  print(`### c. Samples: \`activ plot gelu --samples 1000\` vs \`--samples 1000000\``);
  print();
  print(
    `${opts.runs} cold runs of each, interleaved after one warm-up round; memory sampled as in b in every run.`,
  );
  print();
  tableHead();
  const errors = contenders.map((c) => res.get(c.key).error).filter(Boolean);
  if (errors.length) {
    for (const e of errors) failures.push(`c. activ plot gelu: ${e}`);
    row('`activ plot gelu`', 'error', '—', '—', '', `**FAIL** (${errors[0].replace(/\|/g, '\\|')})`);
    print();
    return;
  }
  row('`--samples 1000`', fmtMs(few), fmtSpread(res.get('1000').times, fmtMs), 'baseline', '', '');
  row(
    '`--samples 1000000`',
    fmtMs(many),
    fmtSpread(res.get('1000000').times, fmtMs),
    fmtRatio(many / few, '1000 samples'),
    '≤ 1.3× 1000 samples',
    verdict('c. 1e6 ÷ 1e3 samples', many / few, '<=', 1.3, `${(many / few).toFixed(2)}×`),
  );
  const peak = Math.max(...res.get('1000000').peaks) / MiB;
  const peakFew = Math.max(...res.get('1000').peaks) / MiB;
  row(
    '`--samples 1000000`: peak memory of the process tree',
    `${peak.toFixed(0)} MiB (max of runs)`,
    fmtSpread(res.get('1000000').peaks, (b) => (b / MiB).toFixed(0)),
    `${(peak / peakFew).toFixed(2)}× 1000 samples (${peakFew.toFixed(0)} MiB)`,
    '< 200 MiB',
    verdict('c. 1e6 samples peak memory', peak, '<', 200, `${peak.toFixed(0)} MiB`, ' MiB'),
  );

  // The same to the eye: the fraction of pixels that differ by more than 64 in any channel.
  let diffCell = '—';
  let diffResult = '';
  try {
    const { PNG } = await import('pngjs');
    const a = PNG.sync.read(fs.readFileSync(path.join(dir, 'gelu-1e3.png')));
    const b = PNG.sync.read(fs.readFileSync(path.join(dir, 'gelu-1e6.png')));
    if (a.width !== b.width || a.height !== b.height) {
      diffCell = `sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`;
      diffResult = '**FAIL**';
      failures.push(`c. pixel comparison: ${diffCell}`);
    } else {
      let differ = 0;
      for (let i = 0; i < a.data.length; i += 4) {
        if (
          Math.abs(a.data[i] - b.data[i]) > 64 ||
          Math.abs(a.data[i + 1] - b.data[i + 1]) > 64 ||
          Math.abs(a.data[i + 2] - b.data[i + 2]) > 64 ||
          Math.abs(a.data[i + 3] - b.data[i + 3]) > 64
        )
          differ++;
      }
      const fraction = differ / (a.width * a.height);
      diffCell = `${(fraction * 100).toFixed(3)} % (${differ} of ${a.width * a.height} px)`;
      diffResult = verdict(
        'c. pixels differing, 1e6 vs 1e3 samples',
        fraction * 100,
        '<=',
        0.1,
        `${(fraction * 100).toFixed(3)} %`,
        ' %',
      );
    }
  } catch (error) {
    diffCell = `not compared: ${error.message}`;
  }
  row(
    'pixels differing by > 64 in a channel, 1e6 vs 1000 samples',
    diffCell,
    '',
    '',
    '≤ 0.1 % (same to the eye)',
    diffResult,
  );
  print();
}

/** `count` numbers uniform in -10..10, one a line, written to `file` in slices. */
function writeNumbers(file, count, seed) {
  const next = random(seed);
  const fd = fs.openSync(file, 'w');
  for (let start = 0; start < count; start += 100_000) {
    const lines = [];
    for (let i = start; i < Math.min(count, start + 100_000); i++) lines.push(String(next() * 20 - 10));
    fs.writeSync(fd, lines.join('\n') + '\n');
  }
  fs.closeSync(fd);
}

/** A row for a contender that failed, its failure counted. */
function failedRow(section, text, error, target = '') {
  failures.push(`${section}: ${error}`);
  row(text, 'error', '—', '—', target, `**FAIL** (${error.replace(/\|/g, '\\|')})`);
}

async function sectionD(opts, dir) {
  const N = 1_000_000;
  const numbers = path.join(dir, 'numbers.txt');
  progress('d. eval: writing 1,000,000 numbers');
  writeNumbers(numbers, N, 20240601);
  const eval1e6 = [
    { key: 'bare', cmd: NODE, args: [BARE_EVAL], cwd: dir, stdin: numbers, stdout: '/dev/null', pin: true },
    {
      key: 'activ',
      cmd: ACTIV,
      args: ['eval', 'gelu'],
      cwd: dir,
      stdin: numbers,
      stdout: '/dev/null',
      pin: true,
    },
  ];
  const res = await interleave('d. eval 1e6', eval1e6, opts.evalRuns);

  const N7 = 10_000_000;
  const numbers7 = path.join(dir, 'numbers-1e7.txt');
  progress('d. eval: writing 10,000,000 numbers');
  writeNumbers(numbers7, N7, 20240602);
  const eval1e7 = [
    {
      key: 'stream',
      cmd: NODE,
      args: [STREAM_EVAL],
      cwd: dir,
      stdin: numbers7,
      stdout: '/dev/null',
      pin: true,
    },
    {
      key: 'activ',
      cmd: ACTIV,
      args: ['eval', 'gelu'],
      cwd: dir,
      stdin: numbers7,
      stdout: '/dev/null',
      pin: true,
    },
  ];
  const res7 = await interleave('d. eval 1e7', eval1e7, opts.streamRuns, { sampleMemory: true });
  fs.rmSync(numbers7, { force: true });

  print(`### d. Eval: numbers uniform in -10..10, one a line, on standard input`);
  print();
  print(
    `1,000,000 numbers: ${opts.evalRuns} runs of each; 10,000,000 numbers: ${opts.streamRuns}, memory sampled as in b. ` +
      `Interleaved after one warm-up round; output to /dev/null.`,
  );
  print();
  tableHead();
  const bare = median(res.get('bare').times);
  const activ = median(res.get('activ').times);
  if (res.get('bare').error) failedRow('d. bare eval', 'bare Node', res.get('bare').error);
  else
    row(
      'bare Node, 1e6 numbers: `node bench/bare-eval.js` (Math.tanh; read all, split, map, join, one write)',
      fmtMs(bare),
      fmtSpread(res.get('bare').times, fmtMs),
      'baseline',
      '',
      '',
    );
  if (res.get('activ').error)
    failedRow('d. activ eval', '`activ eval gelu`', res.get('activ').error, '≤ 1.5× bare Node');
  else
    row(
      '`bin/activ.js eval gelu < numbers.txt`, 1e6 numbers',
      fmtMs(activ),
      fmtSpread(res.get('activ').times, fmtMs),
      fmtRatio(activ / bare, 'bare Node'),
      '≤ 1.5× bare Node',
      verdict('d. activ eval ÷ bare Node', activ / bare, '<=', 1.5, `${(activ / bare).toFixed(2)}×`),
    );
  const stream = median(res7.get('stream').times);
  const activ7 = median(res7.get('activ').times);
  if (res7.get('stream').error) failedRow('d. stream eval', 'streaming Node', res7.get('stream').error);
  else
    row(
      'streaming Node, 1e7 numbers: `node bench/stream-eval.js` (readline, Math.tanh, writes as it goes)',
      fmtMs(stream),
      fmtSpread(res7.get('stream').times, fmtMs),
      'baseline',
      '',
      '',
    );
  if (res7.get('activ').error)
    failedRow('d. activ eval 1e7', '`activ eval gelu`, 1e7', res7.get('activ').error);
  else {
    const peak = Math.max(...res7.get('activ').peaks) / MiB;
    row(
      '`bin/activ.js eval gelu`, 1e7 numbers',
      fmtMs(activ7),
      fmtSpread(res7.get('activ').times, fmtMs),
      fmtRatio(activ7 / stream, 'streaming Node'),
      '≤ 1.1× streaming Node',
      verdict(
        'd. activ eval 1e7 ÷ streaming Node',
        activ7 / stream,
        '<=',
        1.1,
        `${(activ7 / stream).toFixed(2)}×`,
      ),
    );
    row(
      '`bin/activ.js eval gelu`, 1e7 numbers: peak memory',
      `${peak.toFixed(0)} MiB (max of runs)`,
      fmtSpread(res7.get('activ').peaks, (b) => (b / MiB).toFixed(0)),
      `streaming Node: ${(Math.max(...res7.get('stream').peaks) / MiB).toFixed(0)} MiB`,
      '< 150 MiB',
      verdict('d. activ eval 1e7 peak memory', peak, '<', 150, `${peak.toFixed(0)} MiB`, ' MiB'),
    );
  }
  print();
}

async function sectionE(opts, dir) {
  const table = (samples) => ({
    key: `activ-${samples}`,
    cmd: ACTIV,
    args: ['table', 'gelu', '--samples', String(samples), '--derivative'],
    cwd: dir,
    stdout: '/dev/null',
    pin: true,
  });
  const bare = (samples) => ({
    key: `bare-${samples}`,
    cmd: NODE,
    args: [BARE_TABLE, String(samples)],
    cwd: dir,
    stdout: '/dev/null',
    pin: true,
  });
  // softmax, a function of the whole grid: its passes read the grid again rather than hold it.
  const softmax = {
    key: 'activ-softmax',
    cmd: ACTIV,
    args: ['table', 'softmax', '--samples', '10000000', '--derivative'],
    cwd: dir,
    stdout: '/dev/null',
    pin: true,
  };
  const contenders = [bare(1_000_000), table(1_000_000), bare(10_000_000), table(10_000_000), softmax];
  const res = await interleave('e. table', contenders, opts.streamRuns, { sampleMemory: true });
  const med = (k) => median(res.get(k).times);
  const peak = (k) => Math.max(...res.get(k).peaks) / MiB;

  print(`### e. Table: \`activ table gelu --samples N --derivative\` (CSV: x, f(x), f'(x)), to /dev/null`);
  print();
  print(`${opts.streamRuns} runs of each, interleaved after one warm-up round; memory sampled as in b.`);
  print();
  tableHead();
  for (const n of [1_000_000, 10_000_000]) {
    const label = n === 1_000_000 ? '1e6' : '1e7';
    if (res.get(`bare-${n}`).error)
      failedRow(`e. bare table ${label}`, 'bare Node', res.get(`bare-${n}`).error);
    else
      row(
        `bare Node, ${label} rows: \`node bench/bare-table.js ${n}\` (tanh and its derivative, CSV, written as it goes)`,
        fmtMs(med(`bare-${n}`)),
        fmtSpread(res.get(`bare-${n}`).times, fmtMs),
        `baseline; ${peak(`bare-${n}`).toFixed(0)} MiB`,
        '',
        '',
      );
    if (res.get(`activ-${n}`).error) {
      failedRow(`e. activ table ${label}`, `\`activ table\`, ${label}`, res.get(`activ-${n}`).error);
      continue;
    }
    row(
      `\`bin/activ.js table gelu --samples ${n} --derivative\``,
      fmtMs(med(`activ-${n}`)),
      fmtSpread(res.get(`activ-${n}`).times, fmtMs),
      fmtRatio(med(`activ-${n}`) / med(`bare-${n}`), 'bare Node'),
      '',
      '',
    );
    row(
      `\`bin/activ.js table\`, ${label} rows: peak memory`,
      `${peak(`activ-${n}`).toFixed(0)} MiB (max of runs)`,
      fmtSpread(res.get(`activ-${n}`).peaks, (b) => (b / MiB).toFixed(0)),
      '',
      n === 10_000_000 ? '< 150 MiB' : '',
      n === 10_000_000
        ? verdict(
            'e. activ table 1e7 peak memory',
            peak(`activ-${n}`),
            '<',
            150,
            `${peak(`activ-${n}`).toFixed(0)} MiB`,
            ' MiB',
          )
        : '',
    );
  }
  if (res.get('activ-softmax').error)
    failedRow('e. activ table softmax', '`activ table softmax`', res.get('activ-softmax').error);
  else {
    const peakSoftmax = peak('activ-softmax');
    row(
      '`bin/activ.js table softmax --samples 10000000 --derivative` (over the whole grid)',
      fmtMs(med('activ-softmax')),
      fmtSpread(res.get('activ-softmax').times, fmtMs),
      `${peakSoftmax.toFixed(0)} MiB at most`,
      '< 150 MiB',
      verdict(
        'e. activ table softmax 1e7 peak memory',
        peakSoftmax,
        '<',
        150,
        `${peakSoftmax.toFixed(0)} MiB`,
        ' MiB',
      ),
    );
  }
  print();
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) {
    process.stderr.write(
      `bench: ${path.join(ROOT, 'dist', 'cli', 'main.js')} is missing: activ is not built. Run \`npm run build\` first.\n`,
    );
    process.exit(1);
  }
  // bin/activ may load more than dist/cli/main.js: one short run shows it starts at all.
  const check = spawnSync(ACTIV, ['--version'], { encoding: 'utf8' });
  if (check.status !== 0) {
    process.stderr.write(
      `bench: \`bin/activ.js --version\` fails (${errorLine(check.stderr ?? '') || `exit code ${check.status}`}). Run \`npm run build\` first.\n`,
    );
    process.exit(1);
  }
  const tools = {
    gnuplot: spawnSync('gnuplot', ['--version'], { stdio: 'ignore' }).status === 0,
    matplotlib: spawnSync(PYTHON, ['-c', 'import matplotlib'], { stdio: 'ignore' }).status === 0,
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'activ-bench-'));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  process.on('SIGINT', () => {
    if (current?.pid) current.kill('SIGINT');
    cleanup();
    process.stderr.write('bench: interrupted\n');
    process.exit(130);
  });
  const started = performance.now();
  const loadBefore = os.loadavg();
  try {
    print(`## Benchmark (\`npm run bench${opts.quick ? ' -- --quick' : ''}\`)`);
    print();
    print(
      `Every comparison is measured in one run, contenders interleaved round-robin; medians, and ratios of medians.`,
    );
    if (!tools.gnuplot) print(`gnuplot is not on PATH: its rows are skipped.`);
    if (!tools.matplotlib) print(`${PYTHON} cannot import matplotlib: its rows are skipped.`);
    print();
    if (opts.only.has('a')) await sectionA(opts, tools, dir);
    if (opts.only.has('b')) await sectionB(opts, tools, dir);
    if (opts.only.has('c')) await sectionC(opts, dir);
    if (opts.only.has('d')) await sectionD(opts, dir);
    if (opts.only.has('e')) await sectionE(opts, dir);
  } finally {
    cleanup();
  }
  const cpus = os.cpus();
  // Which activ was measured (read-only git queries; other people may be editing the tree).
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'src', 'bin', 'package.json');
  const version =
    head.status === 0
      ? `activ at ${head.stdout.trim()}${dirty.status === 0 && dirty.stdout.trim() ? ' with uncommitted changes' : ''}; `
      : '';
  const seconds = (performance.now() - started) / 1000;
  print(`### Summary`);
  print();
  if (failures.length === 0) print(`All targets met.`);
  else {
    print(`**${failures.length} target${failures.length > 1 ? 's' : ''} FAILED:**`);
    print();
    for (const f of failures) print(`- **FAIL** ${f}`);
  }
  print();
  print(
    `${version}Machine: ${cpus.length} × ${cpus[0]?.model?.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.type()} ${os.release()}; ` +
      `Node ${process.version}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} after. ` +
      `${new Date().toISOString()}; the bench took ${seconds.toFixed(0)} s.`,
  );
  process.stdout.write(out.join('\n') + '\n');
  if (failures.length)
    process.stderr.write(
      `bench: ${failures.length} target(s) FAILED (see the Summary); exit code 0 all the same, this is a report\n`,
    );
}

await main();
