/**
 * What the commands and the library hand over, read back and checked: gallery files, table
 * contents in each format (non-finite values and −0 included), eval from standard input, and the
 * library's plot() and tabulate(). Expected numbers come from the library's evaluate/derivative,
 * which references.test.ts holds to mpmath; sizes from Matplotlib's 6.4 x 4.8 in at 100 dpi.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../src/activations/catalog.js';
import { derivative, evaluate, linearGrid, plot, tabulate } from '../src/index.js';
import { activ, emptyFolder, pngSize } from './support/run-cli.js';

describe('activ gallery', () => {
  it('writes one titled PNG per catalog entry, named after it, and index.png', () => {
    const dir = join(emptyFolder(), 'gallery');
    const run = activ(['gallery', '-o', dir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = [...catalog.map((a) => `${a.name}.png`), 'index.png'].sort();
    expect(readdirSync(dir).sort()).toEqual(expected);
    for (const a of catalog)
      expect(pngSize(readFileSync(join(dir, `${a.name}.png`)))).toEqual({ width: 640, height: 480 });
    // The contact sheet: five tiles of 400 x 300 a row.
    expect(pngSize(readFileSync(join(dir, 'index.png')))).toEqual({
      width: 2000,
      height: 300 * Math.ceil(catalog.length / 5),
    });
  });

  it("--article writes the article's six figures and no index", () => {
    const dir = join(emptyFolder(), 'article');
    expect(activ(['gallery', '--article', '-o', dir]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'binary_step.png',
      'elu.png',
      'prelu.png',
      'softmax.png',
      'softplus.png',
      'softsign.png',
    ]);
  });
});

describe('activ table', () => {
  const grid = ['--range', '-2..2', '--samples', '5'];
  const x = [-2, -1, 0, 1, 2];

  it('CSV: a header, then x, f(x) and f′(x), each reading back to the library value', () => {
    const run = activ(['table', 'gelu', ...grid, '--derivative']);
    expect(run.status).toBe(0);
    const [header, ...rows] = run.stdout.toString().trimEnd().split('\n');
    expect(header).toBe('x,y,dy');
    expect(rows.map((r) => r.split(',').map(Number))).toEqual(
      x.map((v, i) => [v, evaluate('gelu', x)[i], derivative('gelu', x)[i]]),
    );
  });

  it('TSV: the same with tabs', () => {
    const text = activ(['table', 'elu', ...grid, '--format', 'tsv']).stdout.toString();
    expect(text.split('\n')[0]).toBe('x\ty');
    expect(text.split('\n')[2]).toBe(`-1\t${String(evaluate('elu', [-1])[0])}`);
  });

  it('JSON: an array of {x, y, dy}, null where a value is not finite, −0 as -0.0', () => {
    const run = activ([
      'table',
      'exponential',
      '--range',
      '700..720',
      '--samples',
      '3',
      '--format',
      'json',
      '--derivative',
    ]);
    const rows = JSON.parse(run.stdout.toString()) as { x: number; y: number | null; dy: number | null }[];
    expect(rows).toEqual([
      { x: 700, y: Math.exp(700), dy: Math.exp(700) },
      { x: 710, y: null, dy: null },
      { x: 720, y: null, dy: null },
    ]);
    const zero = activ([
      'table',
      'identity',
      '--range',
      '-1..0',
      '--samples',
      '2',
      '--format',
      'json',
    ]).stdout.toString();
    expect(zero).toContain('{"x":-1,"y":-1}');
    const negativeZero = activ([
      'table',
      'gelu',
      '--range',
      '-1e300..-1e299',
      '--samples',
      '2',
      '--format',
      'json',
    ]).stdout.toString();
    expect(negativeZero).toContain('"y":-0.0');
    expect(Object.is((JSON.parse(negativeZero) as { y: number }[])[0]!.y, -0)).toBe(true);
  });

  it('CSV writes Infinity, -Infinity and NaN as String() does, and -0 for −0', () => {
    const text = activ(['table', 'exponential', '--range', '700..720', '--samples', '2']).stdout.toString();
    expect(text).toBe(`x,y\n700,${String(Math.exp(700))}\n720,Infinity\n`);
  });

  it('-o writes the same bytes to a file', () => {
    const dir = emptyFolder();
    const out = activ(['table', 'tanh', ...grid]).stdout.toString();
    expect(activ(['table', 'tanh', ...grid, '-o', 't.csv'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 't.csv'), 'utf8')).toBe(out);
  });
});

describe('activ eval', () => {
  it('reads one number a line from standard input and prints f(x) for each, in order', () => {
    const xs = [-3, -0.5, 0, 0.5, 3, 1e-17, -745];
    const run = activ(['eval', 'mish'], { input: xs.join('\n') + '\n' });
    expect(run.stderr).toBe('');
    expect(run.stdout.toString()).toBe(Array.from(evaluate('mish', xs), String).join('\n') + '\n');
  });

  it("with --derivative prints f'(x); blank lines are skipped; CRLF and specials are read", () => {
    const run = activ(['eval', 'softplus', '--beta', '2', '--derivative'], {
      input: '1\r\n\n-Infinity\nNaN\n2',
    });
    expect(run.stdout.toString().split('\n')).toEqual([
      String(derivative('softplus', [1], { beta: 2 })[0]),
      '0',
      'NaN',
      String(derivative('softplus', [2], { beta: 2 })[0]),
      '',
    ]);
  });

  it('takes the softmax family over all the numbers as one vector', () => {
    const run = activ(['eval', 'softmax'], { input: '1000\n1001\n1002\n' });
    expect(run.stdout.toString()).toBe(
      Array.from(evaluate('softmax', [1000, 1001, 1002]), String).join('\n') + '\n',
    );
  });

  it('reads its output back to the same doubles, −0 included', () => {
    const first = activ(['eval', 'identity'], { input: '-0\n0.1\n1e-320\n' }).stdout.toString();
    expect(first).toBe('-0\n0.1\n1e-320\n');
    expect(activ(['eval', 'identity'], { input: first }).stdout.toString()).toBe(first);
  });
});

describe('the library', () => {
  it('plot() returns the bytes of a PNG, an SVG or a PDF', async () => {
    const png = await plot({ functions: [{ name: 'elu', params: { alpha: 1 } }], from: -20, to: 20 });
    expect(pngSize(png)).toEqual({ width: 640, height: 480 });
    const svg = (await plot({ functions: [{ name: 'relu' }, { name: 'gelu' }], format: 'svg' })).toString(
      'utf8',
    );
    expect(svg).toMatch(/<svg[^>]* width="460.8pt" height="345.6pt"/);
    const pdf = await plot({ functions: [{ name: 'tanh' }], format: 'pdf' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('plot() draws the request, not a default: other parameters, other bytes', async () => {
    const a = await plot({ functions: [{ name: 'elu', params: { alpha: 1 } }] });
    const b = await plot({ functions: [{ name: 'elu', params: { alpha: 2 } }] });
    expect(a.equals(b)).toBe(false);
  });

  it("tabulate() gives the grid and f, f' on it, as evaluate and derivative do", () => {
    const table = tabulate('celu', { from: -3, to: 3, samples: 7, params: { alpha: 0.5 }, derivative: true });
    const grid = linearGrid(-3, 3, 7);
    expect([...table.x]).toEqual([...grid]);
    expect([...table.y]).toEqual([...evaluate('celu', grid, { alpha: 0.5 })]);
    expect([...table.dy!]).toEqual([...derivative('celu', grid, { alpha: 0.5 })]);
    expect(tabulate('relu', { from: -1, to: 1, samples: 3 }).dy).toBeUndefined();
  });
});
