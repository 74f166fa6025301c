import {
  logSoftmax as logSoftmaxInto,
  shiftedExponentials,
  softmaxComplement,
  vectorLimits,
} from '../math/softmax.js';
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
  *fVector(x, { temperature }, out) {
    // log 1 = 0, approached from below; log 0 = −∞.
    if (vectorLimits(x, 1, out, { single: -0, rest: -Infinity })) return;
    yield* logSoftmaxInto(x, temperature, out);
  },
  *dfVector(x, { temperature }, out) {
    if (vectorLimits(x, 1, out, { single: 0, rest: 1 / temperature })) return;
    const e = new Float64Array(x.length);
    const sum = yield* shiftedExponentials(x, temperature, 1, e);
    // 1 − sᵢ as the sum of the other terms where sᵢ is near 1, so it keeps its digits there.
    softmaxComplement(e, sum, out);
    for (let i = 0; i < out.length; i++) out[i] = out[i]! / temperature;
  },
});
