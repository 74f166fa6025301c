import { defineActivation } from './activation.js';

export const softsign = defineActivation({
  name: 'softsign',
  label: 'Softsign',
  description: 'Squashes into (−1, 1) like tanh, with polynomial rather than exponential tails',
  formula: 'x / (1 + |x|)',
  params: [],
  range: [-10, 10],
  turningPoints: () => [],
  derivativeTurningPoints: () => [0], // 1/(1 + |x|)² peaks at 0
  f: (x) => (Number.isFinite(x) ? x / (1 + Math.abs(x)) : Math.sign(x)), // ±1 at ±∞, not ∞/∞
  df: (x) => {
    const d = 1 + Math.abs(x);
    return 1 / d / d; // two divisions: d·d overflows for |x| > 1e154 while the result is still normal
  },
});
