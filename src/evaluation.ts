import type { Activation } from './activations/activation.js';
import { resolveParams } from './activations/params.js';
import { getActivation } from './activations/registry.js';
import { compute, linearGrid } from './sampling.js';

/** The input as a Float64Array, copied only when it is not one already (it is never written). */
function asDoubles(x: ArrayLike<number>): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
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
  return compute(activation, asDoubles(x), values, 'value');
}

/** f' over `x`, with the conventions at kinks and jumps that `activ list --json` documents. */
export function derivative(name: string | Activation, x: ArrayLike<number>, params?: Readonly<Record<string, number | string>>): Float64Array {
  const { activation, values } = prepare(name, params);
  return compute(activation, asDoubles(x), values, 'derivative');
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
