import { twoProduct, twoSum } from './double-double.js';
import type { Steps } from '../yield-point.js';
import { scanVector, vectorLimits } from './softmax.js';
import { eachSlice, SLICE, type VectorFinish, type VectorSource } from './vector-source.js';

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
 *
 * Read in passes (vector-source.ts): the largest entry; then the candidates for the support,
 * the entries within 1.5 of it, copied and sorted (sorting xᵢ sorts yᵢ: the shift is exact);
 * then each pᵢ is a function of xᵢ and τ alone. Only the candidates are held.
 */
/** τ, in the coordinates yᵢ = xᵢ − peak, as hi + lo. */
interface Threshold {
  readonly peak: number;
  readonly hi: number;
  readonly lo: number;
}

/** yᵢ = xᵢ − peak in two parts; an overflowing difference is below −1 anyway (out of the support). */
function shifted(v: number, peak: number): [number, number] {
  const [d, dl] = twoSum(v, -peak);
  return Number.isFinite(d) ? [d, dl] : [-Infinity, 0];
}

function* threshold(source: VectorSource, peak: number): Steps<Threshold> {
  let count = 0;
  yield* eachSlice(source, (x) => {
    for (let i = 0; i < x.length; i++) if (shifted(x[i]!, peak)[0] > -1.5) count++;
  });
  const candidates = new Float64Array(count);
  let n = 0;
  yield* eachSlice(source, (x) => {
    for (let i = 0; i < x.length; i++) if (shifted(x[i]!, peak)[0] > -1.5) candidates[n++] = x[i]!;
  });
  candidates.sort();
  yield;
  // Running sum S of the k largest as sHi + sLo; τₖ = (S − 1)/k.
  let sHi = 0;
  let sLo = 0;
  let size = 0;
  for (let k = 1; k <= count; k++) {
    const [hi, lo] = shifted(candidates[count - k]!, peak);
    const [a, al] = twoSum(sHi, hi);
    const nextHi = a;
    const nextLo = al + sLo + lo;
    // The k-th is in the support when k·yₖ > S − 1, i.e. 1 + k·yₖ − S > 0, in double-double.
    const [ky, kyl] = twoProduct(k, hi);
    const [one, oneLow] = twoSum(1, ky);
    const [u, ul] = twoSum(one, -nextHi);
    const test = u + (ul + oneLow + kyl + k * lo - nextLo);
    if (!(test > 0)) break;
    sHi = nextHi;
    sLo = nextLo;
    size = k;
  }
  // τ = (S − 1)/k as hi + lo.
  const [m, ml] = twoSum(sHi, -1);
  const mLo = ml + sLo;
  const tauHi = m / size;
  const [back, backLow] = twoProduct(tauHi, size);
  return { peak, hi: tauHi, lo: (m - back - backLow + mLo) / size };
}

/** pᵢ = max(yᵢ − τ, 0) into `out`. */
function projected(tau: Threshold, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) {
    const [hi, lo] = shifted(x[i]!, tau.peak);
    const [d, dl] = twoSum(hi, -tau.hi);
    const p = d + (dl + lo - tau.lo);
    out[i] = p > 0 ? p : 0;
  }
}

/** Sparsemax of the vector. */
export function* sparsemax(source: VectorSource): Steps<VectorFinish> {
  const scan = yield* scanVector(source, 1);
  const limits = vectorLimits(scan, 1, { single: 1, rest: 0 });
  if (limits) return limits;
  const tau = yield* threshold(source, scan.peak);
  return (x, _start, out) => projected(tau, x, out);
}

/**
 * The diagonal of sparsemax's Jacobian: ∂pᵢ/∂xᵢ = 1 − 1/|S| for i in the support S, else 0 (the
 * Jacobian is diag(s) − s·sᵀ/|S| with s the support's indicator). An entry exactly at τ, where p
 * has a corner, counts as outside: the convention of relu'(0) = 0.
 */
export function* sparsemaxJacobianDiagonal(source: VectorSource): Steps<VectorFinish> {
  const scan = yield* scanVector(source, 1);
  const limits = vectorLimits(scan, 1, { single: 1, rest: 0 });
  if (limits) {
    // The limits: one +∞ entry has all the mass and a support of 1, so 1 − 1/1 = 0 there and 0
    // elsewhere; with two or more the support is not known (NaN there).
    return (x, start, out) => {
      limits(x, start, out);
      for (let i = 0; i < x.length; i++) out[i] = Number.isNaN(out[i]!) ? Number.NaN : 0;
    };
  }
  const tau = yield* threshold(source, scan.peak);
  let p = new Float64Array(SLICE);
  let size = 0;
  yield* eachSlice(source, (x) => {
    if (p.length < x.length) p = new Float64Array(x.length);
    const slice = p.subarray(0, x.length);
    projected(tau, x, slice);
    for (const v of slice) if (v > 0) size++;
  });
  const inside = 1 - 1 / size;
  return (x, _start, out) => {
    projected(tau, x, out);
    for (let i = 0; i < x.length; i++) out[i] = out[i]! > 0 ? inside : 0;
  };
}
