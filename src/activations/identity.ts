import { defineActivation } from './activation.js';

export const identity = defineActivation({
  name: 'identity',
  label: 'Identity',
  aliases: ['linear'],
  description: 'The identity: no activation at all, the baseline every other function departs from',
  formula: 'x',
  params: [],
  range: [-5, 5],
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x) => x,
  df: () => 1,
});
