import { arraySource, finishArray, type VectorFinish, type VectorSource } from '../math/vector-source.js';
import { finishNow, type Steps } from '../yield-point.js';

/**
 * What an activation function is to activ: everything the CLI, the list, the README catalog and
 * the tests need to know about it, in one entry. Adding a function is one file that calls
 * `defineActivation` and one line in `catalog.ts`.
 */

/** A numeric parameter, e.g. ELU's alpha. Bounds are checked before any evaluation. */
export interface NumberParam<Name extends string = string> {
  readonly kind: 'number';
  readonly name: Name;
  readonly default: number;
  /** Short symbol for titles and legends, e.g. "α". */
  readonly symbol: string;
  readonly description: string;
  /** Allowed range; `exclusive` marks a bound the value may not equal. */
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  /** Other spellings accepted on the command line, e.g. leaky_relu's "alpha". */
  readonly aliases?: readonly string[];
}

/** A parameter that takes one of a few words, e.g. GELU's approximate = none | tanh. */
export interface ChoiceParam<Name extends string = string, Choice extends string = string> {
  readonly kind: 'choice';
  readonly name: Name;
  readonly default: Choice;
  readonly choices: readonly Choice[];
  readonly symbol: string;
  readonly description: string;
  readonly aliases?: readonly string[];
}

export type ParamSpec = NumberParam | ChoiceParam;

/** What to compute: the function itself or its derivative (for softmax, the Jacobian's diagonal). */
export type Quantity = 'value' | 'derivative';
export type ParamValue = number | string;
export type ParamValues = Readonly<Record<string, ParamValue>>;

type SpecFor<P> = {
  [K in keyof P & string]: P[K] extends number ? NumberParam<K> : ChoiceParam<K, P[K] & string>;
}[keyof P & string];

/**
 * An alias that also fixes parameters: Hugging Face's `gelu_new` is GELU with approximate = tanh.
 * Looked up by its name, it is the entry with those parameters set and no longer offered (asking
 * for `gelu_new --approximate none` is a mistake, not a wish), under its own name and label.
 */
export interface PresetAlias<P = Record<string, ParamValue>> {
  readonly name: string;
  readonly label: string;
  readonly params: Readonly<Partial<P>>;
  /** Where the name comes from, for the docs. */
  readonly source: string;
}

interface Common<P> {
  /** Canonical snake_case name. */
  readonly name: string;
  /** Display name for titles, e.g. "ELU". */
  readonly label: string;
  readonly aliases?: readonly (string | PresetAlias<P>)[];
  readonly description: string;
  /** The formula in plain Unicode text. */
  readonly formula: string;
  readonly params: readonly SpecFor<P>[];
  /** Default x range when the user gives none. */
  readonly range: readonly [number, number];
  /** x positions where f' jumps (corners); sampled exactly so corners stay sharp. */
  readonly kinks?: (p: P) => readonly number[];
  /** x positions where f itself jumps; the plot draws them as vertical steps. */
  readonly jumps?: (p: P) => readonly number[];
  /** A check across parameters; returns what is wrong, in words for the user. */
  readonly check?: (p: P) => string | undefined;
  /** How f' is defined where it does not exist (kinks, jumps), for the docs. */
  readonly derivativeConvention?: string;
}

/** f and f' of one x: the common case. */
export interface PointwiseDefinition<P> extends Common<P> {
  readonly f: (x: number, p: P) => number;
  readonly df: (x: number, p: P) => number;
  /**
   * Where f turns between falling and rising other than at a kink or jump (its smooth minima and
   * maxima), [] for nowhere: between these points, the kinks and the jumps, f is monotone. A
   * dense figure relies on it to evaluate only the two ends of most pixel columns
   * (figure/column-samples.ts), so it is required, and test/turning-points.test.ts checks it.
   */
  readonly turningPoints: (p: P) => readonly number[];
  /**
   * The same for f': where it turns other than at f's kinks and jumps (where f' jumps). `undefined`
   * where there are infinitely many (Snake's f' = 1 + sin 2αx is periodic): a figure then
   * evaluates every sample.
   */
  readonly derivativeTurningPoints: (p: P) => readonly number[] | undefined;
}

