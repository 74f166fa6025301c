import type { Activation, ParamValues, Quantity } from './activations/activation.js';
import { resolveParams } from './activations/params.js';
import { getActivation } from './activations/registry.js';
import { linearGrid } from './sampling.js';

function compute(activation: Activation, x: Float64Array, params: ParamValues, quantity: Quantity): Float64Array {
  return quantity === 'value' ? activation.evaluate(x, params) : activation.derivative(x, params);
}

function prepare(name: string | Activation, params: Readonly<Record<string, number | string>> | undefined) {
  const activation = typeof name === 'string' ? getActivation(name) : name;
  return { activation, values: resolveParams(activation, params) };
}

/**
 * f over `x` by name or entry, with parameters checked and defaults filled in. For the softmax
 * family `x` is one vector.
 *
 *     evaluate('elu', [-1, 0, 1], { alpha: 0.5 })  // Float64Array [-0.316..., 0, 1]
 */
export function evaluate(name: string | Activation, x: ArrayLike<number>, params?: Readonly<Record<string, number | string>>): Float64Array {
  const { activation, values } = prepare(name, params);
  return compute(activation, Float64Array.from(x), values, 'value');
}

/** f' over `x`, with the conventions at kinks and jumps that `activ list --json` documents. */
export function derivative(name: string | Activation, x: ArrayLike<number>, params?: Readonly<Record<string, number | string>>): Float64Array {
  const { activation, values } = prepare(name, params);
  return compute(activation, Float64Array.from(x), values, 'derivative');
}

export interface Table {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Present when the derivative was asked for. */
  readonly dy?: Float64Array;
}

/** f (and f') on `samples` evenly spaced points from..to, ends included: the data behind a plot. */
export function tabulate(
  name: string | Activation,
  options: { from: number; to: number; samples: number; params?: Readonly<Record<string, number | string>>; derivative?: boolean },
): Table {
  const { activation, values } = prepare(name, options.params);
  const x = linearGrid(options.from, options.to, options.samples);
  const y = compute(activation, x, values, 'value');
  return options.derivative ? { x, y, dy: compute(activation, x, values, 'derivative') } : { x, y };
}
