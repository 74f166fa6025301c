import { defineActivation } from './activation.js';

export const relu = defineActivation({
  name: 'relu',
  label: 'ReLU',
  description: 'Rectified linear unit: passes positive inputs, zeroes the rest',
  formula: 'max(0, x)',
  params: [],
  range: [-5, 5],
  kinks: () => [0],
  derivativeConvention: "relu'(0) = 0, as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x) => (x > 0 ? x : 0),
  df: (x) => (x > 0 ? 1 : 0),
});
