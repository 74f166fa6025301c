import { exactProduct, twoSum } from '../math/double-double.js';
import { defineActivation } from './activation.js';

// Snake, x + sin²(αx)/α (Liu, Ziyin & Ueda, "Neural networks fail to learn periodic functions and
// how to fix it", NeurIPS 2020, eq. 5). None of PyTorch, Keras, JAX or TensorFlow.js ships it;
// α > 0 here, as the paper takes it (the formula divides by α).

// π/4 as hi + lo (mpmath): θ = αx + π/4 is carried in two parts, so f' = 2·sin²θ keeps its
// digits next to its zeros, where sin θ is small and a rounded θ would be off by all of it.
const QUARTER_PI_HI = 0.7853981633974483;
const QUARTER_PI_LO = 3.061616997868383e-17;

/** sin(h + l) for doubles h, l, exactly as sin h·cos l + cos h·sin l (each term to an ulp). */
function sinOfSum(h: number, l: number): number {
  return l === 0 ? Math.sin(h) : Math.sin(h) * Math.cos(l) + Math.cos(h) * Math.sin(l);
}

function snakeValue(x: number, alpha: number): number {
  if (x === 0 || !Number.isFinite(x)) return x; // ±0 keeps its sign; ±∞: sin² is bounded
  // sin of the exact αx: rounding αx first would move sin by up to ulp(αx), all of it for large x.
  const [h, l] = exactProduct(alpha, x);
  const s = sinOfSum(h, l);
  return x + (s * s) / alpha;
}

/** 1 + sin 2αx = 2·sin²(αx + π/4), from the exact argument (see above). */
function snakeDerivative(x: number, alpha: number): number {
  if (!Number.isFinite(x)) return Number.NaN; // 1 + sin 2αx oscillates: no limit at ±∞
  const [h, l] = exactProduct(alpha, x);
  const [t, tl] = twoSum(h, QUARTER_PI_HI);
  const rest = tl + QUARTER_PI_LO;
  // For |αx| < 2^52, l and rest are below an ulp of θ and their sum is the small remainder of θ;
  // beyond, l is an integer-sized correction and π/4 must stay apart from it.
  if (Math.abs(h) < 2 ** 52) {
    const s = sinOfSum(t, l + rest);
    return 2 * s * s;
  }
  // 2·sin²(φ + π/4) = (sin φ + cos φ)² with φ = h + l, both by the angle-addition formulas.
  const [sh, ch, sl, cl] = [Math.sin(h), Math.cos(h), Math.sin(l), Math.cos(l)];
  const sum = sh * cl + ch * sl + (ch * cl - sh * sl);
  return sum * sum;
}

export const snake = defineActivation<{ alpha: number }>({
  name: 'snake',
  label: 'Snake',
  description: 'x plus a periodic ripple: x + sin²(αx)/α, for networks that must learn periodic signals (Liu, Ziyin & Ueda, 2020)',
  formula: 'x + sin²(α·x)/α',
  params: [
    { kind: 'number', name: 'alpha', default: 1, symbol: 'α', description: 'frequency of the ripple (its period is π/α)', min: 0, minExclusive: true },
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
