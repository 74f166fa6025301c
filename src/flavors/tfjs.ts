import { linearHardSigmoid } from './definitions/linear-hard-sigmoid.js';
import { tfjsStep } from './definitions/tfjs-step.js';
import type { Flavor, FlavorFunction } from './flavor.js';

// TensorFlow.js: the tfjs-core op where there is one (tf.relu, tf.leakyRelu, tf.step, ...), else
// the tfjs-layers activation of that name ('hard_sigmoid', 'softsign', 'gelu', ...); derivatives
// are tf.grad's, from the gradients registered in tfjs-core/src/gradients.
const repo = 'tensorflow/tfjs';
const op = (file: string) => `${repo}: tfjs-core/src/ops/${file}.ts`;
const grad = (kernel: string) => `${repo}: tfjs-core/src/gradients/${kernel}_grad.ts`;
const LAYERS = `${repo}: tfjs-layers/src/activations.ts`;
const LAYERS_BACKEND = `${repo}: tfjs-layers/src/backend/tfjs_backend.ts`;

const core = (
  name: string,
  catalog: string,
  file: string,
  kernel: string,
  more: Partial<FlavorFunction> = {},
) =>
  ({ name, catalog, call: `tf.${name}`, source: [op(file), grad(kernel)], ...more }) satisfies FlavorFunction;

const layer = (name: string, catalog: string, more: Partial<FlavorFunction> = {}) =>
  ({
    name,
    catalog,
    call: `tf.layers.activation({activation: '${name}'})`,
    source: [LAYERS],
    ...more,
  }) satisfies FlavorFunction;

export const tfjsFlavor: Flavor = {
  name: 'tfjs',
  framework: 'TensorFlow.js 4 (tfjs-core ops, tfjs-layers activations)',
  gradients: 'tf.grad, with the gradients registered in tfjs-core/src/gradients',
  functions: [
    core('relu', 'relu', 'relu', 'Relu', { convention: "relu'(0) = 0 (step(x))" }),
    core('relu6', 'relu6', 'relu6', 'Relu6', {
      derivativeAt: () => [{ x: 6, df: 1 }],
      convention: "f'(0) = 0 but f'(6) = 1 (lessEqual(x, 6)·step(x))",
      note: "the layers' 'relu6' is minimum(6, relu(x)), whose f'(6) is 0",
    }),
    core('leakyRelu', 'leaky_relu', 'leaky_relu', 'LeakyRelu', {
      params: [{ name: 'alpha', sets: 'negative_slope', default: 0.2 }],
      formula: 'x if x ≥ 0, else alpha·x',
      convention: "f'(0) = alpha (where(x > 0, dy, alpha·dy))",
      note: 'the LeakyReLU layer defaults to alpha = 0.3',
    }),
    core('prelu', 'prelu', 'prelu', 'Prelu', {
      params: [{ name: 'alpha', sets: 'alpha', default: 0.25, note: 'required in TensorFlow.js' }],
      convention: "f'(0) = alpha (where(x > 0, dy, alpha·dy))",
      note: 'alpha is a required tensor in tf.prelu; activ takes 0.25 when none is given',
    }),
    core('elu', 'elu', 'elu', 'Elu', {
      fixed: { alpha: 1 },
      formula: 'x if x > 0, else eˣ − 1',
      convention: "f'(0) = 1 (EluGrad: y ≥ 0 ? 1 : y + 1)",
      source: [op('elu'), `${repo}: tfjs-backend-cpu/src/kernels/EluGrad.ts`],
      note: "the layers' elu throws for alpha ≠ 1",
    }),
    core('selu', 'selu', 'selu', 'Selu'),
    core('sigmoid', 'sigmoid', 'sigmoid', 'Sigmoid'),
    core('logSigmoid', 'logsigmoid', 'log_sigmoid', 'LogSigmoid', { source: [op('log_sigmoid')] }),
    core('tanh', 'tanh', 'tanh', 'Tanh'),
    core('softplus', 'softplus', 'softplus', 'Softplus', { fixed: { beta: 1 }, formula: 'log(1 + eˣ)' }),
    core('step', 'binary_step', 'step', 'Step', {
      definition: tfjsStep,
      source: [op('step'), `${repo}: tfjs-backend-cpu/src/kernels/Step.ts`, grad('Step')],
    }),
    core('softmax', 'softmax', 'softmax', 'Softmax', {
      fixed: { temperature: 1 },
      formula: 'e^(xᵢ) / Σⱼ e^(xⱼ)',
      source: [op('softmax')],
    }),
    core('logSoftmax', 'log_softmax', 'log_softmax', 'LogSoftmax', {
      fixed: { temperature: 1 },
      formula: 'xᵢ − log Σⱼ e^(xⱼ)',
      source: [op('log_softmax')],
    }),
    // 'hardSigmoid' is the identifier tfjs-layers registers; 'hard_sigmoid' is the Keras spelling it
    // reads from saved Keras models (tfjs-layers/src/keras_format/activation_config.ts).
    layer('hardSigmoid', 'hardsigmoid', {
      aliases: ['hard_sigmoid'],
      definition: linearHardSigmoid,
      source: [LAYERS, LAYERS_BACKEND, grad('ClipByValue')],
    }),
    layer('softsign', 'softsign', { source: [LAYERS, LAYERS_BACKEND] }),
    layer('gelu', 'gelu', { fixed: { approximate: 'none' }, formula: 'x·Φ(x) = ½x·(1 + erf(x/√2))' }),
    layer('gelu_new', 'gelu', {
      fixed: { approximate: 'tanh' },
      formula: '½x·(1 + tanh(√(2/π)·(x + 0.044715x³)))',
    }),
    layer('mish', 'mish'),
    layer('swish', 'silu', { fixed: { beta: 1 }, formula: 'x·σ(x)' }),
    layer('linear', 'identity'),
  ],
  unmapped: [],
};
