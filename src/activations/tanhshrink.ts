import { horner } from '../math/polynomial.js';
import { defineActivation } from './activation.js';

// x − tanh x = Σₙ₌₂ −2²ⁿ(2²ⁿ − 1)B₂ₙ/(2n)!·x²ⁿ⁻¹ = x³/3 − 2x⁵/15 + 17x⁷/315 − …, as coefficients of
// x³·P(x²). Below |x| = 0.5 the subtraction would cancel (all digits at x = 1e-8, where the result
// is ~3e-25), so the series is used there; 19 terms reach 2⁻⁶⁰ at |x| = 0.5 (the series converges
// for |x| < π/2). Above, x − tanh x loses at most a factor 13 to cancellation.
const SERIES = [
  0.3333333333333333, -0.13333333333333333, 0.05396825396825397, -0.021869488536155203, 0.008863235529902197,
  -0.003592128036572481, 0.0014558343870513183, -0.000590027440945586, 0.00023912911424355248,
  -9.691537956929451e-5, 3.927832388331683e-5, -1.5918905069328964e-5, 6.451689215655431e-6,
  -2.6147711512907546e-6, 1.0597268320104654e-6, -4.294911078273806e-7, 1.7406618963571648e-7,
  -7.054636946400968e-8, 2.859136662305254e-8,
];

export const tanhshrink = defineActivation({
  name: 'tanhshrink',
  label: 'Tanh shrink',
  description: 'x − tanh x: flat (cubic) near 0, parallel to the identity far from it',
  formula: 'x − tanh(x)',
  params: [],
  range: [-5, 5],
  turningPoints: () => [],
  derivativeTurningPoints: () => [0], // tanh² bottoms out at 0
  f: (x) => {
    if (Math.abs(x) >= 0.5) return x - Math.tanh(x);
    const x2 = x * x;
    return x * x2 * horner(x2, SERIES);
  },
  df: (x) => {
    const t = Math.tanh(x);
    return t * t;
  },
});
