// sampleIntoColumns evaluates only the ends of most pixel columns (src/figure/column-samples.ts).
// Held here to what evaluating every sample gives, with ColumnExtremes over all of them: the same
// first and last point of every column, the same lowest and highest value (to rounding), and the
// same gaps, for every function of the catalog and ranges that put kinks, jumps, turning points
// and overflow inside columns.
import { describe, expect, it } from 'vitest';
import type { Activation, ParamValues, Quantity } from '../src/activations/activation.js';
import { catalog } from '../src/activations/catalog.js';
import { resolveParams } from '../src/activations/params.js';
import { getActivation } from '../src/activations/registry.js';
import { sampleIntoColumns } from '../src/figure/column-samples.js';
import { ColumnExtremes } from '../src/figure/reduce.js';
import { sampleCurveInSlices } from '../src/sampling.js';
import { allFlavorFunctions } from '../src/flavors/registry.js';

interface ColumnSummary {
  first: [number, number];
  last: [number, number];
  low: number;
  high: number;
}

/** Each column's first and last point and its value range, and the gaps, of a reduced curve. */
function summarise(curve: { x: Float64Array; y: Float64Array }, columns: ColumnExtremes) {
  const byColumn = new Map<number, ColumnSummary>();
  const gaps: number[] = [];
  for (let i = 0; i < curve.x.length; i++) {
    const [x, y] = [curve.x[i]!, curve.y[i]!];
    if (Number.isNaN(y)) {
      gaps.push(x);
      continue;
    }
    const c = columns.columnOf(x);
    const s = byColumn.get(c);
    if (!s) byColumn.set(c, { first: [x, y], last: [x, y], low: y, high: y });
    else {
      s.last = [x, y];
      s.low = Math.min(s.low, y);
      s.high = Math.max(s.high, y);
    }
  }
  return { byColumn, gaps };
}

interface Case {
  activation: Activation;
  params: ParamValues;
  from: number;
  to: number;
  view?: [number, number];
  quantity?: Quantity;
}

function compare(
  { activation, params, from, to, view, quantity = 'value' }: Case,
  samples = 100_003,
  columnCount = 97,
) {
  const [min, max] = view ?? [from, to];
  const dense = new ColumnExtremes(min, max, columnCount);
  sampleCurveInSlices(activation, params, from, to, samples, quantity, (x, y) => dense.add(x, y));
  let evaluated = 0;
  const counting: Activation = {
    ...activation,
    evaluate: (x, p, out) => {
      evaluated += x.length;
      return activation.evaluate(x, p, out);
    },
    derivative: (x, p, out) => {
      evaluated += x.length;
      return activation.derivative(x, p, out);
    },
  };
  const sparse = new ColumnExtremes(min, max, columnCount);
  sampleIntoColumns(counting, params, quantity, { from, to, samples }, sparse);
  const want = summarise(dense.result(), dense);
  const got = summarise(sparse.result(), sparse);
  const shown = activation.flavor === undefined ? activation.name : `${activation.name}@${activation.flavor}`;
  const name = `${quantity === 'value' ? '' : 'd/dx '}${shown} ${JSON.stringify(params)} over ${from}..${to}`;
  expect(got.gaps, `${name}: gaps`).toEqual(want.gaps);
  expect([...got.byColumn.keys()], `${name}: columns`).toEqual([...want.byColumn.keys()]);
  for (const [c, w] of want.byColumn) {
    const g = got.byColumn.get(c)!;
    expect(g.first, `${name}: first of column ${c}`).toEqual(w.first);
    expect(g.last, `${name}: last of column ${c}`).toEqual(w.last);
    // A monotone piece may wiggle by an ulp or two in doubles: the dense pass sees that, the ends do not.
    const tolerance = 1e-14 * Math.max(Math.abs(w.low), Math.abs(w.high), 1e-300);
    expect(Math.abs(g.low - w.low), `${name}: lowest of column ${c}`).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(g.high - w.high), `${name}: highest of column ${c}`).toBeLessThanOrEqual(tolerance);
  }
  return evaluated;
}

