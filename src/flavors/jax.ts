import type { Flavor, FlavorFunction } from './flavor.js';

// jax.nn (jax-ml/jax: jax/_src/nn/functions.py). Derivatives are JAX's own: custom_jvp rules for
// relu and relu6, the branch jnp.where selects, and for jnp.maximum/jnp.minimum (and jnp.clip,
// written with them) half the gradient to each side at a tie (jax/_src/lax/lax.py, _balanced_eq).
const FUNCTIONS = 'jax-ml/jax: jax/_src/nn/functions.py';
const LAX = 'jax-ml/jax: jax/_src/lax/lax.py';
const CLIP = 'jax-ml/jax: jax/_src/numpy/lax_numpy.py';

const same = (name: string, catalog = name, more: Partial<FlavorFunction> = {}): FlavorFunction => ({
  name,
  catalog,
  call: `jax.nn.${name}`,
  source: [FUNCTIONS],
  ...more,
});

export const jaxFlavor: Flavor = {
  name: 'jax',
  framework: 'JAX (jax.nn)',
  gradients: "JAX's JVP rules (jax.grad)",
  functions: [
    same('relu', 'relu', { convention: "relu'(0) = 0 (its custom_jvp)" }),
    same('relu6', 'relu6', { convention: "f' = 0 at 0 and at 6 (its custom_jvp)" }),
    same('leaky_relu', 'leaky_relu', {
      params: [{ name: 'negative_slope', sets: 'negative_slope', default: 0.01 }],
      derivativeAt: () => [{ x: 0, df: 1 }],
      convention: "f'(0) = 1: jnp.where(x >= 0, x, negative_slope·x) takes the x branch at 0",
    }),
    same('elu', 'elu', {
      params: [{ name: 'alpha', sets: 'alpha', default: 1 }],
      convention: "f'(0) = alpha: jnp.where(x > 0, ...) takes the exponential branch at 0",
    }),
    same('celu', 'celu', {
      params: [{ name: 'alpha', sets: 'alpha', default: 1 }],
      convention: "f'(0) = 1: jnp.maximum and jnp.minimum each give half at the tie, ½ + ½·e⁰",
      source: [FUNCTIONS, LAX],
    }),
    same('selu', 'selu', { convention: "f'(0) = λ·α, the left slope (scale·elu)" }),
    same('gelu', 'gelu', {
      params: [
        {
          name: 'approximate',
          sets: 'approximate',
          default: 'true',
          choices: { false: 'none', true: 'tanh' },
        },
      ],
      formula: '½x·(1 + tanh(√(2/π)·(x + 0.044715x³))); with approximate=false, x·Φ(x)',
    }),
    same('silu', 'silu', { aliases: ['swish'], fixed: { beta: 1 }, formula: 'x·σ(x)' }),
    same('sigmoid'),
    same('log_sigmoid', 'logsigmoid'),
    same('hard_sigmoid', 'hardsigmoid', { convention: "f' = 0 at both corners, ±3 (relu6's custom_jvp)" }),
    same('hard_silu', 'hardswish', {
      aliases: ['hard_swish'],
      derivativeAt: () => [
        { x: -3, df: 0 },
        { x: 3, df: 1 },
      ],
      convention:
        "f'(−3) = 0 and f'(3) = 1: x·hard_sigmoid(x) by the product rule, relu6' = 0 at its corners",
    }),
    same('hard_tanh', 'hardtanh', {
      fixed: { min_val: -1, max_val: 1 },
      formula: 'min(max(x, −1), 1)',
      derivativeAt: () => [
        { x: -1, df: 1 },
        { x: 1, df: 1 },
      ],
      convention: "f'(±1) = 1: jnp.where(x > 1, 1, jnp.where(x < −1, −1, x)) takes the x branch there",
    }),
    same('sparse_sigmoid', 'sparse_sigmoid', {
      derivativeAt: () => [
        { x: -1, df: 0.25 },
        { x: 1, df: 0.25 },
      ],
      convention: "f'(±1) = 1/4: 0.5·jnp.clip(x + 1, 0, 2), and jnp.clip gives half the gradient at a bound",
      source: [FUNCTIONS, CLIP, LAX],
    }),
    same('soft_sign', 'softsign'),
    same('softplus', 'softplus', { fixed: { beta: 1 }, formula: 'log(1 + eˣ)' }),
    same('sparse_plus', 'sparse_plus'),
    same('squareplus', 'squareplus', { params: [{ name: 'b', sets: 'b', default: 4 }] }),
    same('mish'),
    same('tanh', 'tanh', { call: 'jax.nn.tanh (jax.numpy.tanh)' }),
    same('identity'),
    same('softmax', 'softmax', { fixed: { temperature: 1 }, formula: 'e^(xᵢ) / Σⱼ e^(xⱼ)' }),
    same('log_softmax', 'log_softmax', { fixed: { temperature: 1 }, formula: 'xᵢ − log Σⱼ e^(xⱼ)' }),
  ],
  unmapped: [{ name: 'glu', why: 'splits its input into two halves: not a function of one x' }],
};
