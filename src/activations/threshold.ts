import { defineActivation } from './activation.js';

export const threshold = defineActivation<{ threshold: number; value: number }>({
  name: 'threshold',
  label: 'Threshold',
  description: 'Passes inputs above the threshold and replaces the rest by a fixed value',
  formula: 'x if x > threshold, else value',
  params: [
    {
      kind: 'number',
      name: 'threshold',
      default: 0,
      symbol: 'θ',
      description: 'inputs at or below it are replaced',
    },
    { kind: 'number', name: 'value', default: 0, symbol: 'v', description: 'what replaces them' },
  ],
  range: [-5, 5],
  // value = threshold makes f continuous (max(x, θ)), with a corner instead of a jump.
  jumps: ({ threshold, value }) => (value === threshold ? [] : [threshold]),
  kinks: ({ threshold, value }) => (value === threshold ? [threshold] : []),
  derivativeConvention:
    "f' = 1 for x > threshold, else 0 (the jump or corner at the threshold included), as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x, { threshold, value }) => (x > threshold ? x : value),
  df: (x, { threshold }) => (x > threshold ? 1 : 0),
});
