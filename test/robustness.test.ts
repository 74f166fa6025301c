/**
 * The error contract and the file guarantees, tried as a user (or a script) would: every class of
 * bad input gets exit 2 (1 for the environment) with one line and no stack trace, creates no file
 * and leaves an existing one untouched; extreme but valid requests work; files are whole or
 * absent under concurrency and interruption; a closed pipe ends quietly.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activ, BIN, emptyFolder, pngSize } from './support/run-cli.js';

/** A PNG that ends with its IEND chunk: written whole. */
function wholePng(bytes: Buffer): boolean {
  return (
    pngSize(bytes).width > 0 &&
    bytes.subarray(bytes.length - 8, bytes.length - 4).toString('latin1') === 'IEND'
  );
}

const usage: [string, string[], RegExp][] = [
  ['unknown command', ['draw', 'elu'], /unknown command 'draw'/],
  ['unknown function', ['plot', 'sigmod'], /unknown activation 'sigmod'; did you mean 'sigmoid'\?/],
  ['malformed number', ['plot', 'elu', '--to', '2O'], /--to expects a number, got '2O'/],
  ['NaN', ['plot', 'elu', '--from', 'NaN'], /--from must be a finite number, not 'NaN'/],
  ['infinity', ['plot', 'elu', '--to', 'inf'], /--to must be a finite number, not 'inf'/],
  ['beyond the double range', ['plot', 'elu', '--to', '1e400'], /--to is out of the double range/],
  ['from >= to', ['plot', 'elu', '--from', '3', '--to', '3'], /the x range must go from low to high/],
  ['range without ..', ['plot', 'elu', '--range', '-1,1'], /--range expects FROM\.\.TO/],
  ['range end malformed', ['plot', 'elu', '--range', '-1..x'], /--range end expects a number, got 'x'/],
  [
    'samples too many',
    ['plot', 'elu', '--samples', '100000000'],
    /--samples must be a whole number from 2 to 10000000/,
  ],
  ['samples negative', ['plot', 'elu', '--samples', '-5'], /--samples must be a whole number from 2/],
  [
    'width too small',
    ['plot', 'elu', '--width', '3'],
    /--width must be a whole number from 16 to 10000, not 3/,
  ],
  ['height fractional', ['plot', 'elu', '--height', '480.5'], /--height expects a whole number, got '480.5'/],
  ['dpi too high', ['plot', 'elu', '--dpi', '5000'], /--dpi must be from 10 to 1200, not 5000/],
  ['figure too large', ['plot', 'elu', '--dpi', '1000'], /too large/],
  ['line width zero', ['plot', 'elu', '--line-width', '0'], /--line-width must be above 0/],
  ['parameter malformed', ['plot', 'elu', '--alpha', 'one'], /--alpha expects a number, got 'one'/],
  ['parameter empty list item', ['plot', 'elu', '--alpha', '1,'], /--alpha has an empty item in '1,'/],
  [
    'parameter out of range',
    ['plot', 'softshrink', '--lambda', '-1'],
    /--lambda must be ≥ 0 for softshrink, not -1/,
  ],
  ['parameter not taken', ['plot', 'tanh', '--beta', '2'], /tanh has no parameter 'beta'; it takes none/],
  ['softplus beta 0', ['plot', 'softplus', '--beta', '0'], /--beta must be > 0 for softplus, not 0/],
  ['hardtanh min >= max', ['plot', 'hardtanh', '--min-val', '2', '--max-val', '1'], /hardtanh: .*min_val/],
  [
    'negative temperature',
    ['plot', 'softmax', '--temperature', '-1'],
    /--temperature must be > 0 for softmax, not -1/,
  ],
  [
    'unknown format',
    ['plot', 'elu', '--format', 'gif'],
    /--format must be one of png, svg, pdf, html, term, not 'gif'/,
  ],
  [
    'clashing format',
    ['plot', 'elu', '--format', 'pdf', '-o', 'x.png'],
    /--format pdf clashes with the extension of 'x.png'/,
  ],
  ['unknown extension', ['plot', 'elu', '-o', 'x.jpeg'], /cannot tell the format of 'x.jpeg'/],
  ['empty colour list item', ['plot', 'elu', '--color', 'red,'], /--color has an empty item/],
  ['ylim reversed', ['plot', 'elu', '--ylim', '1..0'], /--ylim must go from low to high/],
  ['output is a folder', ['plot', 'elu', '-o', '.'], /cannot write '\.': it is a folder/],
  ['table format', ['table', 'elu', '--format', 'xml'], /--format must be one of csv, tsv, json, not 'xml'/],
  ['eval non-number', ['eval', 'elu', '--', '1', 'two'], /value 2 after -- is not a number: 'two'/],
  ['batch file missing', ['batch', 'no-such-file.txt'], /batch file 'no-such-file.txt' does not exist/],
  ['batch jobs', ['batch', '-', '--jobs', '0'], /--jobs must be a whole number from 1 to 64/],
];

