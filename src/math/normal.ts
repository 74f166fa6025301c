import { squareError } from './double-double.js';
import { ERF_SPLIT, erf, erfcx } from './erf.js';

// The standard normal distribution, for GELU. In the lower tail Φ(x) is tiny but a normal double
// down to x ≈ −37, and both Φ and φ are e^(−x²/2) times something smooth; the exponent is where
// the accuracy goes (an error δ in x²/2 is a relative error δ in the result, and x²/2 ≈ 700 there),
// so it is formed from the exact square of x and everything else works on erfcx.

/** 1/√(2π) */
export const INV_SQRT_2PI = 0.3989422804014327;

/** Beyond this |x|, Φ(x) is 0 or 1 and φ(x) is 0 to within 1e-300, and x² would risk overflow. */
const TAIL_END = 40;

/** e^(−x²/2), with x² split exactly into p + e so the argument carries no rounding error. */
export function expNegHalfSquare(x: number): number {
  if (!(Math.abs(x) < TAIL_END)) return Number.isNaN(x) ? x : 0;
  const p = x * x;
  const v = Math.exp(-0.5 * p);
  return v - v * (0.5 * squareError(x, p));
}

/** The standard normal density φ(x). */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * expNegHalfSquare(x);
}

/**
 * The pieces of Φ(x) = ½·erfc(−x/√2): for |x|/√2 > 0.46875, the tail ½·erfcx(|x|/√2)·e^(−x²/2)
 * of whichever side is small; `undefined` closer to 0, where Φ = ½ + ½·erf(x/√2) instead.
 */
export function normalTail(x: number): number | undefined {
  const t = Math.abs(x) * Math.SQRT1_2;
  if (t <= ERF_SPLIT) return undefined;
  return 0.5 * erfcx(t) * expNegHalfSquare(x);
}

/** The standard normal distribution function Φ(x), to a few ulp over the whole double range. */
export function normalCdf(x: number): number {
  const tail = normalTail(x);
  if (tail === undefined) return 0.5 + 0.5 * erf(x * Math.SQRT1_2);
  return x < 0 ? tail : 1 - tail;
}
