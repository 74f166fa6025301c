/**
 * Expressions on the command line, run as a user runs activ (the built bin, its own process):
 * eval, table, plot, batch, their parameters as flags, and every way an expression can be wrong.
 * Values are checked against fixtures/expression-references.json (mpmath; see
 * fixtures/make-expression-references.py and test/expressions.test.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activ, emptyFolder, pngSize } from './support/run-cli.js';

interface Reference {
  expression: string;
  params: Record<string, number>;
  points: [string, string, string, string, string][];
}

const references = (
  JSON.parse(readFileSync(new URL('../fixtures/expression-references.json', import.meta.url), 'utf8')) as {
    expressions: Reference[];
  }
).expressions;

function reference(expression: string): Map<number, { f: number; df: number }> {
  const found = references.find((r) => r.expression === expression)!;
  return new Map(found.points.map(([x, f, , df]) => [Number(x), { f: Number(f), df: Number(df) }]));
}

function lines(stdout: Buffer): number[] {
  return stdout.toString('utf8').trimEnd().split('\n').map(Number);
}

/** A usage error as the contract has it: exit 2, one line starting `activ:`, nothing written. */
function expectUsageError(args: string[], message: RegExp): void {
  const dir = emptyFolder();
  const run = activ(args, { cwd: dir });
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^activ: [^\n]*\n$/);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  expect(readdirSync(dir)).toEqual([]);
}

describe('activ eval with an expression', () => {
  const points = ['-3', '-0.5', '0', '0.5', '3'];

  for (const expression of ['x*sigmoid(1.702*x)', 'elu(x, 2) + softplus(x, 3)']) {
    it(`${expression} and its derivative equal mpmath's to 1e-13`, () => {
      const expected = reference(expression);
      for (const derivative of [false, true]) {
        const run = activ(['eval', expression, ...(derivative ? ['--derivative'] : [])], {
          input: `${points.join('\n')}\n`,
        });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        lines(run.stdout).forEach((got, i) => {
          const want = expected.get(Number(points[i]))!;
          const exact = derivative ? want.df : want.f;
          expect(Math.abs(got - exact), `${expression} at ${points[i]}`).toBeLessThanOrEqual(
            1e-13 * Math.abs(exact),
          );
        });
      }
    });
  }

  it('takes the numbers after -- as well, and parameters as flags', () => {
    const run = activ(['eval', 'x*sigmoid(b*x)', '--b', '2', '--', '-3', '0.5']);
    expect(run.status).toBe(0);
    const expected = reference('x*sigmoid(b*x)');
    lines(run.stdout).forEach((got, i) => {
      const exact = expected.get([-3, 0.5][i]!)!.f;
      expect(Math.abs(got - exact)).toBeLessThanOrEqual(1e-13 * Math.abs(exact));
    });
  });

  it('gives NaN for NaN, and -0 where the arithmetic gives -0', () => {
    const run = activ(['eval', 'x > 1 ? 1 : 0', '--', 'NaN', '2', '-0']);
    expect(run.stdout.toString()).toBe('NaN\n1\n0\n');
    expect(activ(['eval', '2*x', '--', '-0']).stdout.toString()).toBe('-0\n');
  });
});

describe('activ table with an expression', () => {
  it('prints the grid with f and the exact f', () => {
    const run = activ([
      'table',
      'x*sigmoid(b*x)',
      '--b',
      '2',
      '--range',
      '-3..3',
      '--samples',
      '3',
      '--derivative',
    ]);
    expect(run.status).toBe(0);
    const rows = run.stdout.toString().trimEnd().split('\n');
    expect(rows[0]).toBe('x,y,dy');
    const expected = reference('x*sigmoid(b*x)');
    for (const row of rows.slice(1)) {
      const [x, y, dy] = row.split(',').map(Number) as [number, number, number];
      const want = expected.get(x)!;
      expect(Math.abs(y - want.f)).toBeLessThanOrEqual(1e-13 * Math.abs(want.f));
      expect(Math.abs(dy - want.df)).toBeLessThanOrEqual(1e-13 * Math.abs(want.df));
    }
  });
});

