/**
 * The float operations Matplotlib's tick code does, as CPython and NumPy do them on Linux (glibc),
 * so the port in ticks.ts decides exactly as Matplotlib does where a last bit matters: which
 * power of ten a tick falls under, how a label is rounded. JavaScript's own `10 ** k`,
 * `Math.log10`, `Math.floor(a / b)` and `toFixed` each differ from these on some doubles
 * (`10 ** -5` is 0.000009999999999999999; Math.log10(99999999999999.8) is 14, glibc's
 * 13.999999999999998; (2.5).toFixed(0) is "3", Python's "%1.0f" gives "2"). No npm package
 * reproduces glibc's results, so they are written here; test/python-float.test.ts holds each to
 * values Python itself computed (fixtures/matplotlib/python-floats.json).
 */

const scratch = new DataView(new ArrayBuffer(8));

function highWord(x: number): number {
  scratch.setFloat64(0, x);
  return scratch.getUint32(0);
}

function withHighWord(x: number, high: number): number {
  scratch.setFloat64(0, x);
  scratch.setUint32(0, high);
  return scratch.getFloat64(0);
}

/**
 * glibc's pow(10.0, k) for an integer k: what Python's `10.0 ** k`, `10 ** np.float64(k)` and
 * `10. ** k` give. It is the double nearest 10^k except at k = 23, where 10^23 lies exactly
 * halfway between two doubles and glibc rounds up, and at k = 210, where it misses the nearest
 * by one ulp. Beyond the double range NumPy gives Infinity (Python raises, which the tick code
 * never reaches).
 */
export function cPow10(k: number): number {
  if (k === 23) return 1.0000000000000001e23;
  if (k === 210) return 1.0000000000000001e210;
  return Number(`1e${k}`);
}

/**
 * Python's `10 ** k` for an int k used in float arithmetic: for k >= 0 the exact integer,
 * rounded to the nearest double when mixed with a float; for k < 0 `pow(10.0, k)`.
 */
export function intPow10(k: number): number {
  return k >= 0 ? Number(`1e${k}`) : cPow10(k);
}

/** numpy's power_of_ten (the scale np.round uses): a table to 1e8, then repeated × 10. */
export function numpyPowerOfTen(n: number): number {
  if (n < 9) return Number(`1e${n}`);
  let p = 1e9;
  for (let i = 9; i < n; i++) p *= 10;
  return p;
}

/** Python's divmod(x, y) on floats (and NumPy's on float64): [floor quotient, remainder]. */
export function pyDivmod(x: number, y: number): [number, number] {
  let mod = x % y; // fmod, exact
  if (y === 0) return [x / y, mod];
  let div = (x - mod) / y;
  if (mod !== 0) {
    if (y < 0 !== mod < 0) {
      mod += y;
      div -= 1;
    }
  } else {
    mod = y < 0 ? -0 : 0;
  }
  let floorDiv: number;
  if (div !== 0) {
    floorDiv = Math.floor(div);
    if (div - floorDiv > 0.5) floorDiv += 1;
  } else {
    floorDiv = x / y < 0 || Object.is(x / y, -0) ? -0 : 0;
  }
  return [floorDiv, mod];
}

/** Python's `x // y` on floats. */
export function floorDiv(x: number, y: number): number {
  return pyDivmod(x, y)[0];
}

/** numpy.rint: round half to even. */
export function rint(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 2 ** 52) return x;
  const f = Math.floor(x);
  const rest = x - f; // exact
  const r = rest < 0.5 ? f : rest > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  return r === 0 && x < 0 ? -0 : r;
}

