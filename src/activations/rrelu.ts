import { defineActivation } from './activation.js';

/** The slope RReLU uses in evaluation mode: the mean of its random range. */
function meanSlope(lower: number, upper: number): number {
  const sum = lower + upper;
  return Number.isFinite(sum) ? sum / 2 : lower / 2 + upper / 2; // huge bounds: halve first
}

export const rrelu = defineActivation<{ lower: number; upper: number }>({
  name: 'rrelu',
  label: 'RReLU',
  description:
    'Randomized leaky ReLU: in training the negative slope is drawn from [lower, upper]; ' +
    'shown in evaluation mode, with the mean slope',
  formula: 'x if x ≥ 0, else a·x with a = (lower + upper)/2',
  params: [
    {
      kind: 'number',
      name: 'lower',
      default: 1 / 8,
      symbol: 'l',
      description: 'lower bound of the random negative slope',
    },
    {
      kind: 'number',
      name: 'upper',
      default: 1 / 3,
      symbol: 'u',
      description: 'upper bound of the random negative slope',
    },
  ],
  range: [-5, 5],
  kinks: ({ lower, upper }) => (meanSlope(lower, upper) === 1 ? [] : [0]),
  check: ({ lower, upper }) => {
    if (!Number.isFinite(lower) || !Number.isFinite(upper)) return 'lower and upper must be finite';
    return lower <= upper ? undefined : `lower (${lower}) must not exceed upper (${upper})`;
  },
  derivativeConvention: "f'(0) = a = (lower + upper)/2, as PyTorch in evaluation mode",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x, { lower, upper }) => {
    if (x >= 0) return x;
    const slope = meanSlope(lower, upper);
    return slope === 0 ? 0 : slope * x; // a mean slope of 0 is ReLU, 0 at −∞ (not 0·(−∞))
  },
  df: (x, { lower, upper }) => (x > 0 ? 1 : meanSlope(lower, upper)),
});
