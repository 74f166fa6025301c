import { defineActivation } from './activation.js';

export const softshrink = defineActivation<{ lambda: number }>({
  name: 'softshrink',
  label: 'Soft shrink',
  description: 'Soft thresholding: moves every input λ towards 0 and zeroes those within λ of it',
  formula: 'x − λ if x > λ, x + λ if x < −λ, else 0',
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
  // With λ = 0, f is x but f'(0) = 0 by the convention below: a one-point jump of f', drawn.
  kinks: ({ lambda }) => (lambda > 0 ? [-lambda, lambda] : [0]),
  derivativeConvention: "f' = 1 for |x| > λ, else 0 (the corners at ±λ included), as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  // x − λ is exact next to λ, so small results keep their relative precision.
  // With λ = 0 only ±0 reaches the last branch, and f is x there: −0 stays −0, as its neighbours are negative.
  f: (x, { lambda }) => (x > lambda ? x - lambda : x < -lambda ? x + lambda : lambda === 0 ? x : 0),
  df: (x, { lambda }) => (Math.abs(x) > lambda ? 1 : 0),
});
