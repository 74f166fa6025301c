/**
 * Expressions in x as functions: their values and exact derivatives against mpmath, their kinks
 * and jumps found to the last double, and what they refuse.
 *
 * The reference values come from fixtures/make-expression-references.py (mpmath at 60 and 100
 * digits; the catalog functions an expression calls are defined as in fixtures/make-references.py).
 * Regenerate with
 *
 *     /usr/bin/python3 fixtures/make-expression-references.py
 *
 * Each reference row is [x, f, scale of f, f', scale of f'], the scale being the sum of the
 * absolute values of the terms the value is a sum of. Acceptance: |got − E| ≤ 1e-13·scale, which
 * is 1e-13 relative wherever the terms do not cancel; where the true value is subnormal, one
 * subnormal step more per rounding of the formula (two).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../src/activations/params.js';
import { getActivation } from '../src/activations/registry.js';
import { UsageError } from '../src/errors.js';
import { derivative, evaluate } from '../src/evaluation.js';
import { ExpressionError, MissingParameterError } from '../src/expression/errors.js';
import { MAX_BREAKPOINTS, midpoint } from '../src/expression/breakpoints.js';
import { MAX_EXPRESSION_LENGTH } from '../src/expression/syntax.js';
import { sampleIntoColumns } from '../src/figure/column-samples.js';
import { ColumnExtremes } from '../src/figure/reduce.js';
import { resolveFunction } from '../src/functions.js';
import { nextDown, nextUp } from '../src/math/float.js';
import { breakpointsOf, sampleCurve, sampleCurveInSlices } from '../src/sampling.js';

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

const RELATIVE = 1e-13;
const SMALLEST_NORMAL = 2 ** -1022;
const SUBNORMAL_STEP = 2 ** -1074;

function off(got: number, reference: string, scale: string): boolean {
  const exact = Number(reference);
  const bound = RELATIVE * Number(scale) + (Math.abs(exact) < SMALLEST_NORMAL ? 2 * SUBNORMAL_STEP : 0);
  return !(Math.abs(got - exact) <= bound);
}

describe('expressions against mpmath', () => {
  for (const { expression, params, points } of references) {
    it(`${expression}${Object.keys(params).length > 0 ? ` with ${JSON.stringify(params)}` : ''}: f and f'`, () => {
      const xs = points.map((p) => Number(p[0]));
      const f = evaluate(expression, xs, params);
      const df = derivative(expression, xs, params);
      const failures = points.flatMap(([x, fRef, fScale, dfRef, dfScale], i) => [
        ...(off(f[i]!, fRef, fScale) ? [`f(${x}) = ${f[i]}, expected ${fRef}`] : []),
        ...(off(df[i]!, dfRef, dfScale) ? [`f'(${x}) = ${df[i]}, expected ${dfRef}`] : []),
      ]);
      expect(failures).toEqual([]);
    });
  }

  it('are exact to 1e-13 relative at every reference point of the two headline expressions away from a cancellation', () => {
    for (const { expression, points } of references.slice(0, 2)) {
      const well = points.filter(
        ([, f, fs, df, ds]) =>
          Number(fs) <= 2 * Math.abs(Number(f)) && Number(ds) <= 2 * Math.abs(Number(df)),
      );
      // Nearly every point: only those next to a root of f or f' are left out.
      expect(well.length).toBeGreaterThan(points.length * 0.85);
      const xs = well.map((p) => Number(p[0]));
      const f = evaluate(expression, xs);
      const df = derivative(expression, xs);
      well.forEach(([x, fRef, , dfRef], i) => {
        for (const [got, want] of [
          [f[i]!, Number(fRef)],
          [df[i]!, Number(dfRef)],
        ] as const) {
          const tolerance =
            Math.abs(want) >= SMALLEST_NORMAL ? RELATIVE * Math.abs(want) : 2 * SUBNORMAL_STEP;
          expect(Math.abs(got - want), `${expression} at ${x}`).toBeLessThanOrEqual(tolerance);
        }
      });
    }
  });

  it("take each catalog function's own value and f', its convention at kinks included", () => {
    // leaky_relu'(0) = negative_slope and relu'(0) = 0, as PyTorch (the catalog's conventions).
    expect(derivative('leaky_relu(2*x, 0.2) - relu(x)', [0, -0])).toEqual(Float64Array.of(0.4, 0.4));
    const xs = [-2, -0.25, 0, 1e-9, 3];
    expect(evaluate('elu(x, 2)', xs)).toEqual(evaluate('elu', xs, { alpha: 2 }));
    expect(derivative('elu(x, 2)', xs)).toEqual(derivative('elu', xs, { alpha: 2 }));
    expect(evaluate('gelu_new(x)', xs)).toEqual(evaluate('gelu', xs, { approximate: 'tanh' }));
  });

  it("take a conditional's branch, the left-hand slope of min and max, and abs'(0) = 0 where f' does not exist", () => {
    expect(derivative('x > 0 ? x : 0', [0])[0]).toBe(0);
    expect(derivative('x >= 0 ? x : 0', [0])[0]).toBe(1);
    expect(derivative('max(x, 0)', [0])[0]).toBe(0); // relu'(0)
    expect(derivative('max(0, x)', [0])[0]).toBe(0); // whichever order
    expect(derivative('max(x, 0.1*x)', [0])[0]).toBe(0.1); // leaky_relu'(0)
    expect(derivative('min(x, 1)', [1])[0]).toBe(1);
    expect(derivative('abs(x)', [0, 2, -2])).toEqual(Float64Array.of(0, 1, -1));
    expect(derivative('floor(x) + sign(x) + (x > 1)', [0, 1, 2.5])).toEqual(Float64Array.of(0, 0, 0));
  });
});

describe('NaN, infinities and the rule every entry follows', () => {
  it('gives NaN for NaN whatever the expression would make of it', () => {
    for (const text of ['x > 1 ? 1 : 0', 'floor(x)', '0*x + 1', 'sign(x)', 'max(x, 0)'])
      for (const quantity of [evaluate, derivative]) expect(quantity(text, [NaN])[0], text).toBeNaN();
  });

  it('passes NaN made inside on (a condition that is NaN does not pick a branch)', () => {
    expect(evaluate('sqrt(x) > 1 ? 1 : 0', [-4, 4])).toEqual(Float64Array.of(NaN, 1));
    expect(evaluate('log(x)', [-1, 0, 1])).toEqual(Float64Array.of(NaN, -Infinity, 0));
    expect(evaluate('x/x', [0, 2])).toEqual(Float64Array.of(NaN, 1));
  });

  it("has no f' where f is undefined, and the chosen branch's where a condition steps around it", () => {
    // log and sqrt are undefined below 0, so their derivatives are too (not the chain rule's 1/x
    // or 1/(2·NaN)); a branch that is not taken leaves no NaN behind.
    expect(derivative('log(x)', [-1, 0, 1])).toEqual(Float64Array.of(NaN, Infinity, 1));
    expect(derivative('sqrt(x^2 - 1)', [0, 2])).toEqual(Float64Array.of(NaN, 2 / Math.sqrt(3)));
    expect(derivative('x > 0 ? log(x) : 0', [-1, 2])).toEqual(Float64Array.of(0, 0.5));
    expect(derivative('0/0 + x', [1])).toEqual(Float64Array.of(NaN));
  });

  it('takes the derivative of a constant as exactly 0, even at ±∞', () => {
    // d/dx 2·x is 2 at x = ∞, not 0·∞ = NaN.
    expect(derivative('2*x + 3', [Infinity, -Infinity])).toEqual(Float64Array.of(2, 2));
    expect(derivative('x^2', [-3])).toEqual(Float64Array.of(-6));
  });
});

describe('parameters', () => {
  it('are the other names an expression uses, given like a catalog parameter', () => {
    const f = resolveFunction('x*sigmoid(b*x) + c');
    expect(f.params.map((p) => p.name)).toEqual(['b', 'c']);
    expect(evaluate(f, [1], { b: 2, c: 0 })).toEqual(evaluate('silu', [1], { beta: 2 }));
  });

  it('must all be given; the error names the first missing one and where it is', () => {
    const call = () => evaluate('x*sigmoid(b*x)', [1]);
    expect(call).toThrow(MissingParameterError);
    expect(call).toThrow('no value for the parameter b at column 11: x*sigmoid(b*x)');
  });

  it('refuses one the expression does not use', () => {
    expect(() => evaluate('x*sigmoid(b*x)', [1], { b: 1, c: 2 })).toThrow(
      "x*sigmoid(b*x) has no parameter 'c'; it takes: b",
    );
  });

  it("checks a catalog function's parameters given inside, with where they are", () => {
    const f = resolveFunction('softplus(x, b)');
    expect(() => resolveParams(f, { b: 0 })).toThrow(
      "softplus's beta must be > 0, not 0 at column 1: softplus(x, b)",
    );
    expect(() => resolveFunction('elu(x, x)')).toThrow("elu's alpha cannot depend on x at column 8");
  });
});

describe('what is not an expression', () => {
  const refused: [string, RegExp][] = [
    ['x*(', /^expected '\)' at column 4: x\*\($/],
    ['x*sigmoid(b*x', /^expected '\)' at column 14: x\*sigmoid\(b\*x$/],
    ['process.exit(3)', /^'\.' \(a property\) is not part of an expression at column 8/],
    ['x.constructor', /^'\.' \(a property\) is not part of an expression at column 2/],
    ['x*constructor', /^'constructor' cannot name a parameter/],
    ['__proto__*x', /^'__proto__' cannot name a parameter/],
    ['hasOwnProperty(x)', /^unknown function 'hasOwnProperty' at column 1/],
    ['x[0]', /^'\[' \(indexing\) is not part of an expression at column 2/],
    ['[x, 1]', /^'\[' \(a list\)/],
    ['this*x', /^'this' is not part of an expression/],
    ['x = 1', /^unexpected '=' at column 3/],
    ['x => x', /^unexpected '=' at column 3/],
    ['`${x}`', /^unexpected '`' at column 1/],
    ['x; 1', /^one expression only/],
    ['x % 2', /^'%' is not an operator of activ's expressions at column 3/],
    ['x | 1', /^'\|' is not an operator/],
    ['~x', /^'~' is not an operator/],
    ['x === 1 ? 1 : 0', /^'===' is not an operator here; write ==/],
    ['0 < x < 1', /^a comparison of a comparison; write a < x && x < b/],
    ['2x', /^expected an operator between '2' and 'x' \(write 2\*x, not 2x\) at column 2/],
    ['sigmod(x)', /^unknown function 'sigmod' \(did you mean 'sigmoid'\?\) at column 1/],
    ['softmax(x)', /^softmax is taken over a whole vector/],
    ['elu(x, 1, 2)', /^elu takes its argument and the parameters alpha in that order, not 2 more/],
    ['max(x)', /^max takes 2 or more arguments, not 1/],
    ['gelu(x, 1)', /^gelu's approximate is one of none, tanh, in quotes/],
    ['x*"tanh"', /^a word in quotes is only a choice of a catalog function/],
    ['x*true', /^'true' is not a number/],
    ['x*1e999', /^1e999 is beyond the doubles/],
    ['relu*x', /^relu is a function: call it, as in relu\(x\)/],
    ['x(2)', /^x is the variable, not a function/],
    ['x*X', /^'X' is not x/],
    ['x*b + B', /^'B' and 'b' would be the same parameter/],
    ['x*élan', /^'élan' cannot name a parameter/],
  ];
  for (const [text, message] of refused) {
    it(text, () => {
      let caught: unknown;
      try {
        resolveFunction(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UsageError);
      expect((caught as Error).message).toMatch(message);
    });
  }

  it('leaves a name that is no expression to the catalog, with its suggestions', () => {
    expect(() => resolveFunction('elux')).toThrow("unknown activation 'elux'; did you mean 'elu'?");
    expect(() => resolveFunction('binary-stepp')).toThrow(/^unknown activation 'binary-stepp'; did you mean/);
    expect(() => resolveFunction('2*3')).toThrow("unknown activation '2*3'");
    expect(() => resolveFunction('sigmoid(2)*3')).toThrow(/as an expression it does not use x/);
  });

  it('refuses an expression too long, or too deep, as a usage error', () => {
    const long = `x${'+x'.repeat(MAX_EXPRESSION_LENGTH)}`;
    expect(() => resolveFunction(long)).toThrow(/^an expression is at most 4000 characters/);
    expect(() => resolveFunction(`${'(-'.repeat(1200)}x${')'.repeat(1200)}`)).toThrow(
      /^more than 1000 operations inside one another/,
    );
    expect(() => resolveFunction(`x${'+x'.repeat(1001)}`)).toThrow(/^more than 1000 operations/);
    // Parentheses are no operations, but the parser recurses into each.
    expect(() => resolveFunction(`${'('.repeat(1990)}x${')'.repeat(1990)}`)).toThrow(ExpressionError);
  });

  it('takes parentheses in hundreds: they are no operations', () => {
    expect(evaluate(`${'('.repeat(500)}x${')'.repeat(500)}`, [3])).toEqual(Float64Array.of(3));
  });

  it('evaluates the deepest expression it takes, in bounded memory, and exactly', () => {
    // 999 terms, each with buffers of its own: the chunk shrinks to keep them all small.
    const sum = `x${'+x'.repeat(998)}`;
    expect(evaluate(sum, [1, 2.5, -1])).toEqual(Float64Array.of(999, 2497.5, -999));
    expect(derivative(sum, [0])).toEqual(Float64Array.of(999));
    const nested = `${'-('.repeat(999)}x${')'.repeat(999)}`;
    expect(evaluate(nested, [2])).toEqual(Float64Array.of(-2));
    expect(derivative(nested, [2])).toEqual(Float64Array.of(-1));
    expect(resolveFunction(`abs(${nested})`).kinks({}, [-1, 1])).toEqual([0]);
  });
});

describe('kinks and jumps, found inside the range to the last double', () => {
  it('puts the corner of max(x, 0.1*x) at exactly 0 at any sample count', () => {
    const f = resolveFunction('max(x, 0.1*x)');
    for (const samples of [2, 6, 7, 1000]) {
      const { x, y } = sampleCurve(f, {}, -3, 3, samples);
      const at = x.indexOf(0);
      expect(at, `${samples} samples`).toBeGreaterThan(0);
      expect(y[at]).toBe(0);
    }
    expect(f.kinks({}, [-3, 3])).toEqual([0]);
    expect(f.jumps({}, [-3, 3])).toEqual([]);
  });

  it('draws x > 1 ? 1 : 0 with a vertical jump at 1 at 10 samples', () => {
    const f = resolveFunction('x > 1 ? 1 : 0');
    const { x, y } = sampleCurve(f, {}, -5, 5, 10);
    const at = x.indexOf(1);
    expect([x[at - 1], x[at], x[at + 1]]).toEqual([nextDown(1), 1, nextUp(1)]);
    expect([y[at - 1], y[at], y[at + 1]]).toEqual([0, 0, 1]);
  });

  it('finds a crossing that comes back between two grid points, through the turn between them', () => {
    // x² − 1e-10 dips below 0 only within ±1e-5, far inside one scan interval.
    const f = resolveFunction('abs(x^2 - 1e-10)');
    const kinks = f.kinks({}, [-2, 2]);
    expect(kinks).toHaveLength(2);
    for (const k of kinks) {
      // To the last double: the sign of x² − 1e-10 changes between k and its neighbour.
      const h = (v: number) => v * v - 1e-10;
      const neighbour = h(k) <= 0 === k < 0 ? nextDown(k) : nextUp(k);
      expect(Math.sign(h(neighbour)) * Math.sign(h(k)) <= 0).toBe(true);
      expect(Math.abs(Math.abs(k) - 1e-5)).toBeLessThan(1e-19);
    }
  });

  it("finds a catalog function's kinks and jumps where its argument crosses them", () => {
    expect(resolveFunction('relu(x - 1)').kinks({}, [-5, 5])).toEqual([1]);
    expect(resolveFunction('hardtanh(2*x)').kinks({}, [-5, 5])).toEqual([-0.5, 0.5]);
    expect(resolveFunction('binary_step(x + 0.25)').jumps({}, [-5, 5])).toEqual([-0.25]);
    // A parameter moves them: elu(x, b) has a kink at 0 unless b = 1.
    const elu = resolveFunction('elu(x, b)');
    expect(elu.kinks({ b: 2 }, [-5, 5])).toEqual([0]);
    expect(elu.kinks({ b: 1 }, [-5, 5])).toEqual([]);
  });

  it('finds every jump of floor and ceil, and only inside the range', () => {
    const floor = resolveFunction('floor(3*x)');
    const jumps = floor.jumps({}, [-1, 1]);
    expect(jumps).toHaveLength(5);
    for (const j of jumps) expect(Math.floor(3 * j)).not.toBe(Math.floor(3 * nextDown(j)));
    expect(resolveFunction('ceil(x)').jumps({}, [0.5, 3.5])).toHaveLength(3);
  });

  it('refuses a figure with more kinks and jumps than it can show', () => {
    const f = resolveFunction('floor(1e6*x)');
    expect(() => f.jumps({}, [-1, 1])).toThrow(
      new RegExp(`more than ${MAX_BREAKPOINTS.toLocaleString('en-US')} kinks`),
    );
    // Evaluating it needs no breakpoints at all.
    expect(evaluate(f, [0.5])).toEqual(Float64Array.of(500000));
  });

  it('bisects between any two doubles in at most 64 halvings', () => {
    for (const [lo, hi] of [
      [-1e300, 1e300],
      [5e-324, 1e308],
      [-1, -5e-324],
      [-0, 1],
    ] as const) {
      let a: number = lo;
      let b: number = hi;
      let rounds = 0;
      for (;;) {
        const m = midpoint(a, b);
        if (m === a || m === b) break;
        expect(m > a && m < b).toBe(true);
        // Towards either end in turn: both directions must converge.
        if (rounds % 2 === 0) b = m;
        else a = m;
        rounds++;
      }
      expect(rounds).toBeLessThanOrEqual(64);
    }
  });

  it("samples the breakpoints a figure uses for f and for f'", () => {
    const f = resolveFunction('x > 1 ? x : abs(x)');
    expect(breakpointsOf(f, {}, -5, 5, 'value')).toEqual([0, nextDown(1), 1, nextUp(1)]);
  });
});

describe('dense figures', () => {
  it('declare no turning points, so a figure evaluates every sample, and match full sampling', () => {
    const f = resolveFunction('x*sigmoid(1.702*x) + 0.3*sin(7*x)');
    expect(f.turningPoints({}, 'value')).toBeUndefined();
    const grid = { from: -4, to: 4, samples: 200_000 };
    const dense = new ColumnExtremes(-4, 4, 640);
    sampleIntoColumns(f, {}, 'value', grid, dense);
    const every = new ColumnExtremes(-4, 4, 640);
    sampleCurveInSlices(f, {}, -4, 4, grid.samples, 'value', (x, y) => every.add(x, y));
    expect(dense.result()).toEqual(every.result());
  });

  it('evaluates the same in one call as in slices of any size', () => {
    const f = resolveFunction('elu(x, 2) + softplus(x, 3)');
    const x = Float64Array.from({ length: 10_007 }, (_, i) => -20 + i * 0.004);
    const whole = f.evaluate(x, {});
    const sliced = new Float64Array(x.length);
    for (let start = 0; start < x.length; start += 777)
      f.evaluate(x.subarray(start, start + 777), {}, sliced.subarray(start, start + 777));
    expect(sliced).toEqual(whole);
  });
});

describe('the parser', () => {
  it("reads ^ as the power, and leaves jsep's own ^ as it was for anyone else in the program", () => {
    expect(evaluate('2^3^2 + 0*x', [0])).toEqual(Float64Array.of(512));
    expect(evaluate('-x^2', [3])).toEqual(Float64Array.of(-9));
    const jsep = createRequire(import.meta.url)('jsep') as (text: string) => { operator?: string };
    // JavaScript's ^ binds looser than <: 1 ^ (2 < 3).
    expect(jsep('1 ^ 2 < 3').operator).toBe('^');
  });
});

describe('the catalog is untouched', () => {
  it('resolves catalog names to the registry entries themselves', () => {
    expect(resolveFunction('elu')).toBe(getActivation('elu'));
    expect(resolveFunction('BinaryStep')).toBe(getActivation('binary_step'));
  });
});
