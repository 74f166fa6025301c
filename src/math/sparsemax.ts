import { twoProduct, twoSum } from './double-double.js';
import type { Steps } from '../yield-point.js';
import { vectorLimits } from './softmax.js';

/** The passes over the whole vector yield every 65,536 entries (see yield-point.ts). */
const STEP_MASK = 0xffff;

/**
 * Sparsemax (Martins & Astudillo, "From softmax to sparsemax", ICML 2016): the Euclidean
 * projection of x onto the probability simplex, pᵢ = max(xᵢ − τ, 0) with τ chosen so Σ pᵢ = 1.
 * Over the k largest entries (the support), τ = (Σ of them − 1)/k, k being the largest for which
 * the k-th largest entry is above that τ: the sort, cumulative sum and test of Keras' sparsemax
 * (keras/src/backend/numpy/nn.py) and of JAX-based implementations alike.
 *
 * Why not as those write it: pᵢ = xᵢ − τ cancels for the smallest entries of the support, and τ
 * is a sum of many entries. So the entries are first shifted by the largest, exactly, as yᵢ =
 * xᵢ − max in two parts (shifting does not change p, and only yᵢ > −1 can be in the support,
 * so nothing overflows), the sums and τ are carried as double-doubles, and the support test
 * compares in double-double too. pᵢ then keeps its digits however small it is.
 */
export interface Sparsemax {
  /** The support's size, and which entries are in it (pᵢ > 0). */
  readonly size: number;
  readonly inSupport: Uint8Array;
}

/** Sparsemax of x into `out`; returns the support (undefined when the non-finite rule decided). */
export function* sparsemaxInto(x: Float64Array, out: Float64Array): Steps<Sparsemax | undefined> {
  if (vectorLimits(x, 1, out, { single: 1, rest: 0 })) return undefined;
  const n = x.length;
  let peak = -Infinity;
  for (let i = 0; i < n; i++) if (x[i]! > peak) peak = x[i]!;
  // yᵢ = xᵢ − peak as hi + lo; an overflowing difference is below −1 anyway (out of the support).
  const hi = new Float64Array(n);
  const lo = new Float64Array(n);
  const candidates: number[] = [];
  for (let i = 0; i < n; i++) {
    const [d, dl] = twoSum(x[i]!, -peak);
    hi[i] = Number.isFinite(d) ? d : -Infinity;
    lo[i] = Number.isFinite(d) ? dl : 0;
    if (hi[i]! > -1.5) candidates.push(i);
    if ((i & STEP_MASK) === STEP_MASK) yield;
  }
  yield;
  candidates.sort((a, b) => hi[b]! - hi[a]! || lo[b]! - lo[a]!);
  yield;
  // Running sum S of the k largest as sHi + sLo; τₖ = (S − 1)/k.
  let sHi = 0;
  let sLo = 0;
  let tauHi = 0;
  let tauLo = 0;
  let size = 0;
  for (let k = 1; k <= candidates.length; k++) {
    const i = candidates[k - 1]!;
    const [a, al] = twoSum(sHi, hi[i]!);
    const nextHi = a;
    const nextLo = al + sLo + lo[i]!;
    // The k-th is in the support when k·yₖ > S − 1, i.e. 1 + k·yₖ − S > 0, in double-double.
    const [ky, kyl] = twoProduct(k, hi[i]!);
    const [one, oneLow] = twoSum(1, ky);
    const [u, ul] = twoSum(one, -nextHi);
    const test = u + (ul + oneLow + kyl + k * lo[i]! - nextLo);
    if (!(test > 0)) break;
    sHi = nextHi;
    sLo = nextLo;
    size = k;
  }
  // τ = (S − 1)/k as hi + lo.
  const [m, ml] = twoSum(sHi, -1);
  const mLo = ml + sLo;
  tauHi = m / size;
  const [back, backLow] = twoProduct(tauHi, size);
  tauLo = (m - back - backLow + mLo) / size;
  const inSupport = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const [d, dl] = twoSum(hi[i]!, -tauHi);
    const p = d + (dl + lo[i]! - tauLo);
    if (p > 0) {
      out[i] = p;
      inSupport[i] = 1;
      count++;
    } else {
      out[i] = 0;
    }
    if ((i & STEP_MASK) === STEP_MASK) yield;
  }
  return { size: count, inSupport };
}

/**
 * The diagonal of sparsemax's Jacobian: ∂pᵢ/∂xᵢ = 1 − 1/|S| for i in the support S, else 0 (the
 * Jacobian is diag(s) − s·sᵀ/|S| with s the support's indicator). An entry exactly at τ, where p
 * has a corner, counts as outside: the convention of relu'(0) = 0.
 */
export function* sparsemaxJacobianDiagonal(x: Float64Array, out: Float64Array): Steps {
  const p = new Float64Array(x.length);
  const support = yield* sparsemaxInto(x, p);
  if (!support) {
    // The limits: one +∞ entry has all the mass and a support of 1, so 1 − 1/1 = 0 there and 0
    // elsewhere; with two or more the support is not known (NaN there).
    for (let i = 0; i < x.length; i++) out[i] = Number.isNaN(p[i]!) ? Number.NaN : 0;
    return;
  }
  for (let i = 0; i < x.length; i++) out[i] = support.inSupport[i] ? 1 - 1 / support.size : 0;
}
