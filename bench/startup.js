#!/usr/bin/env node
// `npm run bench:startup`: the cold start of `activ plot elu` in this checkout against other
// builds of activ, to measure one start-up change at a time (docs/performance.md says what each
// gave). One run on a shared, noisy machine: contenders interleaved round-robin, medians and
// ratios of medians. A report, not a test: it exits 0 whatever it finds.
//
//   node bench/startup.js [--rounds N] [--baseline DIR]...
//
// Each DIR is a checkout of another commit with its own build (`npm run build`), e.g. from `git
// worktree add`, and its own node_modules: a hard-linked copy (`cp -al`) will do, not a symbolic
// link, which would put the packages outside the checkout and out of its compile cache. Every
// contender runs without NODE_EXTRA_CA_CERTS (Node 20 would parse its CA store first, 50-80 ms
// that no build can save); this checkout also runs with ACTIV_NO_COMPILE_CACHE=1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let rounds = 30;
const baselines = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rounds') rounds = Number(args[++i]);
  else if (args[i] === '--baseline') baselines.push(path.resolve(args[++i]));
  else {
    process.stderr.write(`usage: node bench/startup.js [--rounds N] [--baseline DIR]...\n`);
    process.exit(2);
  }
}

const { NODE_EXTRA_CA_CERTS: _unused, ...env } = process.env;
const work = mkdtempSync(path.join(tmpdir(), 'activ-bench-startup-'));

function git(dir, ...words) {
  const run = spawnSync('git', ['-C', dir, ...words], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : '?';
}

const contender = (dir, name, extraEnv = {}) => ({
  name,
  run() {
    const started = performance.now();
    const run = spawnSync(
      process.execPath,
      [path.join(dir, 'bin', 'activ.js'), 'plot', 'elu', '--alpha', '1', '--from', '-20', '--to', '20'],
      { cwd: work, env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const took = performance.now() - started;
    if (run.status !== 0) throw new Error(`${name} failed: ${run.stderr}`);
    return took;
  },
});

const contenders = [
  contender(ROOT, `this checkout (${git(ROOT, 'rev-parse', '--short', 'HEAD')})`),
  contender(ROOT, 'this checkout, ACTIV_NO_COMPILE_CACHE=1', { ACTIV_NO_COMPILE_CACHE: '1' }),
  ...baselines.map((dir) => contender(dir, `${git(dir, 'log', '-1', '--format=%h %s')}`.slice(0, 90))),
];
const times = new Map(contenders.map((c) => [c.name, []]));
// One discarded round first: it fills each build's compile cache, as a user's first run does.
for (let r = 0; r <= rounds; r++)
  for (const c of contenders) {
    const t = c.run();
    if (r > 0) times.get(c.name).push(t);
  }
rmSync(work, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const base = median(times.get(contenders[0].name));
console.log(`${rounds} rounds, interleaved; cold \`activ plot elu --alpha 1 --from -20 --to 20\`\n`);
console.log('| build | median | min – max | ratio |');
console.log('|---|---:|---|---:|');
for (const c of contenders) {
  const t = times.get(c.name);
  console.log(
    `| ${c.name} | ${median(t).toFixed(1)} ms | ${Math.min(...t).toFixed(0)} – ${Math.max(...t).toFixed(0)} | ${(median(t) / base).toFixed(2)} |`,
  );
}
