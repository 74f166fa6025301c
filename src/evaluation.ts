import type { Activation, Quantity } from './activations/activation.js';
import { resolveParams } from './activations/params.js';
import { resolveFunction } from './functions.js';
import { gridSpec } from './grid-spec.js';
import type { VectorFinish } from './math/vector-source.js';
import { compute, gridSlice, gridSource, linearGrid } from './sampling.js';
import { finishInterruptibly, yieldPoint } from './yield-point.js';

/** The input as a Float64Array, copied only when it is not one already (it is never written). */
function asDoubles(x: ArrayLike<number>): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
}

function prepare(name: string | Activation, params: Readonly<Record<string, number | string>> | undefined) {
  const activation = typeof name === 'string' ? resolveFunction(name) : name;
  return { activation, values: resolveParams(activation, params) };
}

/**
 * f over `x` by name or entry, with parameters checked and defaults filled in. For the softmax
 * family `x` is one vector.
 *
 *     evaluate('elu', [-1, 0, 1], { alpha: 0.5 })  // Float64Array [-0.316..., 0, 1]
 */
export function evaluate(
  name: string | Activation,
  x: ArrayLike<number>,
  params?: Readonly<Record<string, number | string>>,
): Float64Array {
  const { activation, values } = prepare(name, params);
  return compute(activation, asDoubles(x), values, 'value');
}

/** f' over `x`, with the conventions at kinks and jumps that `activ list --json` documents. */
export function derivative(
  name: string | Activation,
  x: ArrayLike<number>,
  params?: Readonly<Record<string, number | string>>,
): Float64Array {
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
export function tabulate(name: string | Activation, options: TableOptions): Table {
  const { activation, values } = prepare(name, options.params);
  const { from, to, samples } = gridSpec(activation, options);
  const x = linearGrid(from, to, samples);
  const y = compute(activation, x, values, 'value');
  return options.derivative ? { x, y, dy: compute(activation, x, values, 'derivative') } : { x, y };
}

/** What tabulate takes: the grid, the parameters, and whether to add f'. */
export interface TableOptions {
  readonly from: number;
  readonly to: number;
  readonly samples: number;
  readonly params?: Readonly<Record<string, number | string>>;
  readonly derivative?: boolean;
}

/**
 * The rows of tabulate(name, options), handed to `visit` a slice at a time (its arrays are reused:
 * copy what you keep), so ten million rows need a few MB however long the table. The softmax
 * family depends on the whole grid: its passes read the grid made again slice by slice
 * (gridSource), and then its rows come a slice at a time like the others'. The event loop gets a
 * turn between slices, so a long table can be interrupted. 8192 rows a slice: with 65,536 a
 * ten-million-row table peaked at 150 MiB, with 8192 at 125 (what V8 promotes to its old
 * generation between collections grows with the slice).
 */
export async function tabulateInSlices(
  name: string | Activation,
  options: TableOptions,
  visit: (rows: Table) => void | Promise<void>,
  sliceSize = 8_192,
): Promise<void> {
  const { activation, values } = prepare(name, options.params);
  const { from, to, samples } = gridSpec(activation, options);
  const outputs = async (quantity: Quantity): Promise<VectorFinish> => {
    if (!activation.vectorSteps)
      return (x, _start, out) => void compute(activation, x, values, quantity, out);
    return finishInterruptibly(activation.vectorSteps(gridSource(from, to, samples), values, quantity));
  };
  const valuesOf = await outputs('value');
  const derivativesOf = options.derivative ? await outputs('derivative') : undefined;
  const buffers = {
    x: new Float64Array(sliceSize),
    y: new Float64Array(sliceSize),
    dy: new Float64Array(sliceSize),
  };
  for (let start = 0; start < samples; start += sliceSize) {
    const end = Math.min(samples, start + sliceSize);
    const x = gridSlice(from, to, samples, start, end, buffers.x);
    const y = buffers.y.subarray(0, x.length);
    valuesOf(x, start, y);
    if (derivativesOf) {
      const dy = buffers.dy.subarray(0, x.length);
      derivativesOf(x, start, dy);
      await visit({ x, y, dy });
    } else await visit({ x, y });
    await yieldPoint();
  }
}
