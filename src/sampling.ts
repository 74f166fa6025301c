import type { Activation, ParamValues, Quantity } from './activations/activation.js';
import { nextDown, nextUp } from './math/float.js';
import { SLICE, type VectorSource } from './math/vector-source.js';
import { finishNow, type Steps } from './yield-point.js';

/**
 * `samples` evenly spaced points from `from` to `to`, both included, as numpy.linspace computes
 * them (start + i·step, the last point set to `to`). When the span is wider than the double range
 * (−1e308..1e308) the step overflows, so there each point is a weighted mean of the ends instead.
 */
export function linearGrid(from: number, to: number, samples: number): Float64Array {
  return gridSlice(from, to, samples, 0, samples, new Float64Array(samples));
}

/** Point i of linearGrid(from, to, samples). */
export function gridPoint(from: number, to: number, samples: number, i: number): number {
  const last = samples - 1;
  if (i === last) return to;
  const step = (to - from) / last;
  return Number.isFinite(step) ? from + i * step : from * (1 - i / last) + to * (i / last);
}

/** Points start..end−1 of linearGrid(from, to, samples), the same doubles, into `out`. */
export function gridSlice(
  from: number,
  to: number,
  samples: number,
  start: number,
  end: number,
  out: Float64Array,
): Float64Array {
  const last = samples - 1;
  const step = (to - from) / last;
  const x = out.subarray(0, end - start);
  if (Number.isFinite(step)) {
    for (let i = start; i < end; i++) x[i - start] = from + i * step;
  } else {
    for (let i = start; i < end; i++) x[i - start] = from * (1 - i / last) + to * (i / last);
  }
  if (end === samples) x[last - start] = to;
  return x;
}

/**
 * linearGrid(from, to, samples) as a vector source: made again, slice by slice into one buffer,
 * for each pass a vector function makes over it, rather than held (80 MB at ten million).
 */
export function gridSource(from: number, to: number, samples: number): VectorSource {
  const buffer = new Float64Array(Math.min(samples, SLICE));
  return {
    length: samples,
    *slices() {
      for (let start = 0; start < samples; start += SLICE)
        yield gridSlice(from, to, samples, start, Math.min(samples, start + SLICE), buffer);
    },
  };
}

/** Merge sorted, distinct `inside` points (none below grid[0]) into the sorted grid, without duplicates. */
export function mergeSorted(grid: Float64Array, inside: readonly number[]): Float64Array {
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

/** The breakpoints a curve samples exactly, sorted, strictly inside from..to (see sampleCurve). */
export function breakpointsOf(
  activation: Activation,
  params: ParamValues,
  from: number,
  to: number,
  quantity: Quantity,
): number[] {
  // Softmax and friends are taken over the even grid the user asked for, as the article does.
  if (activation.overVector) return [];
  const kinks = activation.kinks(params, [from, to]);
  const jumps = activation.jumps(params, [from, to]);
  const steps = quantity === 'value' ? jumps : [...jumps, ...kinks];
  const corners = quantity === 'value' ? kinks : [];
  const points = [...corners, ...steps.flatMap((j) => [nextDown(j), j, nextUp(j)])];
  return [...new Set(points)].filter((v) => v > from && v < to).sort((a, b) => a - b);
}

/** f or f' over x (into `out` when given). */
export function compute(
  activation: Activation,
  x: Float64Array,
  params: ParamValues,
  quantity: Quantity,
  out?: Float64Array,
): Float64Array {
  return quantity === 'value' ? activation.evaluate(x, params, out) : activation.derivative(x, params, out);
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
  const x = mergeSorted(linearGrid(from, to, samples), breakpointsOf(activation, params, from, to, quantity));
  return { x, y: compute(activation, x, params, quantity) };
}

/**
 * The same points as sampleCurve, handed to `visit` a slice at a time (the slices' buffers are
 * reused: copy what you keep). A million samples then need neither 16 MB of arrays nor the
 * garbage collection that follows, and each slice stays in the processor's cache. The softmax
 * family needs its whole grid at once, so it comes as one slice.
 */
export function sampleCurveInSlices(
  activation: Activation,
  params: ParamValues,
  from: number,
  to: number,
  samples: number,
  quantity: Quantity,
  visit: (x: Float64Array, y: Float64Array) => void,
  sliceSize = 65_536,
): void {
  finishNow(curveSlices(activation, params, from, to, samples, quantity, visit, sliceSize));
}

/** sampleCurveInSlices as steps, one a slice (see yield-point.ts): a long curve stays interruptible. */
export function* curveSlices(
  activation: Activation,
  params: ParamValues,
  from: number,
  to: number,
  samples: number,
  quantity: Quantity,
  visit: (x: Float64Array, y: Float64Array) => void,
  sliceSize = 65_536,
): Steps {
  if (activation.overVector) {
    // Softmax and friends are taken over the even grid the user asked for, as the article does.
    const x = linearGrid(from, to, samples);
    yield;
    visit(x, yield* activation.computeSteps(x, params, quantity));
    return;
  }
  const grid = { from, to, samples };
  const breakpoints = breakpointsOf(activation, params, from, to, quantity);
  yield* gridRangeSlices(
    activation,
    params,
    quantity,
    grid,
    0,
    samples,
    breakpoints,
    visit,
    new SliceBuffers(sliceSize),
  );
}

/** Reusable buffers for gridRangeSlices: one slice of x and one of f(x). */
export class SliceBuffers {
  readonly x: Float64Array;
  readonly y: Float64Array;
  constructor(readonly size = 65_536) {
    this.x = new Float64Array(size);
    this.y = new Float64Array(size);
  }
}

/**
 * Points start..end−1 of linearGrid(grid.from, grid.to, grid.samples), with `breakpoints`
 * (sorted, none before point `start`) merged in where they fall, evaluated and handed to `visit`
 * a slice at a time, one step a slice. Breakpoints past point end−1 go with the last slice, so
 * give only those this range owns.
 */
export function* gridRangeSlices(
  activation: Activation,
  params: ParamValues,
  quantity: Quantity,
  grid: { readonly from: number; readonly to: number; readonly samples: number },
  start: number,
  end: number,
  breakpoints: readonly number[],
  visit: (x: Float64Array, y: Float64Array) => void,
  buffers: SliceBuffers,
): Steps {
  const { from, to, samples } = grid;
  let b = 0;
  for (let first = start; first < end; first += buffers.size) {
    const stop = Math.min(end, first + buffers.size);
    const slice = gridSlice(from, to, samples, first, stop, buffers.x);
    // The breakpoints before the next slice's first point belong to this one.
    const next = stop < end ? gridPoint(from, to, samples, stop) : Infinity;
    const mine: number[] = [];
    while (b < breakpoints.length && breakpoints[b]! < next) mine.push(breakpoints[b++]!);
    const x = mergeSorted(slice, mine);
    visit(
      x,
      compute(activation, x, params, quantity, x === slice ? buffers.y.subarray(0, x.length) : undefined),
    );
    yield;
  }
}
