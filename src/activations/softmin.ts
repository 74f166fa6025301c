import { shiftedExponentials, softmaxJacobianDiagonal, vectorLimits } from '../math/softmax.js';
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
  *fVector(x, { temperature }, out) {
    if (vectorLimits(x, -1, out, { single: 1, rest: 0 })) return;
    const sum = yield* shiftedExponentials(x, temperature, -1, out);
    for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  },
  *dfVector(x, { temperature }, out) {
    // −sᵢ(1 − sᵢ)/T comes to 0 from below.
    if (vectorLimits(x, -1, out, { single: -0, rest: -0 })) return;
    const e = new Float64Array(x.length);
    const sum = yield* shiftedExponentials(x, temperature, -1, e);
    softmaxJacobianDiagonal(e, sum, out);
    for (let i = 0; i < out.length; i++) out[i] = -out[i]! / temperature;
  },
});
