import { log1pExp, sigmoid } from '../math/logistic.js';
import { defineActivation } from './activation.js';

export const logsigmoid = defineActivation({
  name: 'logsigmoid',
  label: 'Log-sigmoid',
  description: 'Logarithm of the sigmoid, i.e. −softplus(−x): near 0 for large x, near x for very negative x',
  formula: 'log(1 / (1 + e⁻ˣ)) = −log(1 + e⁻ˣ)',
  params: [],
  range: [-8, 8],
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  // −log1p(e⁻ˣ), split as in softplus: neither overflows nor rounds the tiny tail away.
  f: (x) => -log1pExp(-x),
  df: (x) => sigmoid(-x),
});
