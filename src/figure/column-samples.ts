/**
 * Dense samples straight into pixel columns, evaluating only the samples that can change them.
 *
 * ColumnExtremes keeps, of each pixel column, its first, lowest, highest and last sample. The
 * registry says where f may stop being monotone: at its kinks, jumps and turning points. Between
 * two of those the samples of one column are monotone, so their lowest and highest are their
 * first and last. So the grid is cut at those points into monotone runs, each run at the column
 * edges into pieces, and only the two ends of each piece are evaluated, with the samples at the
 * points themselves. A piece with a non-finite end is evaluated whole: where the values stop
 * being finite inside it, only every sample shows. Each column then keeps the first and last
 * point that evaluating every sample keeps, and its lowest and highest value to within rounding
 * (a monotone piece may wiggle by an ulp in doubles, far below a pixel), so the figure is the
 * same, and a million samples of the exact GELU (an erfc and an exp each) cost about what a
 * thousand do: two evaluations per column instead of two thousand.
 */
import type { Activation, ParamValues, Quantity } from '../activations/activation.js';
import {
  breakpointsOf,
  compute,
  curveSlices,
  gridPoint,
  gridRangeSlices,
  mergeSorted,
  SliceBuffers,
} from '../sampling.js';
import { finishNow, type Steps } from '../yield-point.js';
import type { ColumnExtremes } from './reduce.js';

/**
 * A turning point is a rounded root of f' (a few ulps off the true one), so it guards a little
 * interval around it rather than one double: relative to its size, far wider than that error and
 * far narrower than any pixel column.
 */
const TURNING_POINT_MARGIN = 1e-12;

/** Sorted, disjoint [lo, hi] intervals where f may turn: kinks and jumps as points, turning points widened. */
function guardsOf(breakpoints: readonly number[], turningPoints: readonly number[]): [number, number][] {
  const intervals: [number, number][] = breakpoints.map((p) => [p, p]);
  for (const t of turningPoints) {
    if (!Number.isFinite(t)) continue;
    const m = TURNING_POINT_MARGIN * Math.max(1, Math.abs(t));
    intervals.push([t - m, t + m]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const interval of intervals) {
    const previous = merged.at(-1);
    if (previous && interval[0] <= previous[1]) previous[1] = Math.max(previous[1], interval[1]);
    else merged.push(interval);
  }
  return merged;
}

/**
 * Feed the curve's samples (sampleCurve's points: the even grid plus its breakpoints) into
 * `columns`, evaluating only what the columns keep (see above). For the softmax family, over the
 * whole grid, every sample is evaluated.
 */
export function sampleIntoColumns(
  activation: Activation,
  params: ParamValues,
  quantity: Quantity,
  grid: { readonly from: number; readonly to: number; readonly samples: number },
  columns: ColumnExtremes,
): void {
  finishNow(columnSteps(activation, params, quantity, grid, columns));
}

/** sampleIntoColumns as steps (see yield-point.ts), for figures that must stay interruptible. */
export function* columnSteps(
  activation: Activation,
  params: ParamValues,
  quantity: Quantity,
  grid: { readonly from: number; readonly to: number; readonly samples: number },
  columns: ColumnExtremes,
): Steps {
  const { from, to, samples } = grid;
  const turningPoints = activation.turningPoints(params, quantity);
  // A span wider than the doubles' range makes grid points weighted means, not monotone in
  // their index to the last bit; evaluate them all rather than search them.
  const step = (to - from) / (samples - 1);
  if (turningPoints === undefined || !Number.isFinite(step)) {
    yield* curveSlices(activation, params, from, to, samples, quantity, (x, y) => columns.add(x, y));
    return;
  }
  const point = (i: number) => gridPoint(from, to, samples, i);
  /** The first index in lo..hi whose point is at least (or, `strictly`, above) x; hi if none. */
  const firstFrom = (x: number, lo: number, hi: number, strictly: boolean) => {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = point(mid);
      if (p > x || (!strictly && p === x)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };

  // Every x to evaluate, in order, and where each monotone piece's ends sit among them.
  const xs: number[] = [];
  const pieces: { readonly start: number; readonly end: number; readonly at: number }[] = [];
  /** Cut grid points start..end−1 (monotone) at the column edges into pieces. */
  const addRun = (start: number, end: number) => {
    while (start < end) {
      // The grid is even, so where the next column begins is known to within an index or two;
      // stepping from there settles it against columnOf itself.
      const first = point(start);
      const column = columns.columnOf(first);
      const guess = Math.ceil((columns.xOfColumn(column + 1) - from) / step);
      let stop = Number.isFinite(guess) ? Math.min(end, Math.max(start + 1, guess)) : start + 1;
      while (stop > start + 1 && columns.columnOf(point(stop - 1)) > column) stop--;
      while (stop < end && columns.columnOf(point(stop)) <= column) stop++;
      pieces.push({ start, end: stop, at: xs.length });
      xs.push(first);
      if (stop - start > 1) xs.push(point(stop - 1));
      start = stop;
    }
  };

  const breakpoints = breakpointsOf(activation, params, from, to, quantity);
  let b = 0;
  let runStart = 0;
  for (const [lo, hi] of guardsOf(breakpoints, turningPoints)) {
    // The grid points inside the guard are evaluated one by one, with the breakpoints in it.
    const inFrom = firstFrom(lo, runStart, samples, false);
    const inTo = firstFrom(hi, inFrom, samples, true);
    addRun(runStart, inFrom);
    const inside: number[] = [];
    while (b < breakpoints.length && breakpoints[b]! <= hi) inside.push(breakpoints[b++]!);
    const gridInside = Float64Array.from({ length: inTo - inFrom }, (_, k) => point(inFrom + k));
    for (const v of mergeSorted(gridInside, inside)) xs.push(v);
    runStart = inTo;
  }
  addRun(runStart, samples);

  // Every value needed, evaluated in one call (so the evaluator warms up once).
  const x = Float64Array.from(xs);
  const y = compute(activation, x, params, quantity);

  // Fed in order; a piece with a non-finite end is sampled whole in its place.
  let buffers: SliceBuffers | undefined; // 1 MB, only if needed
  let fed = 0; // x[fed..] waits to be fed
  for (const piece of pieces) {
    const lastAt = piece.end - piece.start > 1 ? piece.at + 1 : piece.at;
    if (Number.isFinite(y[piece.at]!) && Number.isFinite(y[lastAt]!)) continue;
    columns.add(x.subarray(fed, piece.at), y.subarray(fed, piece.at));
    yield* gridRangeSlices(
      activation,
      params,
      quantity,
      grid,
      piece.start,
      piece.end,
      [],
      (gx, gy) => columns.add(gx, gy),
      (buffers ??= new SliceBuffers()),
    );
    fed = lastAt + 1;
  }
  columns.add(x.subarray(fed), y.subarray(fed));
}
