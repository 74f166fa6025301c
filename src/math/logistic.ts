import { scaledExp } from './double-double.js';

// Overflow-free forms of the logistic family. Each is written so that no intermediate
// overflows where the true result is finite, and no subtraction cancels the digits that matter.

/** σ(x) = 1 / (1 + e^−x), never NaN, exact to a few ulp across the whole double range. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + e^x) without overflow for large x or loss of e^x for very negative x. */
export function log1pExp(x: number): number {
  if (x > 0) return x + Math.log1p(Math.exp(-x));
  return Math.log1p(Math.exp(x));
}

/**
 * 1 − tanh²(x) = sech²(x), computed from e^−2|x| so it does not cancel to 0 for large |x|. Where
 * the result is subnormal (|x| > 354) it is 4e^−2|x| rounded once: rounding e^−2|x| first and
 * then multiplying by 4 would be off by two subnormal steps.
 */
export function sech2(x: number): number {
  const a = 2 * Math.abs(x);
  const t = Math.exp(-a);
  if (a > 700) return scaledExp(4, -a);
  return (4 * t) / ((1 + t) * (1 + t));
}