/**
 * f and f' over a whole vector (the softmax family): each output depends on every input, so on
 * the sampled grid as a whole. Each reads the vector in passes (its largest entry, a sum over
 * it, ...) and then returns the function from any slice of it to its outputs, so a table or an
 * eval of ten million entries need not hold them twice over (math/vector-source.ts). Written as
 * steps (generators that yield between slices, see yield-point.ts): over ten million points a
 * pass takes a few hundred ms, and the command line must stay interruptible meanwhile.
 */
export interface VectorDefinition<P> extends Common<P> {
  readonly overVector: true;
  readonly fVector: (x: VectorSource, p: P) => Steps<VectorFinish>;
  readonly dfVector: (x: VectorSource, p: P) => Steps<VectorFinish>;
}

/** The erased, uniform view of an entry that the rest of activ works with. */
export interface Activation {
  readonly name: string;
  readonly label: string;
  /** Every other name it is found by, preset aliases included. */
  readonly aliases: readonly string[];
  /** The aliases that fix parameters, e.g. gelu_new (approximate = tanh); see PresetAlias. */
  readonly presets: readonly PresetAlias[];
  readonly description: string;
  readonly formula: string;
  readonly params: readonly ParamSpec[];
  readonly range: readonly [number, number];
  /** True for the softmax family: values depend on the whole input vector. */
  readonly overVector: boolean;
  readonly derivativeConvention: string | undefined;
  /** The framework whose definition this is (src/flavors), for labels; absent for the catalog's own. */
  readonly flavor?: string;
  /**
   * Where f' jumps (kinks) and where f jumps. `within` is the x range being sampled: an
   * expression's are found inside it rather than listed; the catalog's entries ignore it.
   */
  kinks(p: ParamValues, within?: readonly [number, number]): readonly number[];
  jumps(p: ParamValues, within?: readonly [number, number]): readonly number[];
  check(p: ParamValues): string | undefined;
  /**
   * Where f (or f') turns other than at kinks and jumps (see PointwiseDefinition); undefined over
   * a vector, or where there are too many to list (a periodic f').
   */
  turningPoints(p: ParamValues, quantity: Quantity): readonly number[] | undefined;
  /** f over x, into `out` (allocated when not given). Parameters must be complete and valid. */
  evaluate(x: Float64Array, p: ParamValues, out?: Float64Array): Float64Array;
  /** f' over x; for the softmax family the diagonal of the Jacobian. */
  derivative(x: Float64Array, p: ParamValues, out?: Float64Array): Float64Array;
  /**
   * evaluate or derivative as steps, for long vectors that must stay interruptible: the softmax
   * family's passes yield now and then; a pointwise entry is one step (its callers slice it).
   */
  computeSteps(x: Float64Array, p: ParamValues, quantity: Quantity, out?: Float64Array): Steps<Float64Array>;
  /**
   * Over a vector (the softmax family, `overVector`): the passes f or f' makes over `source`, as
   * steps, ending in the function from its slices to their outputs. Absent for pointwise entries.
   */
  readonly vectorSteps?: (source: VectorSource, p: ParamValues, quantity: Quantity) => Steps<VectorFinish>;
}

/**
 * The pointwise loop, and the first half of the rule for non-finite input (README, "NaN,
 * infinities and signed zeros"): NaN in gives NaN out, for every entry, value and derivative
 * alike, here once rather than in each formula (where a comparison such as x > 0 would quietly
 * turn NaN into 0). The limits at ±∞ are each formula's own business.
 */
function pointwise<P>(fn: (x: number, p: P) => number) {
  // A generator only in form (one step): vector and pointwise entries then share one shape.
  // eslint-disable-next-line require-yield
  return function* (x: Float64Array, p: P, out: Float64Array): Steps {
    for (let i = 0; i < x.length; i++) {
      const v = x[i]!;
      out[i] = v === v ? fn(v, p) : v;
    }
  };
}

