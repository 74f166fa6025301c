import { logSoftmaxDiagonalSteps, logSoftmaxSteps } from '../math/softmax.js';
import { defineActivation } from './activation.js';

export const logSoftmax = defineActivation<{ temperature: number }>({
  name: 'log_softmax',
  label: 'Log-softmax',
  description:
    'Logarithm of the softmax, as classifiers feed to their loss; taken over the whole ' +
    'sampled grid, so it depends on --samples',
  formula: 'xᵢ/T − log Σⱼ e^(xⱼ/T)',
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
  derivativeConvention: "f' is the diagonal of the Jacobian, ∂fᵢ/∂xᵢ = (1 − sᵢ)/T with s the softmax",
  fVector: (x, { temperature }) => logSoftmaxSteps(x, temperature),
  dfVector: (x, { temperature }) => logSoftmaxDiagonalSteps(x, temperature),
});
