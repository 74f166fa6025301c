/**
 * Dense samples straight into pixel columns, evaluating only the samples that can change them.
 *
 * ColumnExtremes keeps, of each pixel column, its first, lowest, highest and last sample. Where f
 * is monotone over the samples a column holds, the lowest and highest are the first and last, so
 * the two ends are all that column needs. The registry says where f may stop being monotone: its
 * kinks, jumps and turning points. A column whose samples reach one of those, or whose ends are
 * not finite, is evaluated whole; every other column costs two evaluations however many samples
 * it holds. Each column keeps the first and last point that evaluating every sample would keep,
 * and its lowest and highest value to within rounding (a monotone piece may wiggle by an ulp in
 * doubles, far below a pixel), so the figure is the same, and a million samples of the exact
 * GELU (an erfc and an exp each) cost about what a thousand do.
 */
import type { Activation, ParamValues, Quantity } from '../activations/activation.js';
import { breakpointsOf, compute, gridPoint, sampleCurveInSlices, sampleGridRange, SliceBuffers } from '../sampling.js';
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
  from: number,
  to: number,
  samples: number,
  quantity: Quantity,
  columns: ColumnExtremes,
): void {
  const turningPoints = activation.turningPoints(params, quantity);
  const add = (x: Float64Array, y: Float64Array) => void columns.add(x, y);
  // A span wider than the doubles' range makes grid points weighted means, not monotone in
  // their index to the last bit; evaluate them all rather than search them.
  const step = (to - from) / (samples - 1);
  if (turningPoints === undefined || !Number.isFinite(step)) {
    sampleCurveInSlices(activation, params, from, to, samples, quantity, add);
    return;
  }
  const grid = { from, to, samples };
  const point = (i: number) => gridPoint(from, to, samples, i);
  const breakpoints = breakpointsOf(activation, params, from, to, quantity);
  const guards = guardsOf(breakpoints, turningPoints);
  let buffers: SliceBuffers | undefined; // 1 MB, for whole columns only
  const ends = new Float64Array(2);
  const endValues = new Float64Array(2);
  let guard = 0;
  let b = 0;
  for (let start = 0; start < samples; ) {
    // This column's samples are start..end−1. The grid is even, so where the next column begins
    // is known to within an index or two; stepping from there settles it against columnOf
    // itself (a cold binary search per column cost more than all the evaluations).
    const column = columns.columnOf(point(start));
    const guess = Math.ceil((columns.xOfColumn(column + 1) - from) / step);
    let end = Number.isFinite(guess) ? Math.min(samples, Math.max(start + 1, guess)) : start + 1;
    while (end > start + 1 && columns.columnOf(point(end - 1)) > column) end--;
    while (end < samples && columns.columnOf(point(end)) <= column) end++;
    const first = point(start);
    const last = point(end - 1);
    const next = end < samples ? point(end) : Infinity;
    // The breakpoints from here to the next column's first sample go with this column.
    const mine: number[] = [];
    while (b < breakpoints.length && breakpoints[b]! < next) mine.push(breakpoints[b++]!);
    while (guard < guards.length && guards[guard]![1] < first) guard++;
    let whole = mine.length > 0 || (guard < guards.length && guards[guard]![0] <= last);
    if (!whole) {
      ends[0] = first;
      ends[1] = last;
      const x = end - start > 1 ? ends : ends.subarray(0, 1);
      const y = compute(activation, x, params, quantity, endValues.subarray(0, x.length));
      // Monotone between finite ends means finite throughout; a non-finite end may hide where
      // the values stop being finite, which only the whole column shows.
      if (Number.isFinite(y[0]!) && Number.isFinite(y[x.length - 1]!)) add(x, y);
      else whole = true;
    }
    if (whole) sampleGridRange(activation, params, quantity, grid, start, end, mine, add, (buffers ??= new SliceBuffers()));
    start = end;
  }
}
