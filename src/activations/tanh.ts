import { sech2 } from '../math/logistic.js';
import { defineActivation } from './activation.js';

export const tanh = defineActivation({
  name: 'tanh',
  label: 'Tanh',
  description: 'Hyperbolic tangent: squashes any input into (−1, 1), zero-centred',
  formula: '(eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)',
  params: [],
  range: [-5, 5],
  turningPoints: () => [],
  derivativeTurningPoints: () => [0], // sech² peaks at 0
  f: (x) => Math.tanh(x),
  df: (x) => sech2(x),
});
