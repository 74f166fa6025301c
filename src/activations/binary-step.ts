import { defineActivation } from './activation.js';

export const binaryStep = defineActivation({
  name: 'binary_step',
  label: 'Binary step',
  aliases: ['step', 'heaviside'],
  description: 'Heaviside step: 1 for x ≥ 0, else 0',
  formula: '1 if x ≥ 0, else 0',
  params: [],
  range: [-5, 5],
  jumps: () => [0],
  derivativeConvention: "f' = 0 everywhere, the jump at 0 included (the convention autograd uses)",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x) => (x >= 0 ? 1 : 0),
  df: () => 0,
});
