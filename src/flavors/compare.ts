import type { Activation, ParamValues } from '../activations/activation.js';
import { resolveParams } from '../activations/params.js';
import { findActivation } from '../activations/registry.js';
import type { FlavoredActivation } from './flavor.js';

/** What sets a flavor's function apart from activ's catalog entry, at the defaults of each. */
export interface Difference {
  /** Other defaults for the same formula (Keras' leaky_relu slope 0.2). */
  readonly defaults: boolean;
  /** Another function at the defaults, not from the defaults alone (tf.keras's hard_sigmoid). */
  readonly definition: boolean;
  /** The same f, another f' at a kink or jump (JAX's leaky_relu'(0) = 1). */
  readonly derivative: boolean;
}

function grid(a: Activation, b: Activation, pa: ParamValues, pb: ParamValues): Float64Array {
  const from = Math.min(a.range[0], b.range[0]) - 1;
  const to = Math.max(a.range[1], b.range[1]) + 1;
  const special = [...a.kinks(pa), ...a.jumps(pa), ...b.kinks(pb), ...b.jumps(pb)];
  const points = [...special, ...special.map((s) => s - 1e-3), ...special.map((s) => s + 1e-3)];
  for (let i = 0; i <= 400; i++) points.push(from + ((to - from) * i) / 400);
  return Float64Array.from(points.filter(Number.isFinite).sort((p, q) => p - q));
}

function same(a: Float64Array, b: Float64Array): boolean {
  return a.every((v, i) => {
    const w = b[i]!;
    return Object.is(v, w) || v === w || Math.abs(v - w) <= 1e-12 * Math.max(Math.abs(v), Math.abs(w));
  });
}

/**
 * Found by evaluating both, not declared: f and f' at the defaults, on a grid over both ranges
 * and at every kink and jump of either (so a convention at one point shows), compared to the
 * last bits.
 */
export function differenceFromCatalog(activation: FlavoredActivation): Difference {
  const entry = findActivation(activation.spec.catalog);
  if (!entry) throw new Error(`no catalog entry ${activation.spec.catalog}`);
  const theirs = resolveParams(activation);
  const ours = resolveParams(entry);
  const x = grid(activation, entry, theirs, ours);
  const fSame = same(activation.evaluate(x, theirs), entry.evaluate(x, ours));
  const dfSame = same(activation.derivative(x, theirs), entry.derivative(x, ours));
  if (fSame) return { defaults: false, definition: false, derivative: !dfSame };
  // Same code, other parameters: whether the catalog entry at the flavor's parameters is the flavor.
  const base = activation.baseParams(theirs);
  const fromDefaults =
    activation.spec.definition === undefined &&
    same(activation.evaluate(x, theirs), entry.evaluate(x, base)) &&
    // A parameter the framework offers with another default; one it fixes is part of its definition.
    Object.keys(base).some((k) => base[k] !== ours[k] && !(k in (activation.spec.fixed ?? {})));
  return { defaults: fromDefaults, definition: !fromDefaults, derivative: false };
}
