import { matplotlibStyle } from './style.js';

/**
 * The view interval Matplotlib's autoscale gives data spanning [lo, hi]: a flat span is widened
 * (MaxNLocator.nonsingular, expander 0.05), then 5 % of the span is added on each side.
 *
 * One deliberate difference: Matplotlib replaces any span whose magnitude is below 1e-287 with
 * ±0.05, which would show −1e-300..1e-300 as a single vertical line; activ keeps such spans.
 * The arithmetic avoids forming hi − lo, which overflows for −1e308..1e308.
 */
export function viewInterval(lo: number, hi: number, margin: number = matplotlibStyle.margin): [number, number] {
  if (!(lo < hi)) {
    if (lo === 0 && hi === 0) [lo, hi] = [-0.05, 0.05];
    else [lo, hi] = [lo - 0.05 * Math.abs(lo), hi + 0.05 * Math.abs(hi)];
  }
  const delta = hi * margin - lo * margin;
  return [clampFinite(lo - delta), clampFinite(hi + delta)];
}

function clampFinite(v: number): number {
  return Math.min(Number.MAX_VALUE, Math.max(-Number.MAX_VALUE, v));
}

/** Smallest and largest finite values (an overflowed value is left out, not drawn) of the arrays; [NaN, NaN] when there are none. */
export function finiteExtent(arrays: readonly ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}
