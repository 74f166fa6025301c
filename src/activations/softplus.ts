import { log1pExp, sigmoid } from '../math/logistic.js';
import { defineActivation } from './activation.js';

export const softplus = defineActivation<{ beta: number }>({
  name: 'softplus',
  label: 'Softplus',
  description: 'A smooth ReLU: log(1 + eˣ), exact everywhere (no threshold cut-over to x)',
  formula: 'log(1 + e^(β·x)) / β',
  params: [
    { kind: 'number', name: 'beta', default: 1, symbol: 'β', description: 'sharpness; larger is closer to ReLU', min: 0, minExclusive: true },
  ],
  range: [-5, 5],
  f: (x, { beta }) => {
    const z = beta * x;
    // For z > 0 split off x itself, so β·x overflowing to Infinity cannot take the result with it.
    return z > 0 ? x + Math.log1p(Math.exp(-z)) / beta : log1pExp(z) / beta;
  },
  df: (x, { beta }) => sigmoid(beta * x),
});