describe('bad input: exit 2, one line, no stack trace, nothing written or changed', () => {
  for (const [what, args, message] of usage) {
    it(what, () => {
      const dir = emptyFolder();
      writeFileSync(join(dir, 'elu.png'), 'precious');
      writeFileSync(join(dir, 'x.png'), 'precious too');
      const run = activ(args, { cwd: dir, input: '' });
      expect(run.status, run.stderr).toBe(2);
      const lines = run.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^activ: /);
      expect(lines[0]).toMatch(message);
      expect(run.stderr).not.toMatch(/\bat .*\.(js|ts):\d+/);
      expect(readdirSync(dir).sort()).toEqual(['elu.png', 'x.png']);
      expect(readFileSync(join(dir, 'elu.png'), 'utf8')).toBe('precious');
      expect(readFileSync(join(dir, 'x.png'), 'utf8')).toBe('precious too');
    });
  }

  it('names the bad line of eval input', () => {
    const run = activ(['eval', 'relu'], { input: '1\n2\nthree\n' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("activ: line 3 of standard input is not a number: 'three'");
    expect(run.stdout.toString()).toBe('');
  });

  it('shows the stack trace only with --debug', () => {
    const run = activ(['plot', 'elu', '--debug', '-o', 'no/such/dir/x.png']);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('a failing environment: exit 1, one line, nothing left behind', () => {
  for (const [what, path, message] of [
    ['missing folder', 'missing/x.png', /the folder does not exist/],
    [
      'read-only place',
      '/proc/activ-test.png',
      /files cannot be created in that folder|permission denied|read-only/,
    ],
  ] as const) {
    it(what, () => {
      const dir = emptyFolder();
      const run = activ(['plot', 'elu', '-o', path], { cwd: dir });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toMatch(message);
      expect(readdirSync(dir)).toEqual([]);
    });
  }
});

describe('extreme but valid requests each produce a figure', () => {
  const extremes: string[][] = [
    ['plot', 'elu', '--from', '-1e308', '--to', '1e308'],
    ['plot', 'tanh', '--from', '-1e-300', '--to', '1e-300'],
    ['plot', 'softplus', '--from', '700', '--to', '800'],
    ['plot', 'relu', '--samples', '2'],
    ['plot', 'exponential', '--from', '0', '--to', '800'],
  ];
  for (const args of extremes) {
    it(args.slice(1).join(' '), () => {
      const run = activ([...args, '-o', '-']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(pngSize(run.stdout)).toEqual({ width: 640, height: 480 });
    });
  }
});

describe('pipes', () => {
  it('ends quietly when the reader goes away (activ table ... | head -1)', () => {
    const run = spawnSync(
      'bash',
      ['-c', `set -o pipefail; node '${BIN}' table elu --samples 200000 --format csv | head -1`],
      { encoding: 'utf8' },
    );
    expect(run.stdout).toBe('x,y\n');
    expect(run.stderr).toBe('');
    expect([0, 141]).toContain(run.status);
  });
});

describe('files are whole or absent', () => {
  it('twelve concurrent runs writing the same path leave one valid PNG and no stray files', async () => {
    const dir = emptyFolder();
    const runs = Array.from(
      { length: 12 },
      (_, i) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(
            process.execPath,
            [BIN, 'plot', 'elu', '--alpha', String(0.5 + i / 10), '-o', 'same.png'],
            { cwd: dir, stdio: 'ignore' },
          );
          child.on('exit', resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual(Array(12).fill(0));
    expect(readdirSync(dir)).toEqual(['same.png']);
    expect(wholePng(readFileSync(join(dir, 'same.png')))).toBe(true);
  });

  it('a batch whose second line is bad writes the first and third figures, names line 2, and fails', () => {
    const dir = emptyFolder();
    writeFileSync(
      join(dir, 'figures.txt'),
      'elu -o one.png\nelu --alpha oops -o two.png\ntanh -o three.png\n',
    );
    const run = activ(['batch', 'figures.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("activ: line 2: --alpha expects a number, got 'oops'");
    expect(readdirSync(dir).sort()).toEqual(['figures.txt', 'one.png', 'three.png']);
    for (const f of ['one.png', 'three.png']) expect(wholePng(readFileSync(join(dir, f)))).toBe(true);
  });

  it('a batch interrupted midway (Ctrl-C) leaves only whole files', async () => {
    const dir = emptyFolder();
    const lines = Array.from({ length: 400 }, (_, i) => `gelu --samples 20000 -o f${i}.png`);
    writeFileSync(join(dir, 'figures.txt'), lines.join('\n'));
    const child = spawn(process.execPath, [BIN, 'batch', 'figures.txt'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Interrupt once some figures exist.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (readdirSync(dir).filter((f) => f.endsWith('.png')).length >= 5) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted after \d+ of 400 figures/);
    const files = readdirSync(dir);
    const pngs = files.filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(5);
    expect(pngs.length).toBeLessThan(400);
    expect(files.filter((f) => !f.endsWith('.png') && f !== 'figures.txt')).toEqual([]);
    for (const f of pngs) expect(wholePng(readFileSync(join(dir, f))), f).toBe(true);
  });
});
