import { compensatedSum } from './sum.js';

/**
 * Shifted exponentials of a softmax: e_i = exp((x_i − max) / T) and their sum. Shifting by the
 * maximum keeps every exponent ≤ 0, so nothing overflows however large the inputs (1000, 1001,
 * 1002 are fine); the largest term is exactly 1, so the sum is never 0.
 */
export function shiftedExponentials(x: Float64Array, temperature: number, sign: 1 | -1, out: Float64Array): number {
  let peak = -Infinity;
  for (let i = 0; i < x.length; i++) peak = Math.max(peak, sign * x[i]!);
  for (let i = 0; i < x.length; i++) out[i] = Math.exp((sign * x[i]! - peak) / temperature);
  return compensatedSum(out);
}

/**
 * Diagonal of the softmax Jacobian, s_i·(1 − s_i), from the shifted exponentials e and their
 * sum. 1 − s_i cancels when s_i is near 1, so for the (at most two) terms holding half the mass
 * or more it is recomputed as the sum of the other terms.
 */
export function softmaxJacobianDiagonal(e: Float64Array, sum: number, out: Float64Array): void {
  for (let i = 0; i < e.length; i++) {
    const s = e[i]! / sum;
    const rest = e[i]! * 2 >= sum ? compensatedSum(e, i) / sum : 1 - s;
    out[i] = s * rest;
  }
}
