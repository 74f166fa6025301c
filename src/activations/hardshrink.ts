import { defineActivation } from './activation.js';

export const hardshrink = defineActivation<{ lambda: number }>({
  name: 'hardshrink',
  label: 'Hard shrink',
  description: 'Zeroes inputs within λ of 0 and passes the rest unchanged (it jumps at ±λ)',
  formula: 'x if |x| > λ, else 0',
  params: [
    {
      kind: 'number',
      name: 'lambda',
      default: 0.5,
      symbol: 'λ',
      description: 'half-width of the zeroed band',
      min: 0,
    },
  ],
  range: [-3, 3],
  jumps: ({ lambda }) => (lambda > 0 ? [-lambda, lambda] : []),
  // With λ = 0, f is x but f'(0) = 0 by the convention below: a one-point jump of f', drawn.
  kinks: ({ lambda }) => (lambda > 0 ? [] : [0]),
  derivativeConvention: "f' = 1 for |x| > λ, else 0 (the jumps at ±λ included), as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  // With λ = 0 only ±0 reaches the last branch, and f is x there: −0 stays −0, as its neighbours are negative.
  f: (x, { lambda }) => (Math.abs(x) > lambda ? x : lambda === 0 ? x : 0),
  df: (x, { lambda }) => (Math.abs(x) > lambda ? 1 : 0),
});
