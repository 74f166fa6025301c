import { M500, P500, productError, quotientWithError } from './double-double.js';
import type { Steps } from '../yield-point.js';
import { compensatedSum } from './sum.js';

/**
 * The exp passes over a whole grid (ten million points take a few hundred ms) are steps (see
 * yield-point.ts), one every 65,536 points, so a dense softmax figure can be interrupted.
 */
const STEP_MASK = 0xffff;

/** The low part of the last shiftedLogit (see there). */
let logitLow = 0;

/**
 * The shifted logit zᵢ = (sign·xᵢ − max)/T as hi + lo: returns hi and leaves lo in `logitLow`.
 * The subtraction and the division are both carried exactly (TwoSum, and the division's
 * remainder): zᵢ goes into exp, which turns an absolute error δ in zᵢ into a relative error δ in
 * the result, and zᵢ reaches −745 before e^zᵢ underflows (T = 3: the quotient alone would cost
 * up to 8e-14). When sign·xᵢ − max overflows (inputs ±1e308) both are halved first, which is
 * exact there. Written out rather than with the pair-returning helpers: this runs for every
 * point of a dense figure, and the pairs' allocations made it three times slower (10 million
 * points: 580 ms against 200).
 */
function shiftedLogit(v: number, peak: number, temperature: number): number {
  let a = v;
  let b = -peak;
  let scale = 1;
  let d = a + b;
  if (!Number.isFinite(d)) {
    a = v / 2;
    b = -peak / 2;
    scale = 2;
    d = a + b;
  }
  const bb = d - a;
  const dl = a - (d - bb) + (b - bb);
  const q = d / temperature;
  if (!Number.isFinite(q)) {
    logitLow = 0;
    return q * scale;
  }
  let ql: number;
  const m = Math.abs(q);
  if (!(m >= 2 ** -100 && m <= 2 ** 20)) ql = 0;
  else if (temperature >= M500 && temperature <= P500) {
    const p = q * temperature;
    // d − p is exact: p is within a rounding of d (quotientWithError, without its scaling).
    ql = (d - p - productError(q, temperature, p)) / temperature;
  } else ql = quotientWithError(d, temperature)[1];
  logitLow = (ql + dl / temperature) * scale;
  return q * scale;
}

function peakOf(x: Float64Array, sign: 1 | -1): [number, number] {
  let peak = -Infinity;
  let at = 0;
  for (let i = 0; i < x.length; i++) {
    const v = sign * x[i]!;
    if (v > peak) {
      peak = v;
      at = i;
    }
  }
  return [peak, at];
}

/**
 * Shifted exponentials of a softmax: e_i = exp((sign·x_i − max) / T) and their sum. Shifting by
 * the maximum keeps every exponent ≤ 0, so nothing overflows however large the inputs (1000,
 * 1001, 1002 are fine); the largest term is exactly 1, so the sum is never 0.
 */
export function* shiftedExponentials(
  x: Float64Array,
  temperature: number,
  sign: 1 | -1,
  out: Float64Array,
): Steps<number> {
  const [peak] = peakOf(x, sign);
  for (let i = 0; i < x.length; i++) {
    const z = shiftedLogit(sign * x[i]!, peak, temperature);
    const e = Math.exp(z);
    out[i] = e + e * logitLow;
    if ((i & STEP_MASK) === STEP_MASK) yield;
  }
  yield;
  return compensatedSum(out);
}

/**
 * log-softmax: zᵢ − log Σⱼ e^zⱼ with zᵢ the shifted logits. The sum is 1 + (the other terms), so
 * its log is log1p of those: for the dominant entry the result is that tiny log1p, not the
 * difference of two large numbers. Both parts are ≤ 0, so adding them cannot cancel.
 */
export function* logSoftmax(x: Float64Array, temperature: number, out: Float64Array): Steps {
  const [peak, at] = peakOf(x, 1);
  const e = new Float64Array(x.length);
  const lo = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const z = shiftedLogit(x[i]!, peak, temperature);
    const zl = logitLow;
    out[i] = z;
    lo[i] = zl;
    const v = Math.exp(z);
    e[i] = v + v * zl;
    if ((i & STEP_MASK) === STEP_MASK) yield;
  }
  yield;
  const log = Math.log1p(compensatedSum(e, at));
  // Negated difference rather than zᵢ − log: the same number, but the dominant entry's 0 (when
  // the other terms underflow) comes out as −0, the side a log of a probability approaches it from.
  for (let i = 0; i < x.length; i++) out[i] = -(log - out[i]! - lo[i]!);
}

/**
 * 1 − s_i for each softmax value s_i = e_i/sum. It cancels when s_i is near 1, so for the (at
 * most two) terms holding half the mass or more it is recomputed as the sum of the other terms.
 */
export function softmaxComplement(e: Float64Array, sum: number, out: Float64Array): void {
  for (let i = 0; i < e.length; i++) {
    out[i] = e[i]! * 2 >= sum ? compensatedSum(e, i) / sum : 1 - e[i]! / sum;
  }
}

/** Diagonal of the softmax Jacobian, s_i·(1 − s_i), from the shifted exponentials e and their sum. */
export function softmaxJacobianDiagonal(e: Float64Array, sum: number, out: Float64Array): void {
  softmaxComplement(e, sum, out);
  for (let i = 0; i < e.length; i++) out[i] = (e[i]! / sum) * out[i]!;
}

/**
 * The rule for non-finite input (README, "NaN, infinities and signed zeros") over a whole vector,
 * shared by the softmax family and sparsemax: each output is the limit of the function as the
 * infinite entries go to their infinities, where that limit exists, and NaN where it does not.
 * A NaN anywhere makes every output NaN (each output depends on every input). Entries at −∞
 * (after `sign`) drop out, which the finite arithmetic already does; when every entry is −∞ no
 * limit exists. Entries at +∞ decide everything: one of them takes the whole mass (`single`),
 * two or more race at rates the limit does not know (NaN for them), and every finite entry gets
 * its limit `rest` either way.
 *
 * Returns true when it has filled `out`, false when the finite computation applies.
 */
export function vectorLimits(
  x: Float64Array,
  sign: 1 | -1,
  out: Float64Array,
  values: { readonly single: number; readonly rest: number },
): boolean {
  let top = 0;
  let bottom = 0;
  for (let i = 0; i < x.length; i++) {
    const v = sign * x[i]!;
    if (v !== v) {
      out.fill(Number.NaN);
      return true;
    }
    if (v === Infinity) top++;
    else if (v === -Infinity) bottom++;
  }
  if (x.length === 0 || (top === 0 && bottom < x.length)) return false;
  if (top === 0) {
    out.fill(Number.NaN);
    return true;
  }
  for (let i = 0; i < x.length; i++)
    out[i] = sign * x[i]! === Infinity ? (top === 1 ? values.single : Number.NaN) : values.rest;
  return true;
}
