import { defineActivation } from './activation.js';

export const relu6 = defineActivation({
  name: 'relu6',
  label: 'ReLU6',
  description: 'ReLU capped at 6, as in MobileNet: bounded activations survive low-precision arithmetic',
  formula: 'min(max(0, x), 6)',
  params: [],
  range: [-3, 9],
  kinks: () => [0, 6],
  derivativeConvention: "f' = 1 strictly between 0 and 6, and 0 at both corners, as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x) => (x > 0 ? (x < 6 ? x : 6) : 0),
  df: (x) => (x > 0 && x < 6 ? 1 : 0),
});
