import { defineActivation } from './activation.js';

export const prelu = defineActivation<{ alpha: number }>({
  name: 'prelu',
  label: 'PReLU',
  description: 'Parametric ReLU: a learned slope alpha for negative inputs (shown at a fixed value)',
  formula: 'x if x ≥ 0, else α·x',
  params: [
    {
      kind: 'number',
      name: 'alpha',
      default: 0.25,
      symbol: 'α',
      description: 'slope for x < 0 (PyTorch initialises it to 0.25)',
    },
  ],
  range: [-5, 5],
  kinks: () => [0],
  derivativeConvention: "f'(0) = α, as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  // α = 0 is ReLU: its limit at −∞ is 0, where 0·(−∞) would be NaN.
  f: (x, { alpha }) => (x >= 0 ? x : alpha === 0 ? 0 : alpha * x),
  df: (x, { alpha }) => (x > 0 ? 1 : alpha),
});
