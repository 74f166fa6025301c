// Error-free transformations of double arithmetic, and an exp that takes its argument as an
// unevaluated sum hi + lo.
//
// Why: several activations feed a computed product or quotient into exp — e^(β·x) in SiLU and
// softplus, e^(x/α) in CELU, e^(−x²/2) in GELU, e^((xᵢ − max)/T) in the softmax family. Rounding
// the argument z to a double moves it by up to |z|·2⁻⁵³, and exp turns that into the same
// *relative* error in the result: 745·2⁻⁵³ ≈ 8e-14 at the edge of the double range, most of the
// 1e-13 the references allow, before any other rounding. Carrying the argument's rounding error
// `lo` along and folding it back in as e^hi·(1 + lo) removes it. JavaScript has no fma, so the
// exact product uses Dekker's splitting.

const SPLITTER = 134217729; // 2^27 + 1

/** a + b = s + e exactly (Knuth's TwoSum), for any finite a and b whose sum does not overflow. */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function splitHigh(a: number): number {
  const c = SPLITTER * a;
  return c - (c - a);
}

/**
 * a·b = p + e exactly (Dekker's TwoProduct). Needs |a|, |b| < 2^996 (the split multiplies by
 * 2^27) and a product whose error term does not underflow; `productWithError` arranges both.
 */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const ah = splitHigh(a);
  const al = a - ah;
  const bh = splitHigh(b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/**
 * The rounding error of x·x, that is x² − fl(x²) exactly (Dekker), as a plain number: the hot
 * loops of GELU and erf call this a million times, and a returned pair would be an allocation.
 */
export function squareError(x: number, square: number): number {
  const h = splitHigh(x);
  const l = x - h;
  return h * h - square + 2 * h * l + l * l;
}

/**
 * The rounding error of a·b, that is a·b − p exactly for p = fl(a·b), as a plain number (the
 * TwoProduct error term; the same conditions on a and b).
 */
export function productError(a: number, b: number, p: number): number {
  const ah = splitHigh(a);
  const al = a - ah;
  const bh = splitHigh(b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

export const P500 = 2 ** 500;
export const M500 = 2 ** -500;

/**
 * a·b as p + e for use as an exp argument. The rounding error only matters when |p| is between
 * ~1e-30 and ~1e6 (below, e^p is 1 + p to full precision; above, exp has over- or underflowed),
 * so outside that range e is 0. Inside it, one factor may still be huge and the other tiny
 * (β = 1e-300, x = 1e302), so both are first scaled by an exact power of two to keep the split
 * from overflowing and its partial products from underflowing.
 */
export function productWithError(a: number, b: number): [number, number] {
  const p = a * b;
  const m = Math.abs(p);
  if (!(m >= 2 ** -100 && m <= 2 ** 20)) return [p, 0];
  let x = a;
  let y = b;
  if (Math.abs(x) > P500 || Math.abs(y) < M500) {
    x *= M500;
    y *= P500;
  } else if (Math.abs(y) > P500 || Math.abs(x) < M500) {
    x *= P500;
    y *= M500;
  }
  return twoProduct(x, y);
}

/** a/b as q + e for use as an exp argument; e is 0 where it cannot matter (see productWithError). */
export function quotientWithError(a: number, b: number): [number, number] {
  const q = a / b;
  const m = Math.abs(q);
  if (!(m >= 2 ** -100 && m <= 2 ** 20)) return [q, 0];
  // Scale a and b together (the quotient is unchanged) so that b is moderate; a = q·b then is too.
  let n = a;
  let d = b;
  if (Math.abs(d) > P500) {
    n *= M500;
    d *= M500;
  } else if (Math.abs(d) < M500) {
    n *= P500;
    d *= P500;
  }
  const [p, pe] = twoProduct(q, d);
  // n − p is exact: p is within a rounding of n.
  return [q, (n - p - pe) / d];
}

// ln 2 split so that n·LN2_HI is exact for |n| < 2^21 (fdlibm's constants).
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;

const bits = new DataView(new ArrayBuffer(8));

/** 2^n for an integer n in [−1022, 1023], built from its bit pattern so it is exact. */
function pow2(n: number): number {
  bits.setBigUint64(0, BigInt(n + 1023) << 52n);
  return bits.getFloat64(0);
}

/** v·2^n, in steps that cannot overflow or underflow before the final one. */
function ldexp(v: number, n: number): number {
  let r = v;
  let k = n;
  while (k > 1000) {
    r *= pow2(1000);
    k -= 1000;
  }
  while (k < -1000) {
    r *= pow2(-1000);
    k += 1000;
  }
  return r * pow2(k);
}

/**
 * m·e^(hi + lo), with lo a small correction to hi (|lo| ≲ 1e-12). Also right where e^hi alone
 * would over- or underflow but the product with m does not (m = 1e10, hi = −720: e^hi is
 * subnormal and would lose its digits, m·e^hi ≈ 1e-303 is not): there the power of two is split
 * off first and applied last.
 */
export function scaledExp(m: number, hi: number, lo = 0): number {
  if (hi > -708 && hi < 709) {
    const e = Math.exp(hi);
    return m * (e + e * lo);
  }
  if (Number.isNaN(hi) || m === 0) return m * Math.exp(hi);
  // |m| lies in [2^-1074, 2^1024), so beyond these m·e^hi is 0 or overflows whatever m is.
  if (hi < -1500) return m * 0;
  if (hi > 1500) return m * Infinity;
  const n = Math.round(hi / Math.LN2);
  const r = hi - n * LN2_HI - n * LN2_LO + lo; // hi − n·LN2_HI is exact (the two nearly cancel)
  // m·e^r may overflow when |m| is near the top of the range; take one factor 2 out of m first.
  return Math.abs(m) > 2 ** 1000 ? ldexp(m * 0.5 * Math.exp(r), n + 1) : ldexp(m * Math.exp(r), n);
}

/**
 * a·b as p + e for use as the argument of sin or cos. Unlike productWithError, e is kept however
 * large p is: sin(p + e) needs it even where e is far above 1 (p = 1e300). It is 0 only where it
 * cannot be formed: p not finite (then a·b is no double at all), or p below 2^−960 (then e is
 * below the smallest subnormal, or p is so small that sin p = p to the last bit).
 */
export function exactProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const m = Math.abs(p);
  if (!(m >= 2 ** -960 && m < Infinity)) return [p, 0];
  if (m >= 2 ** 1000) {
    // Dekker's partial products would overflow next to p: form the error of p·2^-64 instead (the
    // same digits, a power of two lower) and scale it back, which is exact.
    const [, e] = Math.abs(a) >= Math.abs(b) ? exactProduct(a * 2 ** -64, b) : exactProduct(a, b * 2 ** -64);
    return [p, e * 2 ** 64];
  }
  // Bring both factors below 2^996 (Dekker's split) and keep the partial products normal: for
  // m in this range at least one factor exceeds 2^-480 and both can be balanced by 2^±k.
  let x = a;
  let y = b;
  while (Math.abs(x) > 2 ** 500 && Math.abs(y) < 2 ** 400) {
    x *= M500;
    y *= P500;
  }
  while (Math.abs(y) > 2 ** 500 && Math.abs(x) < 2 ** 400) {
    x *= P500;
    y *= M500;
  }
  while (Math.abs(x) < 2 ** -400 && Math.abs(y) > 2 ** -100) {
    x *= P500;
    y *= M500;
  }
  while (Math.abs(y) < 2 ** -400 && Math.abs(x) > 2 ** -100) {
    x *= M500;
    y *= P500;
  }
  return twoProduct(x, y);
}
