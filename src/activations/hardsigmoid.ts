import { defineActivation } from './activation.js';

export const hardsigmoid = defineActivation({
  name: 'hardsigmoid',
  label: 'Hard sigmoid',
  description: "A piecewise-linear sigmoid, cheap to compute: PyTorch's form, ReLU6(x + 3)/6",
  formula: 'min(max(0, x + 3), 6) / 6',
  params: [],
  range: [-6, 6],
  kinks: () => [-3, 3],
  derivativeConvention: "f' = 1/6 strictly between −3 and 3, and 0 at both corners, as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  // x + 3 is exact near −3, where the result is small, so it keeps its relative precision there.
  f: (x) => (x <= -3 ? 0 : x >= 3 ? 1 : (x + 3) / 6),
  df: (x) => (x > -3 && x < 3 ? 1 / 6 : 0),
});
