import {
  dominantComplements,
  exponentialSum,
  scanVector,
  softmaxJacobianDiagonal,
  softmaxValues,
  vectorLimits,
} from '../math/softmax.js';
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
  *fVector(x, { temperature }) {
    const scan = yield* scanVector(x, -1);
    const limits = vectorLimits(scan, -1, { single: 1, rest: 0 });
    if (limits) return limits;
    return softmaxValues(scan, temperature, -1, yield* exponentialSum(x, scan, temperature, -1));
  },
  *dfVector(x, { temperature }) {
    const scan = yield* scanVector(x, -1);
    // −sᵢ(1 − sᵢ)/T comes to 0 from below.
    const limits = vectorLimits(scan, -1, { single: -0, rest: -0 });
    if (limits) return limits;
    const sum = yield* exponentialSum(x, scan, temperature, -1);
    const complements = yield* dominantComplements(x, scan, temperature, -1, sum);
    const diagonal = softmaxJacobianDiagonal(scan, temperature, -1, sum, complements);
    return (slice, start, out) => {
      diagonal(slice, start, out);
      for (let i = 0; i < slice.length; i++) out[i] = -out[i]! / temperature;
    };
  },
});