// Double-double arithmetic (Dekker, Knuth): enough precision to round a logarithm correctly.
type DD = readonly [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function split(a: number): DD {
  const c = 134217729 * a; // 2^27 + 1
  const hi = c - (c - a);
  return [hi, a - hi];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function ddAdd(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return quickTwoSum(s, e + a[1] + b[1]);
}

function ddMul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = ddAdd(a, ddMul([-q1, 0], b));
  const q2 = r[0] / b[0];
  r = ddAdd(r, ddMul([-q2, 0], b));
  const q3 = r[0] / b[0];
  return ddAdd(quickTwoSum(q1, q2), [q3, 0]);
}

/**
 * The natural logarithm of x in [0.5, 2), correctly rounded, as glibc's log gives it: 2·atanh(s)
 * with s = (x − 1)/(x + 1), |s| ≤ 1/3, summed in double-double.
 */
function correctlyRoundedLog(x: number): number {
  const s = ddDiv([x - 1, 0], twoSum(x, 1));
  const s2 = ddMul(s, s);
  let power = s;
  let sum = s;
  for (let k = 3; Math.abs(power[0]) > 1e-40; k += 2) {
    power = ddMul(power, s2);
    sum = ddAdd(sum, ddDiv(power, [k, 0]));
  }
  return sum[0] * 2 + sum[1] * 2;
}

const IVLN10 = 4.34294481903251816668e-1;
const LOG10_2HI = 3.01029995663611771306e-1;
const LOG10_2LO = 3.69423907715893078616e-13;

/**
 * glibc's log10, which Python's math.log10 calls: fdlibm's reduction (x = 2^k · m), with
 * glibc's own, correctly rounded, log(m). V8's Math.log10 uses fdlibm's less exact log(m), which
 * differs by an ulp next to some powers of ten, and so in floor(log10(x)).
 */
export function log10(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let k = 0;
  let hx = highWord(x);
  if (hx < 0x00100000) {
    k -= 54; // subnormal: scale up by 2^54
    x *= 2 ** 54;
    hx = highWord(x);
  }
  k += (hx >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  const m = withHighWord(x, (hx & 0x000fffff) | ((0x3ff - i) << 20));
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * correctlyRoundedLog(m);
  return z + y * LOG10_2HI;
}

/** x = mantissa · 2^exponent exactly, for a finite x > 0. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0x000fffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa, exponent: -1074 };
  mantissa |= 1n << 52n;
  return { mantissa, exponent: biased - 1075 };
}

/** The sign of |x| − 10^e, exactly. */
function compareWithPowerOfTen(x: number, e: number): number {
  const { mantissa, exponent } = decompose(Math.abs(x));
  let [a, b] = [mantissa, 1n]; // |x| = a / b
  if (exponent >= 0) a <<= BigInt(exponent);
  else b <<= BigInt(-exponent);
  let [c, d] = [1n, 1n]; // 10^e = c / d
  if (e >= 0) c = 10n ** BigInt(e);
  else d = 10n ** BigInt(-e);
  const diff = a * d - c * b;
  return diff > 0n ? 1 : diff < 0n ? -1 : 0;
}

/** round_half_even(|x| · 10^decimals) exactly; decimals may be negative. */
function scaledInteger(x: number, decimals: number): bigint {
  if (x === 0) return 0n;
  const { mantissa, exponent } = decompose(Math.abs(x));
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  if (decimals >= 0) num *= 10n ** BigInt(decimals);
  else den *= 10n ** BigInt(-decimals);
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && q % 2n === 1n)) return q + 1n;
  return q;
}

function withPoint(digits: string, decimals: number): string {
  if (decimals === 0) return digits;
  const padded = digits.padStart(decimals + 1, '0');
  return `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`;
}

/** Python's '%1.{decimals}f' % x: the exact value, rounded half to even; '-0.0' keeps its sign. */
export function formatFixed(x: number, decimals: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return sign + withPoint(scaledInteger(x, decimals).toString(), decimals);
}

/** Python's '%1.{precision}g' % x: `precision` significant digits, trailing zeros dropped. */
export function formatGeneral(x: number, precision: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0`;
  // The decimal exponent of the exact value, then of the value rounded to `precision` digits.
  let e = Math.floor(Math.log10(Math.abs(x)));
  while (e > -400 && compareWithPowerOfTen(x, e) < 0) e--;
  while (e < 400 && compareWithPowerOfTen(x, e + 1) >= 0) e++;
  let digits = scaledInteger(x, precision - 1 - e);
  if (digits >= 10n ** BigInt(precision)) {
    e += 1;
    digits = scaledInteger(x, precision - 1 - e);
  }
  const strip = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  if (e >= -4 && e < precision) return sign + strip(withPoint(digits.toString(), precision - 1 - e));
  const mantissa = strip(withPoint(digits.toString(), precision - 1));
  const exp = `${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return `${sign}${mantissa}e${exp}`;
}
