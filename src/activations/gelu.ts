import { scaledExp, squareError, twoProduct, twoSum } from '../math/double-double.js';
import { ERF_SPLIT, erfcx } from '../math/erf.js';
import { INV_SQRT_2PI, normalCdf, normalPdf } from '../math/normal.js';
import { seriesAtRoot } from '../math/polynomial.js';
import { defineActivation } from './activation.js';

// √(2/π) and 0.044715 (the decimal constant of the tanh form) as double-double: in the lower tail
// the result is x·e^(2u), and the ~2⁻⁵³ rounding of either constant would be multiplied by
// |2u| (up to ~700) in the relative error.
const TWO_C_HI = 2 * 0.7978845608028654;
const TWO_C_LO = 2 * -4.98465440455546e-17;
const K_HI = 0.044715;
const K_LO = 2.1960211427085595e-18;

/** Beyond ±TAIL both forms are x·1 or x·0 to far below the last bit, and x³ would overflow. */
const TAIL = 30;

/**
 * 2u = 2√(2/π)(x + 0.044715x³) as hi + lo, every step an error-free product or sum with its error
 * carried: exp needs the exponent to ~1e-16 absolutely where it is −700.
 */
function twiceU(x: number): [number, number] {
  const [s, sl] = twoProduct(x, x);
  const [t, tl] = twoProduct(K_HI, s);
  const [o, ol] = twoSum(1, t);
  const [v, vl] = twoProduct(o, x);
  const vLow = vl + (ol + tl + K_HI * sl + K_LO * s) * x;
  const [h, hl] = twoProduct(TWO_C_HI, v);
  return [h, hl + TWO_C_HI * vLow + TWO_C_LO * v];
}

// f' has a root near x = −0.752 in both forms (GELU's minimum), where Φ + xφ (or the tanh form)
// cancels; there f' is taken from its Taylor series about the root (mpmath, 80 digits). The window
// ±1/16 keeps the direct formula's cancellation below a factor ~20 outside it.
const WINDOW = 0.0625;
const ROOT_HI = -0.7517915246935645;
const ROOT_LO = 1.4956759177009883e-17;
const ROOT_SERIES = [
  0.4314939923140469, 0.388284982990552, -0.018199676398671087, -0.1140082332972217, -0.014771522148244337,
  0.019421679838189067, 0.004539228379125415, -0.002239538068073497, -0.0007448268386746817,
  0.00018633974623233514, 8.615947861116571e-5, -1.121438018842664e-5,
];
const TANH_ROOT_HI = -0.7524614220710163;
const TANH_ROOT_LO = 3.635560509207687e-17;
const TANH_ROOT_SERIES = [
  0.4304000910248585, 0.38751844613578895, -0.01578285352184803, -0.11394448308095899, -0.01661932834305256,
  0.019682309459833118, 0.005261059254921912, -0.0024227318458750974, -0.0009274420230205449,
  0.00026392764052681053, 0.00012425227802639782, -3.4956171694436116e-5,
];

type Approximate = 'none' | 'tanh';

/** Below this, x·Φ(x), Φ(x) + x·φ(x) and the tanh forms are −0 to far below the smallest subnormal. */
const UNDERFLOW = -40;

/**
 * m·e^(−x²/2), the exponent from the exact x² (hi + lo), rounded once: in the lower tail the
 * results below are this with m a smooth factor, and rounding e^(−x²/2) to a subnormal before
 * multiplying by m would be off by up to |m| subnormal steps.
 */
function timesGaussian(m: number, x: number): number {
  const p = x * x;
  return scaledExp(m, -0.5 * p, -0.5 * squareError(x, p));
}

/** In the lower tail (x < −√2·0.46875): Φ(x) = ½erfcx(|x|/√2)·e^(−x²/2) (src/math/normal.ts). */
function isLowerTail(x: number): boolean {
  return x < 0 && -x * Math.SQRT1_2 > ERF_SPLIT;
}

