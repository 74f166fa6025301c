import { sparsemax as sparsemaxOf, sparsemaxJacobianDiagonal } from '../math/sparsemax.js';
import { defineActivation } from './activation.js';

// Keras' keras.activations.sparsemax (keras/src/activations/activations.py, computed in
// keras/src/backend/*/nn.py), after Martins & Astudillo (2016). See src/math/sparsemax.ts.
export const sparsemax = defineActivation({
  name: 'sparsemax',
  label: 'Sparsemax',
  description:
    'The projection onto the probability simplex: like softmax it sums to 1, but it gives ' +
    'exactly 0 to inputs more than a threshold τ below the largest (Martins & Astudillo, ' +
    '2016; Keras); taken over the whole sampled grid, so it depends on --samples',
  formula: 'max(xᵢ − τ, 0), with τ such that Σᵢ max(xᵢ − τ, 0) = 1',
  params: [],
  range: [-2, 2],
  overVector: true,
  derivativeConvention:
    "f' is the diagonal of the Jacobian, ∂pᵢ/∂xᵢ = 1 − 1/|S| for i in the support S (pᵢ > 0), else 0",
  fVector: (x) => sparsemaxOf(x),
  dfVector: (x) => sparsemaxJacobianDiagonal(x),
});
