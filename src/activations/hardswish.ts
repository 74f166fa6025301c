import { defineActivation } from './activation.js';

export const hardswish = defineActivation({
  name: 'hardswish',
  label: 'Hard swish',
  aliases: ['hard_silu'],
  description: 'A piecewise-polynomial SiLU/swish, as in MobileNetV3: x·ReLU6(x + 3)/6',
  formula: 'x·min(max(0, x + 3), 6) / 6',
  params: [],
  range: [-6, 6],
  kinks: () => [-3, 3],
  derivativeConvention: "f' = 0 for x < −3, x/3 + 1/2 for −3 ≤ x ≤ 3, 1 for x > 3, as PyTorch",
  turningPoints: () => [-1.5], // the bottom of x(x + 3)/6
  derivativeTurningPoints: () => [],
  f: (x) => (x <= -3 ? 0 : x >= 3 ? x : (x * (x + 3)) / 6),
  // (x + 1.5)/3 rather than x/3 + 0.5: exact near the root at −1.5, where the latter cancels.
  df: (x) => (x < -3 ? 0 : x <= 3 ? (x + 1.5) / 3 : 1),
});
