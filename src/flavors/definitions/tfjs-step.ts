import { defineActivation } from '../../activations/activation.js';

/**
 * TensorFlow.js's tf.step (tfjs-core/src/ops/step.ts; the CPU kernel
 * tfjs-backend-cpu/src/kernels/Step.ts): `x > 0 ? 1 : alpha`, NaN for NaN. Not the catalog's
 * binary step with a value at 0: alpha is the value at 0 and everywhere below it, 0 by default,
 * so tf.step(0) = 0 where activ's binary_step(0) = 1. Its gradient is zero everywhere
 * (tfjs-core/src/gradients/Step_grad.ts: zerosLike(dy)).
 */
export const tfjsStep = defineActivation<{ alpha: number }>({
  name: 'step',
  label: 'Binary step',
  description: 'A step: 1 for x > 0, alpha for x ≤ 0 (TensorFlow.js tf.step)',
  formula: '1 if x > 0, else alpha',
  params: [
    {
      kind: 'number',
      name: 'alpha',
      default: 0,
      symbol: 'α',
      description: 'the value for x ≤ 0, at 0 included',
    },
  ],
  range: [-5, 5],
  // A jump at 0 unless alpha = 1, where the step is flat (a point at 0 is no jump then).
  jumps: ({ alpha }) => (alpha === 1 ? [] : [0]),
  derivativeConvention: "f' = 0 everywhere, the jump at 0 included (tf.step's gradient is zerosLike)",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x, { alpha }) => (x > 0 ? 1 : alpha),
  df: () => 0,
});
