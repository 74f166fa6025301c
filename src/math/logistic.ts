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

/** 1 − tanh²(x) = sech²(x), computed from e^−2|x| so it does not cancel to 0 for large |x|. */
export function sech2(x: number): number {
  const t = Math.exp(-2 * Math.abs(x));
  return (4 * t) / ((1 + t) * (1 + t));
}
