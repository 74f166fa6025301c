import { productWithError, scaledExp } from '../math/double-double.js';
import { seriesAtRoot } from '../math/polynomial.js';
import { defineActivation } from './activation.js';

// With z = β·x, silu'(x) = g(z) = σ(z)·(1 + z·σ(−z)), which has a root at z ≈ −1.278 (SiLU's
// minimum) where 1 + z·σ(−z) cancels. Within ±1/16 of it g is taken from its Taylor series about
// the root (mpmath, 80 digits), in z − root formed from the exact product β·x.
const WINDOW = 0.0625;
const ROOT_HI = -1.2784645427610737;
const ROOT_LO = -1.0946994183093437e-16;
const ROOT_SERIES = [
  0.2178117057198001, 0.1466487969969469, 0.018874814223782312, -0.015222655223188032, -0.006606589138356696,
  0.000126627410081122, 0.0007985218818397998, 0.00018570724361186496, -4.090534237428612e-5,
  -2.9733542213263917e-5, -2.942631888842464e-6,
];

/** x·σ(β·x), with the limits at ±∞ (README, "NaN, infinities and signed zeros"). */
export function siluValue(x: number, beta: number): number {
  // β·x carried exactly: for β·x ≪ 0 the result is x·e^(β·x) and exp would magnify its rounding.
  const [z, zl] = productWithError(beta, x);
  if (z !== z) return x / 2; // β = 0 and x = ±∞: f = x/2 for every x
  if (z === Infinity) return x;
  // x·e^z → 0 as z → −∞, from x's side (and ∞·0 would be NaN).
  if (z === -Infinity) return x < 0 ? -0 : 0;
  if (z >= 0) return x / (1 + Math.exp(-z));
  return scaledExp(x / (1 + Math.exp(z)), z, zl);
}

/** d/dx x·σ(β·x) = g(β·x) with g(z) = σ(z)·(1 + z·σ(−z)). */
export function siluDerivative(x: number, beta: number): number {
  const [z, zl] = productWithError(beta, x);
  if (z !== z) return 0.5; // β = 0 and x = ±∞: f' = 1/2 for every x
  if (Math.abs(z - ROOT_HI) < WINDOW) return seriesAtRoot(z - ROOT_HI + (zl - ROOT_LO), ROOT_SERIES);
  if (z > 700) return 1; // σ(−z) < e^−700: the second term is far below the last bit
  // σ(z) is far below the smallest subnormal (and z may be −∞); g < 0 there, so 0 from below.
  if (z < -1500) return -0;
  if (z >= 0) {
    const e = Math.exp(-z);
    const s = 1 / (1 + e);
    return s * (1 + z * e * s);
  }
  // σ(z) = e^z·σ(−z), with e^z from the exact z and the whole product rounded once: rounding a
  // subnormal σ(z) first would multiply its error by |1 + z·σ(−z)| ≈ |z|.
  const sm = 1 / (1 + Math.exp(z)); // σ(−z) = 1 − σ(z), formed without subtracting
  return scaledExp(sm * (1 + z * sm), z, zl);
}

/** Where x·σ(β·x) turns: its minimum (a maximum for β < 0) at β·x = the root of g above. */
export function siluTurningPoints(beta: number): number[] {
  return beta === 0 ? [] : [ROOT_HI / beta];
}

/** f'' = β·σ(1 − σ)·(2 − z·tanh(z/2)) vanishes at z·tanh(z/2) = 2, z = ±2.39935728051546767. */
export function siluDerivativeTurningPoints(beta: number): number[] {
  return beta === 0 ? [] : [-2.3993572805154677 / beta, 2.3993572805154677 / beta];
}

export const silu = defineActivation<{ beta: number }>({
  name: 'silu',
  label: 'SiLU',
  aliases: ['swish'],
  description: 'Sigmoid linear unit (swish): x gated by its own sigmoid; smooth, with a small negative dip',
  formula: 'x·σ(β·x) = x / (1 + e^(−β·x))',
  params: [
    {
      kind: 'number',
      name: 'beta',
      default: 1,
      symbol: 'β',
      description: 'sharpness; β = 1 is PyTorch’s SiLU, large β approaches ReLU',
    },
  ],
  range: [-6, 6],
  derivativeConvention: "f' = s + β·x·s·(1 − s) with s = σ(β·x)",
  turningPoints: ({ beta }) => siluTurningPoints(beta),
  derivativeTurningPoints: ({ beta }) => siluDerivativeTurningPoints(beta),
  f: (x, { beta }) => siluValue(x, beta),
  df: (x, { beta }) => siluDerivative(x, beta),
});
