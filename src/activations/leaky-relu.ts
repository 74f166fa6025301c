import { defineActivation } from './activation.js';

export const leakyRelu = defineActivation<{ negative_slope: number }>({
  name: 'leaky_relu',
  label: 'Leaky ReLU',
  aliases: ['lrelu'],
  description: 'ReLU with a small fixed slope for negative inputs',
  formula: 'x if x ≥ 0, else negative_slope·x',
  params: [
    {
      kind: 'number',
      name: 'negative_slope',
      default: 0.01,
      symbol: 'α',
      description: 'slope for x < 0',
      aliases: ['alpha'],
    },
  ],
  range: [-5, 5],
  kinks: () => [0],
  derivativeConvention: "f'(0) = negative_slope, as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  // A slope of 0 is ReLU: its limit at −∞ is 0, where 0·(−∞) would be NaN.
  f: (x, { negative_slope }) => (x >= 0 ? x : negative_slope === 0 ? 0 : negative_slope * x),
  df: (x, { negative_slope }) => (x > 0 ? 1 : negative_slope),
});
