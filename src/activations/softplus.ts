import { productWithError, scaledExp } from '../math/double-double.js';
import { log1pExp, sigmoid } from '../math/logistic.js';
import { defineActivation } from './activation.js';

export const softplus = defineActivation<{ beta: number }>({
  name: 'softplus',
  label: 'Softplus',
  description: 'A smooth ReLU: log(1 + eˣ), exact everywhere (no threshold cut-over to x)',
  formula: 'log(1 + e^(β·x)) / β',
  params: [
    {
      kind: 'number',
      name: 'beta',
      default: 1,
      symbol: 'β',
      description: 'sharpness; larger is closer to ReLU',
      min: 0,
      minExclusive: true,
    },
  ],
  range: [-5, 5],
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x, { beta }) => {
    if (beta === 1) return log1pExp(x);
    // β·x carried exactly: for β·x ≪ 0 the result is ≈ e^(β·x)/β, and exp would magnify the
    // rounding of the product (to ~6e-14 at β = 10).
    const [z, zl] = productWithError(beta, x);
    // For z > 0 split off x itself, so β·x overflowing to Infinity cannot take the result with it.
    if (z > 0) return x + Math.log1p(Math.exp(-z)) / beta;
    const e = Math.exp(z);
    if (z > -37) return Math.log1p(e + e * zl) / beta;
    // log1p(u) = u to the last bit for u < 2⁻⁵³; scaledExp keeps u's digits even where e^z alone
    // is subnormal but e^z/β is not (tiny β).
    const inverse = 1 / beta;
    return Number.isFinite(inverse) ? scaledExp(inverse, z, zl) : scaledExp(1, z, zl) / beta;
  },
  df: (x, { beta }) => {
    if (beta === 1) return sigmoid(x);
    const [z, zl] = productWithError(beta, x);
    if (z >= 0) return sigmoid(z);
    // σ(z) = e^z/(1 + e^z), with the product's rounding folded into e^z.
    return scaledExp(1 / (1 + Math.exp(z)), z, zl);
  },
});
