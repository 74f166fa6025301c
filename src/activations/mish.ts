import { scaledExp } from '../math/double-double.js';
import { seriesAtRoot } from '../math/polynomial.js';
import { defineActivation } from './activation.js';

// tanh(softplus(x)) is rational in e = eˣ: with n = e(e + 2), tanh(log(1 + e)) = n/(n + 2), and
// sech²(softplus x) = 4(1 + e)²/(n + 2)². Written so, nothing cancels or overflows: for x < 0 in
// e (tiny for x → −∞, where mish ≈ x·eˣ keeps its digits), for x ≥ 0 in m = e⁻ˣ (which only
// underflows, to the exact limit).

// f' has a root at x ≈ −1.192 (Mish's minimum) where its two terms cancel; within ±1/16 of it f'
// is taken from its Taylor series about the root (mpmath, 80 digits).
const WINDOW = 0.0625;
const ROOT_HI = -1.1924312145154952;
const ROOT_LO = -4.8484829848031044e-17;
const ROOT_SERIES = [
  0.2669479140495345, 0.20473126408010586, 0.04190782104360987, -0.020271822716684245, -0.01582112656173338,
  -0.0033606849270232685, 0.0010924055409445854, 0.0009898181021289196, 0.00025412936386191073,
  -4.1961496031696126e-5, -5.582891567360688e-5, -1.72992708103044e-5,
];

export const mish = defineActivation({
  name: 'mish',
  label: 'Mish',
  description: 'x·tanh(softplus(x)): a smooth, non-monotonic ReLU alternative close to SiLU (Misra, 2019)',
  formula: 'x·tanh(log(1 + eˣ))',
  params: [],
  range: [-6, 6],
  derivativeConvention: "f' = tanh(softplus(x)) + x·sech²(softplus(x))·σ(x)",
  turningPoints: () => [ROOT_HI], // the minimum, the root of f' above
  // f' bottoms out and peaks where f'' = 0, at −2.25637639636079312 and 1.49057117948542846
  // (mpmath, 50 digits).
  derivativeTurningPoints: () => [-2.256376396360793, 1.4905711794854285],
  f: (x) => {
    if (x >= 0) {
      const m = Math.exp(-x);
      return (x * (1 + 2 * m)) / (1 + 2 * m * (1 + m));
    }
    // Far below, x·eˣ is −0, the limit at −∞ (where −∞·0 would be NaN).
    if (x < -800) return -0;
    // x·n/(n + 2) = eˣ·x(e + 2)/(n + 2), with eˣ applied last: where it is subnormal, rounding it
    // first and then multiplying by x would be off by |x| subnormal steps (mish(−745)).
    const e = Math.exp(x);
    return scaledExp((x * (e + 2)) / (e * (e + 2) + 2), x);
  },
  df: (x) => {
    if (Math.abs(x - ROOT_HI) < WINDOW) return seriesAtRoot(x - ROOT_HI - ROOT_LO, ROOT_SERIES);
    if (x > 40) return 1; // the second term is below e⁻⁷⁰ (and x·0 would be NaN for x = ∞)
    // eˣ(1 + 2x) is far below the smallest subnormal (and 4x may overflow); f' < 0 there.
    if (x < -800) return -0;
    if (x >= 0) {
      // (1 + 2m)/D + 4x(1 + m)m²/D², D = 1 + 2m + 2m²
      const m = Math.exp(-x);
      const d = 1 + 2 * m * (1 + m);
      return (1 + 2 * m) / d + (4 * x * (1 + m) * m * m) / (d * d);
    }
    // e(e + 2)/D + 4x·e(1 + e)/D², D = n + 2 = e² + 2e + 2, with the factor e = eˣ applied last.
    const e = Math.exp(x);
    const d = e * (e + 2) + 2;
    return scaledExp((e + 2 + (4 * x * (1 + e)) / d) / d, x);
  },
});
