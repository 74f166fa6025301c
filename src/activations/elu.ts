import { scaledExp } from '../math/double-double.js';
import { defineActivation } from './activation.js';

export const elu = defineActivation<{ alpha: number }>({
  name: 'elu',
  label: 'ELU',
  description: 'Exponential linear unit: identity for x > 0, a smooth exponential approach to −α below',
  formula: 'x if x > 0, else α·(eˣ − 1)',
  params: [
    {
      kind: 'number',
      name: 'alpha',
      default: 1,
      symbol: 'α',
      description: 'value approached as x → −∞ is −α',
    },
  ],
  range: [-5, 5],
  kinks: ({ alpha }) => (alpha === 1 ? [] : [0]),
  derivativeConvention: "f'(0) = α, as PyTorch",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  // expm1, not exp(x) − 1: for tiny negative x the latter rounds to 0 (PyTorch's float64 bug).
  f: (x, { alpha }) => (x > 0 ? x : alpha * Math.expm1(x)),
  // α·eˣ through scaledExp: with a large α it is a normal number where eˣ alone has underflowed.
  df: (x, { alpha }) => (x > 0 ? 1 : scaledExp(alpha, x)),
});
