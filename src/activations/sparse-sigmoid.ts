import { defineActivation } from './activation.js';

// JAX's jax.nn.sparse_sigmoid (jax/_src/nn/functions.py): 0.5 * jnp.clip(x + 1.0, 0.0, 2.0), the
// derivative of sparse_plus; Keras' keras.activations.sparse_sigmoid (keras/src/backend/numpy/
// nn.py) writes it with where(x <= -1, 0, where(x >= 1, 1, 0.5 * (x + 1))).
export const sparseSigmoid = defineActivation({
  name: 'sparse_sigmoid',
  label: 'Sparse sigmoid',
  description:
    'A sigmoid that reaches 0 at −1 and 1 at 1, linear between: the derivative of sparse_plus (JAX, Keras)',
  formula: '0 if x ≤ −1, (x + 1)/2 if −1 < x < 1, else 1',
  params: [],
  range: [-3, 3],
  kinks: () => [-1, 1],
  // JAX's clip would give ½·½ at the corners (lax.max splits a tie's gradient); Keras' where()
  // form, and activ's hardsigmoid, give 0 there.
  derivativeConvention: "f' = 1/2 strictly between −1 and 1, and 0 at both corners, as Keras' where() form",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x) => (x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) / 2),
  df: (x) => (x > -1 && x < 1 ? 0.5 : 0),
});