describe('activ plot with expressions', () => {
  it('draws a family over an expression parameter: one curve per value', () => {
    const run = activ(['plot', 'x*sigmoid(b*x)', '--b', '1,2', '--format', 'term'], {
      env: { COLUMNS: '60' },
    });
    expect(run.status).toBe(0);
    const legend = run.stdout.toString().trimEnd().split('\n').slice(-2);
    expect(legend).toEqual(['        ━━ x*sigmoid(b*x) (b=1)', '        ━━ x*sigmoid(b*x) (b=2)']);
  });

  it('writes a PNG named after the expression, beside a catalog function, with derivatives', () => {
    const dir = emptyFolder();
    const run = activ(['plot', 'x*sigmoid(1.702*x)', 'gelu', '--derivative'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['x_sigmoid_1.702_x-gelu.png']);
    expect(pngSize(readFileSync(join(dir, 'x_sigmoid_1.702_x-gelu.png')))).toEqual({
      width: 640,
      height: 480,
    });
  });

  it('labels each curve with the expression as typed, cut past 40 characters, or with --label', () => {
    const long = 'x*sigmoid(1.702*x) + 0.0001*tanh(x)*sigmoid(x)^2';
    const legend = (args: string[]) =>
      activ(['plot', ...args, '--format', 'term'], { env: { COLUMNS: '60' } })
        .stdout.toString()
        .trimEnd()
        .split('\n')
        .slice(-2)
        .map((l) => l.trim());
    expect(legend([long, 'relu'])).toEqual(['━━ x*sigmoid(1.702*x) + 0.0001*tanh(x)*sig…', '━━ relu']);
    expect(legend([long, 'relu', '--label', 'my unit'])).toEqual(['━━ my unit', '━━ relu']);
    expect(legend([long, 'relu', '--label', 'mine', '--label', 'ReLU'])).toEqual(['━━ mine', '━━ ReLU']);
  });

  it("draws f' alone with --derivative-only, and takes expressions after --", () => {
    const run = activ(['plot', '--b', '2', '--derivative-only', '--format', 'term', '--', '(-x*b)', 'relu'], {
      env: { COLUMNS: '60' },
    });
    expect(run.stderr).toBe('');
    const legend = run.stdout
      .toString()
      .trimEnd()
      .split('\n')
      .slice(-2)
      .map((l) => l.trim());
    expect(legend).toEqual(["━━ (-x*b)'", "━━ relu'"]);
  });

  it('shares a parameter flag with the catalog where the names agree', () => {
    const run = activ(['plot', 'x*sigmoid(beta*x)', 'silu', '--beta', '2', '--format', 'term'], {
      env: { COLUMNS: '60' },
    });
    expect(run.status).toBe(0);
  });

  const mistakes: [string, string[], RegExp][] = [
    [
      'a missing parameter, naming it and its flag',
      ['x*sigmoid(b*x)'],
      /--b is needed: .*parameter b at column 11/,
    ],
    ['a syntax error, with its column', ['x*('], /^activ: expected '\)' at column 4: x\*\(\n$/],
    ['JavaScript', ['process.exit(3)'], /not part of an expression at column 8/],
    [
      'a misspelt name, with suggestions as before',
      ['elux'],
      /unknown activation 'elux'; did you mean 'elu'\?/,
    ],
    [
      'a parameter given that it does not use',
      ['x*b', '--b', '1', '--alpha', '2'],
      /x\*b has no parameter 'alpha'/,
    ],
    ['an unknown flag', ['x*b', '--b', '1', '--c', '2'], /unknown option '--c'/],
    [
      'a parameter named like an option',
      ['x*width'],
      /--width is already an option of activ; name the parameter otherwise/,
    ],
    ["a parameter named like the program's --debug", ['x*debug'], /--debug is already an option of activ/],
    [
      'a parameter whose flag would read as a negation',
      ['x*no_b'],
      /--no-b would read as turning an option off/,
    ],
    ['a parameter value that is no number', ['x*b', '--b', 'big'], /--b expects a number, got 'big'/],
    ['more labels than functions', ['relu', '--label', 'a', '--label', 'b'], /2 labels for 1 function/],
    ['an expression that starts with a minus sign', ['-x^2'], /write it in parentheses, '\(-x\^2\)'/],
    [
      'a catalog parameter out of range inside',
      ['softplus(x, 0)'],
      /softplus's beta must be > 0, not 0 at column 1/,
    ],
    ['more kinks than a figure can show', ['floor(1e6*x)'], /more than 100,000 kinks and jumps/],
  ];
  for (const [what, args, message] of mistakes) {
    it(`exits 2 with one line for ${what}`, () => expectUsageError(['plot', ...args], message));
  }

  it('never runs what it is given: process.exit(3) is refused, not run', () => {
    const run = activ(['eval', 'process.exit(3) + x', '--', '1']);
    expect(run.status).toBe(2);
  });
});

describe('activ batch with expressions', () => {
  it('renders expression lines as activ plot does, each with its own parameters', () => {
    const dir = emptyFolder();
    writeFileSync(
      join(dir, 'figures.txt'),
      [
        "'x*sigmoid(b*x)' --b 1,2 -o family.png",
        "relu 'max(x, 0.1*x)' --label ReLU --label leaky -o pair.png",
        "'x*sigmoid(c*x)' -o missing.png",
        'elu --alpha 2 -o elu.png',
        "'x*(' -o broken.png",
      ].join('\n'),
    );
    const run = activ(['batch', 'figures.txt', '--jobs', '1'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'activ: line 3: --c is needed: no value for the parameter c at column 11: x*sigmoid(c*x)',
      "activ: line 5: expected ')' at column 4: x*(",
      'activ: 2 of 5 lines failed',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['elu.png', 'family.png', 'figures.txt', 'pair.png']);
    // The same bytes as activ plot writes for the same words.
    const single = emptyFolder();
    activ(['plot', 'x*sigmoid(b*x)', '--b', '1,2', '-o', 'family.png'], { cwd: single });
    expect(readFileSync(join(dir, 'family.png')).equals(readFileSync(join(single, 'family.png')))).toBe(true);
  });

  it("does not let one line's parameter flags leak into the next", () => {
    const dir = emptyFolder();
    // k is no catalog parameter's name (squareplus's b would be): its flag is the expression's own.
    writeFileSync(join(dir, 'figures.txt'), "'x*k' --k 2 -o a.png\nrelu --k 2 -o b.png\n");
    const run = activ(['batch', 'figures.txt', '--jobs', '1'], { cwd: dir });
    expect(run.stderr).toMatch(/^activ: line 2: unknown option '--k'/);
    expect(existsSync(join(dir, 'a.png'))).toBe(true);
    expect(existsSync(join(dir, 'b.png'))).toBe(false);
  });
});

describe('the parser is loaded only for expressions', () => {
  // NODE_DEBUG=module makes Node log every CommonJS module it loads; jsep is one.
  it('a catalog figure never loads it; an expression does', () => {
    const catalog = activ(['plot', 'elu', '-o', 'elu.png'], { env: { NODE_DEBUG: 'module' } });
    expect(catalog.status).toBe(0);
    expect(catalog.stderr).not.toMatch(/jsep/);
    const expression = activ(['plot', 'x*2', '-o', 'x.png'], { env: { NODE_DEBUG: 'module' } });
    expect(expression.status).toBe(0);
    expect(expression.stderr).toMatch(/jsep/);
  });
});
