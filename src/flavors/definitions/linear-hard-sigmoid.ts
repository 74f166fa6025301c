import { defineActivation } from '../../activations/activation.js';

/**
 * The hard sigmoid of Keras 2 (tf.keras, tf_keras/backend.py `hard_sigmoid`) and TensorFlow.js
 * layers (tfjs-layers/src/backend/tfjs_backend.ts `hardSigmoid`): clip(0.2·x + 0.5, 0, 1), a
 * different line from PyTorch's and Keras 3's ReLU6(x + 3)/6 (slope 1/5, not 1/6; corners at
 * ±2.5, not ±3). Both frameworks clip with clip_by_value, whose gradient passes at the bounds
 * (tensorflow/python/ops/clip_ops.py: zero only where x < min or x > max;
 * tfjs-core/src/gradients/ClipByValue_grad.ts: x ≥ min and x ≤ max), so f'(±2.5) = 0.2.
 */
export const linearHardSigmoid = defineActivation({
  name: 'hard_sigmoid',
  label: 'Hard sigmoid',
  description: 'A piecewise-linear sigmoid: 0.2·x + 0.5 clipped to [0, 1] (Keras 2, TensorFlow.js layers)',
  formula: 'min(max(0.2·x + 0.5, 0), 1)',
  params: [],
  range: [-4, 4],
  kinks: () => [-2.5, 2.5],
  derivativeConvention: "f' = 0.2 from −2.5 to 2.5, the corners included (clip_by_value's gradient), else 0",
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  // (x + 2.5)/5 is 0.2x + 0.5 with 0.2 = 1/5 exactly, and x + 2.5 is exact near −2.5, where the
  // result is small, so it keeps its relative precision there.
  f: (x) => (x <= -2.5 ? 0 : x >= 2.5 ? 1 : (x + 2.5) / 5),
  df: (x) => (x >= -2.5 && x <= 2.5 ? 0.2 : 0),
});