/** A vector function over an array held in memory, into `out`. */
function overArray<P>(fn: (x: VectorSource, p: P) => Steps<VectorFinish>) {
  return function* (x: Float64Array, p: P, out: Float64Array): Steps {
    finishArray(yield* fn(arraySource(x), p), x, out);
  };
}

function describePreset(preset: PresetAlias): string {
  const params = Object.entries(preset.params)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  return `${preset.name} is ${params} (${preset.source})`;
}

export function defineActivation<P extends Record<string, ParamValue> = Record<string, never>>(
  def: PointwiseDefinition<P> | VectorDefinition<P>,
): Activation {
  const overVector = 'overVector' in def;
  const f = 'overVector' in def ? overArray(def.fVector) : pointwise(def.f);
  const df = 'overVector' in def ? overArray(def.dfVector) : pointwise(def.df);
  // The public view takes loose ParamValues; the CLI and library validate them against
  // `params` (see params.ts) before they reach here, so the cast only restores the entry's type.
  const typed = (p: ParamValues) => p as unknown as P;
  const presets = (def.aliases ?? []).filter(
    (a): a is PresetAlias<P> => typeof a !== 'string',
  ) as readonly PresetAlias[];
  const presetNote = presets.length === 0 ? '' : `; ${presets.map(describePreset).join('; ')}`;
  return {
    name: def.name,
    label: def.label,
    aliases: (def.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.name)),
    presets,
    description: def.description + presetNote,
    formula: def.formula,
    params: def.params,
    range: def.range,
    overVector,
    derivativeConvention: def.derivativeConvention,
    kinks: (p) => def.kinks?.(typed(p)) ?? [],
    jumps: (p) => def.jumps?.(typed(p)) ?? [],
    check: (p) => def.check?.(typed(p)),
    turningPoints: (p, quantity) => {
      if ('overVector' in def) return undefined;
      return quantity === 'value' ? def.turningPoints(typed(p)) : def.derivativeTurningPoints(typed(p));
    },
    evaluate(x, p, out = new Float64Array(x.length)) {
      finishNow(f(x, typed(p), out));
      return out;
    },
    derivative(x, p, out = new Float64Array(x.length)) {
      finishNow(df(x, typed(p), out));
      return out;
    },
    *computeSteps(x, p, quantity, out = new Float64Array(x.length)) {
      yield* (quantity === 'value' ? f : df)(x, typed(p), out);
      return out;
    },
    ...('overVector' in def
      ? {
          vectorSteps: (source: VectorSource, p: ParamValues, quantity: Quantity) =>
            (quantity === 'value' ? def.fVector : def.dfVector)(source, typed(p)),
        }
      : {}),
  };
}

/**
 * The entry as a preset alias shows it: its own name and label, the preset parameters fixed
 * (and no longer accepted), everything else the entry's.
 */
export function withPreset(activation: Activation, preset: PresetAlias): Activation {
  const fixed = preset.params as ParamValues;
  const full = (p: ParamValues): ParamValues => ({ ...p, ...fixed });
  const described = Object.entries(fixed)
    .map(([k, v]) => `${k} = ${v}`)
    .join(', ');
  return {
    ...activation,
    name: preset.name,
    label: preset.label,
    aliases: [],
    presets: [],
    description: `${activation.name} with ${described} (${preset.source})`,
    params: activation.params.filter((p) => !(p.name in fixed)),
    kinks: (p, within) => activation.kinks(full(p), within),
    jumps: (p, within) => activation.jumps(full(p), within),
    check: (p) => activation.check(full(p)),
    turningPoints: (p, quantity) => activation.turningPoints(full(p), quantity),
    evaluate: (x, p, out) => activation.evaluate(x, full(p), out),
    derivative: (x, p, out) => activation.derivative(x, full(p), out),
    computeSteps: (x, p, quantity, out) => activation.computeSteps(x, full(p), quantity, out),
    ...(activation.vectorSteps
      ? {
          vectorSteps: (source: VectorSource, p: ParamValues, quantity: Quantity) =>
            activation.vectorSteps!(source, full(p), quantity),
        }
      : {}),
  };
}
