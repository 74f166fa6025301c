import { M500, P500, productError, quotientWithError } from './double-double.js';
import type { Steps } from '../yield-point.js';
import { addCompensated } from './sum.js';
import { eachSlice, type VectorFinish, type VectorSource } from './vector-source.js';

/*
 * The softmax family over a vector read in passes (vector-source.ts): one for the largest entry
 * and the non-finite ones, one for the sum of the exponentials, and for f' one more for the
 * entries that hold half the mass; then each output is a function of its own entry and what the
 * passes found. Nothing the size of the vector is kept, and every result is the same double as
 * when the exponentials were computed once and stored: the same operations in the same order.
 */

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

/** What the first pass learns of a vector (its entries times `sign`). */
export interface Scan {
  readonly length: number;
  readonly nan: boolean;
  /** How many entries are +∞ and −∞. */
  readonly top: number;
  readonly bottom: number;
  /** The largest entry, and the index of its first occurrence. */
  readonly peak: number;
  readonly at: number;
}

export function* scanVector(source: VectorSource, sign: 1 | -1): Steps<Scan> {
  let nan = false;
  let top = 0;
  let bottom = 0;
  let peak = -Infinity;
  let at = 0;
  yield* eachSlice(source, (x, start) => {
    for (let i = 0; i < x.length; i++) {
      const v = sign * x[i]!;
      if (v !== v) nan = true;
      else if (v === Infinity) top++;
      else if (v === -Infinity) bottom++;
      if (v > peak) {
        peak = v;
        at = start + i;
      }
    }
  });
  return { length: source.length, nan, top, bottom, peak, at };
}

/** eᵢ = exp((sign·xᵢ − max)/T), the logit carried in two parts (see shiftedLogit). */
function exponential(v: number, peak: number, temperature: number): number {
  const e = Math.exp(shiftedLogit(v, peak, temperature));
  return e + e * logitLow;
}

/** A vector's shifted exponentials, once the first two passes are done. */
interface Exponentials {
  readonly scan: Scan;
  readonly temperature: number;
  readonly sign: 1 | -1;
  /** Σ eᵢ. Shifting by the maximum keeps every exponent ≤ 0, so nothing overflows however large
   * the inputs (1000, 1001, 1002 are fine); the largest term is exactly 1, so it is never 0. */
  readonly sum: number;
  /** eᵢ for entry value v (already times sign). */
  readonly at: (v: number) => number;
}

/** Neumaier's sum of eᵢ over the vector, leaving out entry `skip`. */
function* exponentialSum(
  source: VectorSource,
  scan: Scan,
  temperature: number,
  sign: 1 | -1,
  skip = -1,
): Steps<number> {
  const pair: [number, number] = [0, 0];
  yield* eachSlice(source, (x, start) => {
    for (let i = 0; i < x.length; i++) {
      if (start + i !== skip) addCompensated(pair, exponential(sign * x[i]!, scan.peak, temperature));
    }
  });
  return pair[0] + pair[1];
}

/**
 * The passes of softmax (sign 1) or softmin (−1): the non-finite rule with `limits`, or the
 * exponentials and their sum.
 */
function* exponentials(
  source: VectorSource,
  temperature: number,
  sign: 1 | -1,
  limits: { readonly single: number; readonly rest: number },
): Steps<VectorFinish | Exponentials> {
  const scan = yield* scanVector(source, sign);
  const decided = vectorLimits(scan, sign, limits);
  if (decided) return decided;
  const sum = yield* exponentialSum(source, scan, temperature, sign);
  return { scan, temperature, sign, sum, at: (v) => exponential(v, scan.peak, temperature) };
}

/**
 * 1 − sᵢ. It cancels when sᵢ = eᵢ/sum is near 1, so for the (at most two) entries holding half
 * the mass or more it is the sum of the other terms over the sum: one more pass finds them and
 * sums the others for each, compensated and in index order, as a sum over all but that entry.
 */
function* complementOf(source: VectorSource, e: Exponentials): Steps<VectorFinish> {
  const all: [number, number] = [0, 0];
  const others: { at: number; pair: [number, number] }[] = [];
  yield* eachSlice(source, (x, start) => {
    for (let i = 0; i < x.length; i++) {
      const v = e.at(e.sign * x[i]!);
      for (const other of others) addCompensated(other.pair, v);
      // The sum of the others so far is the sum of all before this entry; it goes on without it.
      if (v * 2 >= e.sum) others.push({ at: start + i, pair: [all[0], all[1]] });
      addCompensated(all, v);
    }
  });
  const dominant = new Map(others.map(({ at, pair }) => [at, (pair[0] + pair[1]) / e.sum]));
  return (x, start, out) => {
    for (let i = 0; i < x.length; i++) out[i] = dominant.get(start + i) ?? 1 - e.at(e.sign * x[i]!) / e.sum;
  };
}

