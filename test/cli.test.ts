/** The CLI run as its own process, the way scripts and people use it. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activ, emptyFolder, pngSize } from './support/run-cli.js';

describe('activ plot', () => {
  it("runs the README's first command in an empty folder and writes elu.png, 640x480", () => {
    const dir = emptyFolder();
    const run = activ(['plot', 'elu', '--alpha', '1', '--from', '-20', '--to', '20'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['elu.png']);
    expect(pngSize(readFileSync(join(dir, 'elu.png')))).toEqual({ width: 640, height: 480 });
  });

  it("writes SVG as vector paths, at Matplotlib's physical size", () => {
    const dir = emptyFolder();
    const run = activ(
      ['plot', 'prelu', '--alpha', '0.05', '--range', '-20..20', '-o', 'prelu.svg', '--title'],
      { cwd: dir },
    );
    expect(run.status).toBe(0);
    const svg = readFileSync(join(dir, 'prelu.svg'), 'utf8');
    expect(svg).not.toContain('<image');
    expect(svg).toMatch(/<svg[^>]* width="460.8pt" height="345.6pt"/);
    expect(svg).toContain('<path');
  });

  it('gives byte-identical files for the same command', () => {
    for (const file of ['a.png', 'a.svg']) {
      const dir = emptyFolder();
      activ(['plot', 'softplus', '--range', '-20..20', '-o', file], { cwd: dir });
      const first = readFileSync(join(dir, file));
      activ(['plot', 'softplus', '--range', '-20..20', '-o', file], { cwd: dir });
      expect(readFileSync(join(dir, file)).equals(first), file).toBe(true);
    }
  });

  it('writes to standard output with -o -', () => {
    const run = activ(['plot', 'tanh', '-o', '-']);
    expect(run.status).toBe(0);
    expect(pngSize(run.stdout)).toEqual({ width: 640, height: 480 });
  });

  it('takes names in any case, with - or _, and aliases', () => {
    const dir = emptyFolder();
    expect(activ(['plot', 'BinaryStep', '-o', 'a.png'], { cwd: dir }).status).toBe(0);
    expect(activ(['plot', 'binary-step', '-o', 'b.png'], { cwd: dir }).status).toBe(0);
    expect(activ(['plot', 'step', '-o', 'c.png'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'a.png')).equals(readFileSync(join(dir, 'c.png')))).toBe(true);
  });

  it('honours --width and --height', () => {
    const run = activ(['plot', 'relu', '--width', '800', '--height', '300', '-o', '-']);
    expect(pngSize(run.stdout)).toEqual({ width: 800, height: 300 });
  });
});

describe('figures beyond the article', () => {
  it('overlays several functions and names the file after them', () => {
    const dir = emptyFolder();
    expect(activ(['plot', 'relu', 'gelu', 'silu'], { cwd: dir }).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['relu-gelu-silu.png']);
  });

  it('sets a parameter on each overlaid function that takes it', () => {
    const run = activ(['plot', 'relu', 'silu', '--beta', '2', '-o', '-']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('writes a PDF of 460.8 x 345.6 pt', () => {
    const dir = emptyFolder();
    expect(activ(['plot', 'elu', '-o', 'elu.pdf'], { cwd: dir }).status).toBe(0);
    const pdf = readFileSync(join(dir, 'elu.pdf'), 'latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // The box is [x0 y0 x1 y1]: 460.8 wide, 346 − 0.4 = 345.6 high
    expect(pdf).toContain('/MediaBox [ 0 0.4 460.8 346 ]');
  });

  it('draws braille no wider than COLUMNS with --format term, without colour off a terminal', () => {
    for (const columns of ['80', '50']) {
      const run = activ(['plot', 'relu', 'tanh', '--format', 'term'], { env: { COLUMNS: columns } });
      expect(run.status).toBe(0);
      const text = run.stdout.toString();
      expect(text).toMatch(/[\u2801-\u28ff]/);
      expect(text).not.toContain('\x1b');
      for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(Number(columns));
    }
  });
});

describe('bad input: one line on stderr, exit 2, nothing written', () => {
  const cases: [string[], RegExp][] = [
    [['plot', 'elux'], /^activ: unknown activation 'elux'; did you mean 'elu'\?$/],
    [['plot', 'elu', '--beta', '2'], /^activ: elu has no parameter 'beta'; it takes: alpha$/],
    [['plot', 'elu', '--from', 'abc'], /^activ: --from expects a number, got 'abc'$/],
    [['plot', 'elu', '--from', '5', '--to', '1'], /^activ: the x range must go from low to high/],
    [['plot', 'elu', '--range', '20..-20'], /^activ: the x range must go from low to high/],
    [['plot', 'elu', '--range', '-20:20'], /^activ: --range expects FROM\.\.TO/],
    [
      ['plot', 'elu', '--format', 'jpg'],
      /^activ: --format must be one of png, svg, pdf, html, term, not 'jpg'$/,
    ],
    [
      ['plot', 'elu', '-o', 'x.svg', '--format', 'png'],
      /^activ: --format png clashes with the extension of 'x.svg'$/,
    ],
    [['plot', 'elu', '-o', 'x.gif'], /^activ: cannot tell the format of 'x.gif'/],
    [['plot', 'elu', '--samples', '1'], /^activ: --samples must be a whole number from 2/],
    [['plot', 'elu', '--samples', '2.5'], /^activ: --samples expects a whole number, got '2.5'$/],
    [['plot', 'elu', '--alpha', 'nan'], /^activ: --alpha must be a finite number, not 'nan'$/],
    [['plot', 'softplus', '--beta', '0'], /^activ: --beta must be > 0 for softplus, not 0$/],
    [['plot', 'relu', '--alpha', '1'], /^activ: relu has no parameter 'alpha'; it takes none$/],
    [['plot', 'elu', '--bogus', '1'], /^activ: unknown option '--bogus'$/],
    [['plot'], /^activ: missing required argument 'names'$/],
    [['plot', 'elu', '--alpha', '0.5,,2'], /^activ: --alpha has an empty item in '0.5,,2'$/],
    [['plot', 'elu', '--dpi', '0'], /^activ: --dpi must be from 10 to 1200, not 0$/],
    [['plot', 'elu', '--legend', 'top'], /^activ: --legend must be one of best, upper right/],
    [
      ['plot', 'elu', '--color', 'notacolour'],
      /^activ: --color must be #rrggbb, a Matplotlib name like tab:orange or k, or a CSS name, not 'notacolour'$/,
    ],
    [['plot', 'elu', '--theme', 'neon'], /^activ: --theme must be one of matplotlib, dark, not 'neon'$/],
    [['plot', 'elu', '--xlim', '3..1'], /^activ: --xlim must go from low to high/],
    [['plot', 'relu', 'gelu', '--alpha', '1'], /^activ: relu has no parameter 'alpha'; it takes none$/],
    [['frobnicate'], /^activ: unknown command 'frobnicate'/],
  ];
  for (const [args, message] of cases) {
    it(args.join(' '), () => {
      const dir = emptyFolder();
      const run = activ(args, { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(run.stderr.trim()).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('leaves an existing file untouched when the request is bad', () => {
    const dir = emptyFolder();
    writeFileSync(join(dir, 'elu.png'), 'precious');
    expect(activ(['plot', 'elu', '--alpha', 'x'], { cwd: dir }).status).toBe(2);
    expect(readFileSync(join(dir, 'elu.png'), 'utf8')).toBe('precious');
  });

  it('reports a missing folder as a failure of the environment, exit 1', () => {
    const dir = emptyFolder();
    const run = activ(['plot', 'elu', '-o', 'no/such/folder/elu.png'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("activ: cannot write 'no/such/folder/elu.png': the folder does not exist");
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});

describe('activ list', () => {
  it('prints every function with its parameters and formula', () => {
    const text = activ(['list']).stdout.toString();
    expect(text).toMatch(/^elu\s+-\s+alpha=1\s+x if x > 0, else α·\(eˣ − 1\)$/m);
    expect(text).toMatch(/^softmax .*depends on --samples/m);
  });

  it('prints JSON with name, aliases, params and formula', () => {
    const list = JSON.parse(activ(['list', '--json']).stdout.toString()) as {
      name: string;
      aliases: string[];
      params: { name: string; default: number | string }[];
      formula: string;
    }[];
    const names = list.map((f) => f.name);
    for (const name of [
      'softmax',
      'softsign',
      'softplus',
      'elu',
      'prelu',
      'binary_step',
      'relu',
      'leaky_relu',
      'sigmoid',
      'tanh',
    ]) {
      expect(names).toContain(name);
    }
    const prelu = list.find((f) => f.name === 'prelu')!;
    expect(prelu.params).toEqual([expect.objectContaining({ name: 'alpha', default: 0.25 })]);
    expect(list.find((f) => f.name === 'binary_step')!.aliases).toContain('step');
  });
});

describe('help and version', () => {
  it('lists the options of plot with examples', () => {
    const run = activ(['plot', '--help']);
    expect(run.status).toBe(0);
    const help = run.stdout.toString();
    for (const option of [
      '--from',
      '--to',
      '--range',
      '--samples',
      '--output',
      '--format',
      '--width',
      '--height',
      '--title',
      '--xlabel',
      '--ylabel',
      '--alpha',
      '--beta',
      '--negative-slope',
    ]) {
      expect(help).toContain(option);
    }
    expect(help).toContain('Examples:');
  });

  it('prints the version from package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(activ(['--version']).stdout.toString().trim()).toBe(pkg.version);
  });
});
