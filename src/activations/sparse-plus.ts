import { defineActivation } from './activation.js';

// JAX's jax.nn.sparse_plus (jax/_src/nn/functions.py):
//   jnp.where(x <= -1.0, 0.0, jnp.where(x >= 1.0, x, (x + 1.0)**2/4))
// and Keras' keras.activations.sparse_plus (keras/src/backend/numpy/nn.py), the same pieces.
// Its derivative is JAX's sparse_sigmoid (the twin pair of Blondel, Martins & Niculae, "Learning
// with Fenchel-Young losses", 2020) and continuous, so no convention is needed anywhere.
export const sparsePlus = defineActivation({
  name: 'sparse_plus',
  label: 'Sparse plus',
  description:
    'A softplus that is exactly 0 below −1 and exactly x above 1, joined by a parabola: ' +
    'smooth, convex, monotone (Keras, JAX)',
  formula: '0 if x ≤ −1, (x + 1)²/4 if −1 < x < 1, else x',
  params: [],
  range: [-3, 3],
  derivativeConvention: "f' = sparse_sigmoid(x): 0, (x + 1)/2, 1, continuous at ±1",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  // x + 1 is exact near −1, where the result is small; halving before squaring keeps it so.
  f: (x) => {
    if (x <= -1) return 0;
    if (x >= 1) return x;
    const h = (x + 1) / 2;
    return h * h;
  },
  df: (x) => (x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) / 2),
});