function geluValue(x: number, approximate: Approximate): number {
  // Below UNDERFLOW (and at −∞, where x·0 would be NaN) the limit 0, approached from below.
  if (x < UNDERFLOW) return -0;
  if (approximate === 'none') {
    if (isLowerTail(x)) return timesGaussian(x * 0.5 * erfcx(-x * Math.SQRT1_2), x);
    return x * normalCdf(x);
  }
  if (x > TAIL) return x;
  // x·σ(2u): for 2u < 0, x/(1 + e^2u)·e^2u with e^2u from the exact 2u, rounded once.
  const [h, l] = twiceU(x);
  if (h >= 0) return x / (1 + Math.exp(-h));
  return scaledExp(x / (1 + Math.exp(h)), h, l);
}

function geluDerivative(x: number, approximate: Approximate): number {
  // Below UNDERFLOW the limit 0, approached from below (f' < 0 left of the minimum).
  if (x < UNDERFLOW) return -0;
  if (approximate === 'none') {
    if (Math.abs(x - ROOT_HI) < WINDOW) return seriesAtRoot(x - ROOT_HI - ROOT_LO, ROOT_SERIES);
    if (x > 40) return 1;
    // Φ + x·φ = e^(−x²/2)·(½erfcx(|x|/√2) + x/√(2π)) in the lower tail, rounded once.
    if (isLowerTail(x)) return timesGaussian(0.5 * erfcx(-x * Math.SQRT1_2) + x * INV_SQRT_2PI, x);
    return normalCdf(x) + x * normalPdf(x);
  }
  if (Math.abs(x - TANH_ROOT_HI) < WINDOW)
    return seriesAtRoot(x - TANH_ROOT_HI - TANH_ROOT_LO, TANH_ROOT_SERIES);
  if (x > TAIL) return 1;
  // d/dx x·σ(2u) = σ(2u)·(1 + 2x·u'·σ(−2u)), u' = √(2/π)(1 + 3·0.044715x²); for 2u < 0,
  // σ(2u) = e^2u·σ(−2u), with e^2u from the exact 2u and the whole product rounded once.
  const du = 0.5 * TWO_C_HI * (1 + 3 * K_HI * x * x);
  const [h, l] = twiceU(x);
  if (h >= 0) {
    const e = Math.exp(-h);
    const s = 1 / (1 + e);
    return s * (1 + 2 * x * du * e * s);
  }
  const sm = 1 / (1 + Math.exp(h));
  return scaledExp(sm * (1 + 2 * x * du * sm), h, l);
}

export const gelu = defineActivation<{ approximate: Approximate }>({
  name: 'gelu',
  label: 'GELU',
  aliases: [
    {
      name: 'gelu_new',
      label: 'GELU (tanh)',
      params: { approximate: 'tanh' },
      source: "Hugging Face transformers' NewGELUActivation and TensorFlow.js layers' 'gelu_new'",
    },
  ],
  description: 'Gaussian error linear unit: x weighted by the probability that a standard normal is below it',
  formula: 'x·Φ(x); with approximate=tanh, ½x·(1 + tanh(√(2/π)·(x + 0.044715x³)))',
  params: [
    {
      kind: 'choice',
      name: 'approximate',
      default: 'none',
      choices: ['none', 'tanh'],
      symbol: 'approx',
      description: "'none' for the exact x·Φ(x), 'tanh' for the tanh approximation (as PyTorch)",
    },
  ],
  range: [-4, 4],
  derivativeConvention: 'exact: Φ(x) + x·φ(x); for approximate=tanh the derivative of the tanh form itself',
  // The minimum, where f' has the root its series above is taken about.
  turningPoints: ({ approximate }) => [approximate === 'none' ? ROOT_HI : TANH_ROOT_HI],
  // f' peaks and bottoms out where f'' = 0: at ±√2 for x·Φ(x) (f'' = φ(x)·(2 − x²)), at
  // ±1.41850400879082836 for the tanh form (mpmath, 50 digits).
  derivativeTurningPoints: ({ approximate }) =>
    approximate === 'none' ? [-Math.SQRT2, Math.SQRT2] : [-1.4185040087908284, 1.4185040087908284],
  f: (x, { approximate }) => geluValue(x, approximate),
  df: (x, { approximate }) => geluDerivative(x, approximate),
});
