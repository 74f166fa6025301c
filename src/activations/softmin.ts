import { softmaxDiagonalSteps, softmaxSteps } from '../math/softmax.js';
import { defineActivation } from './activation.js';

export const softmin = defineActivation<{ temperature: number }>({
  name: 'softmin',
  label: 'Softmin',
  description:
    'Softmax of the negated inputs: weights favour the smallest values; taken over the ' +
    'whole sampled grid, so it depends on --samples',
  formula: 'e^(−xᵢ/T) / Σⱼ e^(−xⱼ/T)',
  params: [
    {
      kind: 'number',
      name: 'temperature',
      default: 1,
      symbol: 'T',
      description: 'divides the inputs; larger is flatter',
      min: 0,
      minExclusive: true,
    },
  ],
  range: [-5, 5],
  overVector: true,
  derivativeConvention: "f' is the diagonal of the Jacobian, ∂sᵢ/∂xᵢ = −sᵢ(1 − sᵢ)/T",
  fVector: (x, { temperature }) => softmaxSteps(x, temperature, -1),
  dfVector: (x, { temperature }) => softmaxDiagonalSteps(x, temperature, -1),
});