describe('sampleIntoColumns keeps what evaluating every sample keeps', () => {
  for (const activation of catalog.filter((a) => !a.overVector)) {
    it(`${activation.name} and its derivative, over its default range and a wider one`, () => {
      const params = resolveParams(activation);
      for (const quantity of ['value', 'derivative'] as const) {
        compare({ activation, params, from: activation.range[0], to: activation.range[1], quantity });
        compare({ activation, params, from: -37.3, to: 41.9, quantity }, 200_001, 61);
      }
    });
  }

  // A framework's function with its own definition or its own derivative at a kink: the columns
  // there keep what every sample gives (the kink sampled exactly, its f' the framework's).
  for (const activation of allFlavorFunctions().filter(
    (a) => !a.overVector && (a.spec.definition !== undefined || a.spec.derivativeAt !== undefined),
  )) {
    it(`${activation.name}@${activation.flavor} and its derivative, over its default range and a wider one`, () => {
      const params = resolveParams(activation);
      for (const quantity of ['value', 'derivative'] as const) {
        compare({ activation, params, from: activation.range[0], to: activation.range[1], quantity });
        compare({ activation, params, from: -37.3, to: 41.9, quantity }, 200_001, 61);
      }
    });
  }

  it('with parameters that move kinks, jumps and turning points, and a view narrower than the samples', () => {
    const cases: Case[] = [
      { activation: getActivation('silu'), params: { beta: -2.5 }, from: -3, to: 3 },
      { activation: getActivation('silu'), params: { beta: 0.1 }, from: -30, to: 10 },
      { activation: getActivation('gelu'), params: { approximate: 'tanh' }, from: -1, to: 0.2 },
      { activation: getActivation('threshold'), params: { threshold: 0.3, value: 4 }, from: -2, to: 5 },
      { activation: getActivation('hardtanh'), params: { min_val: -0.25, max_val: 0.5 }, from: -1, to: 1 },
      { activation: getActivation('hardshrink'), params: { lambda: 1.25 }, from: -3, to: 3, view: [-2, 1] },
      { activation: getActivation('elu'), params: { alpha: -2 }, from: -4, to: 4, view: [-1, 0.5] },
      { activation: getActivation('mish'), params: {}, from: -1.2, to: -1.18 },
      { activation: getActivation('silu'), params: { beta: -2.5 }, from: -3, to: 3, quantity: 'derivative' },
      {
        activation: getActivation('gelu'),
        params: { approximate: 'tanh' },
        from: -2,
        to: 2,
        quantity: 'derivative',
      },
      { activation: getActivation('squareplus'), params: { b: 0 }, from: -1, to: 1, quantity: 'derivative' },
      {
        activation: getActivation('softshrink'),
        params: { lambda: 0 },
        from: -1,
        to: 1.3,
        quantity: 'derivative',
      },
      {
        activation: getActivation('hardshrink'),
        params: { lambda: 0 },
        from: -1,
        to: 1.3,
        quantity: 'derivative',
      },
      {
        activation: getActivation('threshold'),
        params: { threshold: 0.3, value: 0.3 },
        from: -2,
        to: 5,
        quantity: 'derivative',
      },
    ];
    for (const c of cases) compare({ ...c, params: resolveParams(c.activation, c.params) });
  });

  it('evaluates each value once where f overflows: the columns at the overflow are evaluated whole', () => {
    const exponential = getActivation('exponential');
    compare({ activation: exponential, params: {}, from: 700, to: 720 });
  });

  it('evaluates the two ends of each column, and the samples at kinks, jumps and turning points', () => {
    const gelu = getActivation('gelu');
    const params = resolveParams(gelu);
    // 496 columns: 992 ends, one more piece where f turns (at −0.75), and a sample or two there
    const evaluated = compare({ activation: gelu, params, from: -4, to: 4 }, 1_000_000, 496);
    expect(evaluated).toBeGreaterThanOrEqual(2 * 496);
    expect(evaluated).toBeLessThanOrEqual(2 * 497 + 2);
    // f' turns twice (at ±√2)
    const slopes = compare(
      { activation: gelu, params, from: -4, to: 4, quantity: 'derivative' },
      1_000_000,
      496,
    );
    expect(slopes).toBeLessThanOrEqual(2 * 498 + 4);
    // relu: a kink at 0, sampled exactly
    const relu = getActivation('relu');
    expect(compare({ activation: relu, params: {}, from: -4, to: 4 }, 1_000_000, 496)).toBeLessThanOrEqual(
      2 * 497 + 1,
    );
  });
});
