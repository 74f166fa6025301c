import { kerasRelu } from './definitions/keras-relu.js';
import type { Flavor, FlavorFunction } from './flavor.js';
import { SELU_SCALE, TF_CELU, TF_CLIP, TF_HARD_SILU, TF_KERNELS } from './tensorflow-gradients.js';

// Keras 3's keras.activations (keras-team/keras: keras/src/activations/activations.py), whose ops
// each backend implements; the derivatives are those of TensorFlow, Keras 3's default backend
// (keras/src/backend/config.py), through keras/src/backend/tensorflow/nn.py.
const ACTIVATIONS = 'keras-team/keras: keras/src/activations/activations.py';
const TF_BACKEND = 'keras-team/keras: keras/src/backend/tensorflow/nn.py';

const same = (name: string, catalog = name, more: Partial<FlavorFunction> = {}): FlavorFunction => ({
  name,
  catalog,
  call: `keras.activations.${name}`,
  source: [ACTIVATIONS, TF_BACKEND],
  ...more,
});

export const kerasFlavor: Flavor = {
  name: 'keras',
  framework: 'Keras 3 (keras.activations), TensorFlow backend',
  gradients: "TensorFlow's registered gradients (Keras 3's default backend)",
  functions: [
    same('relu', 'relu', {
      definition: kerasRelu,
      params: [
        { name: 'negative_slope', sets: 'negative_slope', default: 0 },
        { name: 'max_value', sets: 'max_value', default: Infinity, defaultText: 'None' },
        { name: 'threshold', sets: 'threshold', default: 0 },
      ],
      source: [ACTIVATIONS, TF_BACKEND, TF_KERNELS, TF_CLIP],
    }),
    same('leaky_relu', 'leaky_relu', {
      params: [{ name: 'negative_slope', sets: 'negative_slope', default: 0.2 }],
      convention: "f'(0) = negative_slope (LeakyReluGrad: x > 0 ? 1 : negative_slope)",
    }),
    same('relu6', 'relu6', { convention: "f' = 0 at both corners, 0 and 6 (Relu6Grad)" }),
    same('elu', 'elu', {
      params: [{ name: 'alpha', sets: 'alpha', default: 1 }],
      convention: "f'(0) = alpha (EluGrad gives 1 at 0, times alpha for alpha ≠ 1)",
      source: [ACTIVATIONS, TF_BACKEND, TF_KERNELS],
    }),
    same('selu', 'selu', {
      derivativeAt: () => [{ x: 0, df: SELU_SCALE }],
      convention: "f'(0) = λ ≈ 1.0507, the right slope (SeluGrad: activations < 0 picks the left)",
      source: [ACTIVATIONS, TF_KERNELS],
    }),
    same('celu', 'celu', {
      params: [{ name: 'alpha', sets: 'alpha', default: 1 }],
      derivativeAt: () => [{ x: 0, df: 2 }],
      convention: "f'(0) = 2: tf.maximum(x, 0) and tf.minimum(x, 0) both pass the gradient at a tie",
      source: [ACTIVATIONS, TF_BACKEND, TF_CELU],
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
      note: 'keras.ops.gelu defaults to approximate=True, keras.activations.gelu to False',
    }),
    same('silu', 'silu', { aliases: ['swish'], fixed: { beta: 1 }, formula: 'x·σ(x)' }),
    same('sigmoid'),
    same('hard_sigmoid', 'hardsigmoid', {
      convention: "f' = 1/6 between −3 and 3, 0 at both corners (tf.nn.relu6)",
    }),
    same('hard_silu', 'hardswish', {
      aliases: ['hard_swish'],
      derivativeAt: () => [
        { x: -3, df: 0 },
        { x: 3, df: 1 },
      ],
      convention:
        "f'(−3) = 0 and f'(3) = 1: x·hard_sigmoid(x) by the product rule, relu6' = 0 at its corners",
      source: [ACTIVATIONS, TF_BACKEND, TF_HARD_SILU],
    }),
    same('log_sigmoid', 'logsigmoid'),
    same('sparse_sigmoid', 'sparse_sigmoid'),
    same('tanh'),
    same('hard_tanh', 'hardtanh', {
      fixed: { min_val: -1, max_val: 1 },
      formula: 'min(max(x, −1), 1)',
      derivativeAt: () => [
        { x: -1, df: 1 },
        { x: 1, df: 1 },
      ],
      convention: "f'(±1) = 1: clip_by_value's gradient passes at the bounds",
      source: [ACTIVATIONS, TF_BACKEND, TF_CLIP],
    }),
    same('softsign'),
    same('softplus', 'softplus', { fixed: { beta: 1 }, formula: 'log(1 + eˣ)' }),
    same('sparse_plus'),
    same('squareplus', 'squareplus', { params: [{ name: 'b', sets: 'b', default: 4 }] }),
    same('soft_shrink', 'softshrink', {
      params: [{ name: 'threshold', sets: 'lambda', default: 0.5 }],
      formula: 'x − threshold if x > threshold, x + threshold if x < −threshold, else 0',
    }),
    same('hard_shrink', 'hardshrink', {
      params: [{ name: 'threshold', sets: 'lambda', default: 0.5 }],
      formula: 'x if |x| > threshold, else 0',
    }),
    same('tanh_shrink', 'tanhshrink'),
    same('threshold', 'threshold', {
      params: [
        { name: 'threshold', sets: 'threshold', default: 0, note: 'required in Keras' },
        { name: 'default_value', sets: 'value', default: 0, note: 'required in Keras' },
      ],
      formula: 'x if x > threshold, else default_value',
      note: 'both parameters are required in Keras; activ takes 0 and 0 when none is given',
    }),
    same('exponential'),
    same('mish'),
    same('linear', 'identity'),
    same('softmax', 'softmax', { fixed: { temperature: 1 }, formula: 'e^(xᵢ) / Σⱼ e^(xⱼ)' }),
    same('log_softmax', 'log_softmax', { fixed: { temperature: 1 }, formula: 'xᵢ − log Σⱼ e^(xⱼ)' }),
    same('sparsemax'),
  ],
  unmapped: [{ name: 'glu', why: 'splits its input into two halves: not a function of one x' }],
};
