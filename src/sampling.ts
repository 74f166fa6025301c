import type { Activation, ParamValues, Quantity } from './activations/activation.js';
import { nextDown, nextUp } from './math/float.js';

/**
 * `samples` evenly spaced points from `from` to `to`, both included, as numpy.linspace computes
 * them (start + i·step, the last point set to `to`). When the span is wider than the double range
 * (−1e308..1e308) the step overflows, so there each point is a weighted mean of the ends instead.
 */
export function linearGrid(from: number, to: number, samples: number): Float64Array {
  const x = new Float64Array(samples);
  const last = samples - 1;
  const step = (to - from) / last;
  if (Number.isFinite(step)) {
    for (let i = 0; i < last; i++) x[i] = from + i * step;
  } else {
    for (let i = 0; i < last; i++) x[i] = from * (1 - i / last) + to * (i / last);
  }
  x[last] = to;
  return x;
}

/** Merge sorted `extra` points into the sorted grid, dropping duplicates and points outside it. */
function mergeSorted(grid: Float64Array, extra: readonly number[]): Float64Array {
  const from = grid[0]!;
  const to = grid[grid.length - 1]!;
  const inside = [...new Set(extra)].filter((v) => v > from && v < to).sort((a, b) => a - b);
  if (inside.length === 0) return grid;
  const out = new Float64Array(grid.length + inside.length);
  // Copy the grid in slices between breakpoints (a memcpy each), found by binary search.
  let n = 0;
  let start = 0;
  for (const point of inside) {
    let lo = start;
    let hi = grid.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (grid[mid]! < point) lo = mid + 1;
      else hi = mid;
    }
    out.set(grid.subarray(start, lo), n);
    n += lo - start;
    start = lo;
    if (grid[lo] !== point) out[n++] = point;
  }
  out.set(grid.subarray(start), n);
  n += grid.length - start;
  return out.subarray(0, n);
}

export interface Curve {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * The points a figure draws for f (or f'): the even grid plus every breakpoint inside it, so a
 * ReLU corner is a real corner. At a jump the points just left and right of it (the adjacent
 * doubles) are sampled too, which makes the drawn line vertical there, whatever `samples` is.
 * A kink of f is a jump of f', so for the derivative kinks are treated as jumps.
 */
export function sampleCurve(
  activation: Activation,
  params: ParamValues,
  from: number,
  to: number,
  samples: number,
  quantity: Quantity = 'value',
): Curve {
  const kinks = activation.kinks(params);
  const jumps = activation.jumps(params);
  const steps = quantity === 'value' ? jumps : [...jumps, ...kinks];
  const corners = quantity === 'value' ? kinks : [];
  const breakpoints = [...corners, ...steps.flatMap((j) => [nextDown(j), j, nextUp(j)])];
  // Softmax and friends are taken over the even grid the user asked for, as the article does.
  const x = activation.overVector ? linearGrid(from, to, samples) : mergeSorted(linearGrid(from, to, samples), breakpoints);
  const y = quantity === 'value' ? activation.evaluate(x, params) : activation.derivative(x, params);
  return { x, y };
}
