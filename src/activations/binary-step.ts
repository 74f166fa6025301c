import { defineActivation } from './activation.js';

export const binaryStep = defineActivation<{ value_at_zero: number }>({
  name: 'binary_step',
  label: 'Binary step',
  aliases: ['step', 'heaviside'],
  description: 'Heaviside step: 1 for x > 0, 0 for x < 0, and a chosen value at 0 (1 by default)',
  formula: '1 if x > 0, value_at_zero if x = 0, else 0',
  params: [
    {
      kind: 'number',
      name: 'value_at_zero',
      default: 1,
      symbol: 'H(0)',
      // torch.heaviside(input, values) and numpy.heaviside(x1, x2) both take f(0) as an argument.
      description: "f(0), as torch.heaviside's values and numpy.heaviside's x2 (−0 is 0 too)",
      aliases: ['values'],
    },
  ],
  range: [-5, 5],
  jumps: () => [0],
  derivativeConvention: "f' = 0 everywhere, the jump at 0 included (the convention autograd uses)",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x, { value_at_zero }) => (x > 0 ? 1 : x < 0 ? 0 : value_at_zero),
  df: () => 0,
});