/** Softmax (sign 1) or softmin (−1): sᵢ = eᵢ/Σⱼ eⱼ. */
export function* softmaxSteps(source: VectorSource, temperature: number, sign: 1 | -1): Steps<VectorFinish> {
  const e = yield* exponentials(source, temperature, sign, { single: 1, rest: 0 });
  if (typeof e === 'function') return e;
  return (x, _start, out) => {
    for (let i = 0; i < x.length; i++) out[i] = e.at(sign * x[i]!) / e.sum;
  };
}

/**
 * The diagonal of the Jacobian of softmax (sign 1) or softmin (−1): ∂sᵢ/∂xᵢ = sign·sᵢ(1 − sᵢ)/T,
 * 0 in the limits (from below for softmin).
 */
export function* softmaxDiagonalSteps(
  source: VectorSource,
  temperature: number,
  sign: 1 | -1,
): Steps<VectorFinish> {
  const zero = sign === 1 ? 0 : -0;
  const e = yield* exponentials(source, temperature, sign, { single: zero, rest: zero });
  if (typeof e === 'function') return e;
  const complement = yield* complementOf(source, e);
  return (x, start, out) => {
    complement(x, start, out);
    for (let i = 0; i < x.length; i++)
      out[i] = (sign * ((e.at(sign * x[i]!) / e.sum) * out[i]!)) / temperature;
  };
}

/** The diagonal of log-softmax's Jacobian: (1 − sᵢ)/T; 0 for the one +∞ entry, 1/T for the rest. */
export function* logSoftmaxDiagonalSteps(source: VectorSource, temperature: number): Steps<VectorFinish> {
  const e = yield* exponentials(source, temperature, 1, { single: 0, rest: 1 / temperature });
  if (typeof e === 'function') return e;
  const complement = yield* complementOf(source, e);
  return (x, start, out) => {
    complement(x, start, out);
    for (let i = 0; i < x.length; i++) out[i] = out[i]! / temperature;
  };
}

/**
 * log-softmax: zᵢ − log Σⱼ e^zⱼ with zᵢ the shifted logits. The sum is 1 + (the other terms), so
 * its log is log1p of those: for the dominant entry the result is that tiny log1p, not the
 * difference of two large numbers. Both parts are ≤ 0, so adding them cannot cancel. In the
 * limits, log 1 = 0 approached from below, and log 0 = −∞.
 */
export function* logSoftmaxSteps(source: VectorSource, temperature: number): Steps<VectorFinish> {
  const scan = yield* scanVector(source, 1);
  const decided = vectorLimits(scan, 1, { single: -0, rest: -Infinity });
  if (decided) return decided;
  const log = Math.log1p(yield* exponentialSum(source, scan, temperature, 1, scan.at));
  return (x, _start, out) => {
    for (let i = 0; i < x.length; i++) {
      const z = shiftedLogit(x[i]!, scan.peak, temperature);
      // Negated difference rather than zᵢ − log: the same number, but the dominant entry's 0
      // (when the other terms underflow) comes out as −0, the side a log of a probability
      // approaches it from.
      out[i] = -(log - z - logitLow);
    }
  };
}

/** Every output the same value. */
export function constant(value: number): VectorFinish {
  return (x, _start, out) => out.fill(value, 0, x.length);
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
 * Returns the outputs when the rule decides them, undefined when the finite computation applies.
 */
export function vectorLimits(
  scan: Scan,
  sign: 1 | -1,
  values: { readonly single: number; readonly rest: number },
): VectorFinish | undefined {
  if (scan.nan) return constant(Number.NaN);
  if (scan.length === 0 || (scan.top === 0 && scan.bottom < scan.length)) return undefined;
  if (scan.top === 0) return constant(Number.NaN);
  const atInfinity = scan.top === 1 ? values.single : Number.NaN;
  return (x, _start, out) => {
    for (let i = 0; i < x.length; i++) out[i] = sign * x[i]! === Infinity ? atInfinity : values.rest;
  };
}
