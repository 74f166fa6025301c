import { kerasRelu } from './definitions/keras-relu.js';
import { linearHardSigmoid } from './definitions/linear-hard-sigmoid.js';
import type { Flavor, FlavorFunction } from './flavor.js';
import { SELU_SCALE, TF_CLIP, TF_KERNELS } from './tensorflow-gradients.js';

// Keras 2 as tf.keras and the tf-keras package (keras-team/tf-keras: tf_keras/activations.py and
// tf_keras/backend.py), on TensorFlow, whose gradients give the derivatives.
const ACTIVATIONS = 'keras-team/tf-keras: tf_keras/activations.py';
const BACKEND = 'keras-team/tf-keras: tf_keras/backend.py';
const TF_NN = 'tensorflow/tensorflow: tensorflow/python/ops/nn_ops.py';
const TF_NN_IMPL = 'tensorflow/tensorflow: tensorflow/python/ops/nn_impl.py';

const same = (name: string, catalog = name, more: Partial<FlavorFunction> = {}): FlavorFunction => ({
  name,
  catalog,
  call: `tf.keras.activations.${name}`,
  source: [ACTIVATIONS],
  ...more,
});

export const tfKerasFlavor: Flavor = {
  name: 'tf-keras',
  framework: 'Keras 2 (tf.keras, the tf-keras package)',
  gradients: "TensorFlow's registered gradients",
  functions: [
    same('relu', 'relu', {
      definition: kerasRelu,
      params: [
        { name: 'alpha', sets: 'negative_slope', default: 0 },
        { name: 'max_value', sets: 'max_value', default: Infinity, defaultText: 'None' },
        { name: 'threshold', sets: 'threshold', default: 0 },
      ],
      formula: 'alpha·(x − threshold) if x < threshold, 0 at it, else min(x, max_value) (≥ 0 when capped)',
      source: [ACTIVATIONS, BACKEND, TF_KERNELS, TF_CLIP],
    }),
    same('leaky_relu', 'leaky_relu', {
      call: 'tf.nn.leaky_relu (tf.keras.activations.leaky_relu)',
      params: [{ name: 'alpha', sets: 'negative_slope', default: 0.2 }],
      formula: 'x if x ≥ 0, else alpha·x',
      convention: "f'(0) = alpha (LeakyReluGrad: x > 0 ? 1 : alpha)",
      source: [ACTIVATIONS, TF_NN, TF_KERNELS],
      note: 'the LeakyReLU layer defaults to alpha = 0.3',
    }),
    same('relu6', 'relu6', { call: 'tf.nn.relu6', source: [ACTIVATIONS, TF_KERNELS] }),
    same('elu', 'elu', {
      params: [{ name: 'alpha', sets: 'alpha', default: 1 }],
      convention: "f'(0) = alpha (EluGrad gives 1 at 0, times alpha for alpha ≠ 1)",
      source: [ACTIVATIONS, BACKEND, TF_KERNELS],
    }),
    same('selu', 'selu', {
      derivativeAt: () => [{ x: 0, df: SELU_SCALE }],
      convention: "f'(0) = λ ≈ 1.0507, the right slope (SeluGrad: activations < 0 picks the left)",
      source: [ACTIVATIONS, TF_KERNELS],
    }),
    same('gelu', 'gelu', {
      params: [
        {
          name: 'approximate',
          sets: 'approximate',
          default: 'false',
          choices: { false: 'none', true: 'tanh' },
        },
      ],
      formula: 'x·Φ(x); with approximate=true, ½x·(1 + tanh(√(2/π)·(x + 0.044715x³)))',
    }),
    same('swish', 'silu', { fixed: { beta: 1 }, formula: 'x·σ(x)' }),
    same('silu', 'silu', {
      call: 'tf.nn.silu (tf.keras.activations.silu)',
      params: [{ name: 'beta', sets: 'beta', default: 1 }],
      source: [ACTIVATIONS, TF_NN_IMPL],
    }),
    same('sigmoid'),
    same('hard_sigmoid', 'hardsigmoid', {
      definition: linearHardSigmoid,
      source: [ACTIVATIONS, BACKEND, TF_CLIP],
      note: 'Keras 3 changed it to relu6(x + 3)/6, as PyTorch',
    }),
    same('tanh'),
    same('softsign'),
    same('softplus', 'softplus', { fixed: { beta: 1 }, formula: 'log(1 + eˣ)' }),
    same('exponential'),
    same('mish'),
    same('linear', 'identity'),
    same('softmax', 'softmax', { fixed: { temperature: 1 }, formula: 'e^(xᵢ) / Σⱼ e^(xⱼ)' }),
    same('log_softmax', 'log_softmax', {
      call: 'tf.nn.log_softmax (tf.keras.activations.log_softmax)',
      fixed: { temperature: 1 },
      formula: 'xᵢ − log Σⱼ e^(xⱼ)',
    }),
  ],
  unmapped: [],
};
