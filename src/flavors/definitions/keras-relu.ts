import { defineActivation } from '../../activations/activation.js';

type KerasReluParams = {
  negative_slope: number;
  /** Infinity for Keras' None: no cap. */
  max_value: number;
  threshold: number;
};

/**
 * Keras's relu with its three parameters together, as keras.src.activations.activations.ReLU
 * .static_call computes it (keras-team/keras: keras/src/activations/activations.py; tf.keras's
 * tf_keras/backend.py `relu` is the same with `alpha` for negative_slope):
 *
 *     x > threshold ? x : 0, clipped to [0, max_value] when max_value is given,
 *     minus negative_slope·relu(threshold − x).
 *
 * So f = negative_slope·(x − threshold) below the threshold, 0 at it, and x (capped) above: with
 * a threshold other than 0 the function jumps there. The derivative is TensorFlow's (Keras 3's
 * default backend), path by path as static_call takes them: tf.nn.leaky_relu when only the slope
 * is set (f'(0) = negative_slope, LeakyReluGrad), tf.nn.relu6 for max_value = 6 without a
 * threshold (0 at both corners, Relu6Grad), tf.nn.relu otherwise (0 at 0, ReluGrad), the where()
 * for a threshold (0 at it), and clip_by_value for a cap, whose gradient passes at the bound
 * (tensorflow/python/ops/clip_ops.py), so f'(max_value) = 1 for any cap but 6
 * (tensorflow/core/kernels/relu_op_functor.h for the kernels).
 */
export const kerasRelu = defineActivation<KerasReluParams>({
  name: 'relu',
  label: 'ReLU',
  description: "Keras's relu: a leaky slope below a threshold, the identity above it, and an optional cap",
  formula:
    'negative_slope·(x − threshold) if x < threshold, 0 at it, else min(x, max_value) (≥ 0 when capped)',
  params: [
    {
      kind: 'number',
      name: 'negative_slope',
      default: 0,
      symbol: 'α',
      description: 'slope below the threshold',
    },
    {
      kind: 'number',
      name: 'max_value',
      default: Infinity,
      symbol: 'max',
      description: 'the cap (None: no cap)',
      min: 0,
      minExclusive: true,
    },
    {
      kind: 'number',
      name: 'threshold',
      default: 0,
      symbol: 'θ',
      description: 'below it the slope is negative_slope; at it f = 0',
    },
  ],
  range: [-5, 5],
  jumps: (p) => (jumpsAtThreshold(p) ? [p.threshold] : []),
  kinks: (p) => {
    const candidates = [0, p.threshold, ...(Number.isFinite(p.max_value) ? [p.max_value] : [])];
    return [...new Set(candidates)].filter((k) => !(k === p.threshold && jumpsAtThreshold(p)));
  },
  derivativeConvention:
    "TensorFlow's gradients: f'(0) = negative_slope with the slope alone (leaky_relu), else 0 at the " +
    'threshold; 0 at both corners of max_value = 6 (relu6), 1 at any other cap (clip_by_value)',
  turningPoints: () => [],
  derivativeTurningPoints: () => [],
  f: (x, p) => {
    const { negative_slope: slope, max_value: cap, threshold } = p;
    if (x < threshold) {
      if (slope === 0) return 0;
      const d = x - threshold;
      // x − threshold beyond the doubles (−1.7e308 − 1e308): each product is still finite.
      return Number.isFinite(d) ? slope * d : slope * x - slope * threshold;
    }
    const y = x > threshold ? x : 0;
    return Number.isFinite(cap) ? Math.min(Math.max(y, 0), cap) : y;
  },
  df: (x, p) => {
    const { negative_slope: slope, max_value: cap, threshold } = p;
    const capped = Number.isFinite(cap);
    if (slope !== 0 && !capped && threshold === 0) return x > 0 ? 1 : slope;
    const below = slope !== 0 && x < threshold ? slope : 0;
    if (threshold === 0 && cap === 6) return (x > 0 && x < 6 ? 1 : 0) + below;
    if (!(x > threshold)) return below;
    return !capped || (x >= 0 && x <= cap) ? 1 : 0;
  },
});

/** Whether f jumps at the threshold: from 0 (its value there) to the capped threshold above. */
function jumpsAtThreshold({ max_value: cap, threshold }: KerasReluParams): boolean {
  if (threshold === 0) return false;
  const above = Number.isFinite(cap) ? Math.min(Math.max(threshold, 0), cap) : threshold;
  return above !== 0;
}
