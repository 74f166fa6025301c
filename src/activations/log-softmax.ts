import {
  dominantComplements,
  exponentialSum,
  logSoftmax as logSoftmaxOf,
  scanVector,
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
  *fVector(x, { temperature }) {
    const scan = yield* scanVector(x, 1);
    // log 1 = 0, approached from below; log 0 = −∞.
    const limits = vectorLimits(scan, 1, { single: -0, rest: -Infinity });
    if (limits) return limits;
    return yield* logSoftmaxOf(x, scan, temperature);
  },
  *dfVector(x, { temperature }) {
    const scan = yield* scanVector(x, 1);
    const limits = vectorLimits(scan, 1, { single: 0, rest: 1 / temperature });
    if (limits) return limits;
    const sum = yield* exponentialSum(x, scan, temperature, 1);
    // 1 − sᵢ as the sum of the other terms where sᵢ is near 1, so it keeps its digits there.
    const complements = yield* dominantComplements(x, scan, temperature, 1, sum);
    const complement = softmaxComplement(scan, temperature, 1, sum, complements);
    return (slice, start, out) => {
      complement(slice, start, out);
      for (let i = 0; i < slice.length; i++) out[i] = out[i]! / temperature;
    };
  },
});
