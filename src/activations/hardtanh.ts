import { defineActivation } from './activation.js';

export const hardtanh = defineActivation<{ min_val: number; max_val: number }>({
  name: 'hardtanh',
  label: 'Hard tanh',
  description: 'A piecewise-linear tanh: the identity clamped to [min_val, max_val]',
  formula: 'min(max(x, min_val), max_val)',
  params: [
    { kind: 'number', name: 'min_val', default: -1, symbol: 'a', description: 'lower clamp' },
    { kind: 'number', name: 'max_val', default: 1, symbol: 'b', description: 'upper clamp' },
  ],
  range: [-3, 3],
  kinks: ({ min_val, max_val }) => [min_val, max_val],
  check: ({ min_val, max_val }) =>
    min_val < max_val ? undefined : `min_val (${min_val}) must be less than max_val (${max_val})`,
  derivativeConvention: "f' = 1 strictly between min_val and max_val, and 0 at both corners, as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x, { min_val, max_val }) => (x <= min_val ? min_val : x >= max_val ? max_val : x),
  df: (x, { min_val, max_val }) => (x > min_val && x < max_val ? 1 : 0),
});
