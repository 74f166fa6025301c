import { exactProduct, twoSum } from '../math/double-double.js';
import { defineActivation } from './activation.js';

// Snake, x + sin²(αx)/α (Liu, Ziyin & Ueda, "Neural networks fail to learn periodic functions and
// how to fix it", NeurIPS 2020, eq. 5). None of PyTorch, Keras, JAX or TensorFlow.js ships it;
// α > 0 here, as the paper takes it (the formula divides by α).

// π/4 as hi + lo (mpmath): θ = αx + π/4 is carried in two parts, so f' = 2·sin²θ keeps its
// digits next to its zeros, where sin θ is small and a rounded θ would be off by all of it.
const QUARTER_PI_HI = 0.7853981633974483;
const QUARTER_PI_LO = 3.061616997868383e-17;

/**
 * sin(αx) and cos(αx) of the exact product αx = h + l (exactProduct): the angle-addition formulas
 * take each of sin and cos of a double to an ulp. Where αx is beyond the doubles (α = 7,
 * x = 1.7e308), x is halved (exactly) and the double-angle formulas used.
 */
function sinCosOfProduct(alpha: number, x: number): [number, number] {
  const [h, l] = exactProduct(alpha, x);
  if (Number.isFinite(h)) {
    if (l === 0) return [Math.sin(h), Math.cos(h)];
    const [sh, ch, sl, cl] = [Math.sin(h), Math.cos(h), Math.sin(l), Math.cos(l)];
    return [sh * cl + ch * sl, ch * cl - sh * sl];
  }
  const [s, c] = sinCosOfProduct(alpha, x / 2);
  return [2 * s * c, (c - s) * (c + s)];
}

function snakeValue(x: number, alpha: number): number {
  if (x === 0 || !Number.isFinite(x)) return x; // ±0 keeps its sign; ±∞: sin² is bounded
  // sin of the exact αx: rounding αx first would move sin by up to ulp(αx), all of it for large x.
  const [s] = sinCosOfProduct(alpha, x);
  return x + (s * s) / alpha;
}

/** 1 + sin 2αx = 2·sin²(αx + π/4), from the exact argument (see above). */
function snakeDerivative(x: number, alpha: number): number {
  if (!Number.isFinite(x)) return Number.NaN; // 1 + sin 2αx oscillates: no limit at ±∞
  const [h, l] = exactProduct(alpha, x);
  // Below 2^52, θ = αx + π/4 as t + (l + rest), the remainder far below an ulp of t: sin θ keeps
  // its digits next to its zeros, where f' is tiny.
  if (Math.abs(h) < 2 ** 52) {
    const [t, tl] = twoSum(h, QUARTER_PI_HI);
    const rest = l + (tl + QUARTER_PI_LO);
    const s = rest === 0 ? Math.sin(t) : Math.sin(t) * Math.cos(rest) + Math.cos(t) * Math.sin(rest);
    return 2 * s * s;
  }
  // Beyond, l is an integer-sized correction and π/4 is lost next to it: 2·sin²(φ + π/4) =
  // (sin φ + cos φ)² with φ = αx.
  const [s, c] = sinCosOfProduct(alpha, x);
  return (s + c) * (s + c);
}

export const snake = defineActivation<{ alpha: number }>({
  name: 'snake',
  label: 'Snake',
  description:
    'x plus a periodic ripple: x + sin²(αx)/α, for networks that must learn periodic signals (Liu, Ziyin & Ueda, 2020)',
  formula: 'x + sin²(α·x)/α',
  params: [
    {
      kind: 'number',
      name: 'alpha',
      default: 1,
      symbol: 'α',
      description: 'frequency of the ripple (its period is π/α)',
      min: 0,
      minExclusive: true,
    },
  ],
  range: [-6, 6],
  derivativeConvention: "f' = 1 + sin(2αx) ≥ 0; it oscillates, so it has no limit at ±∞ (NaN there)",
  // f' ≥ 0: f never falls (it pauses where f' touches 0).
  turningPoints: () => [],
  // f'' = 2α·cos 2αx vanishes at every (2k + 1)π/(4α): too many to list.
  derivativeTurningPoints: () => undefined,
  f: (x, { alpha }) => snakeValue(x, alpha),
  df: (x, { alpha }) => snakeDerivative(x, alpha),
});
