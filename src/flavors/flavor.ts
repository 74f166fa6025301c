import type {
  Activation,
  ChoiceParam,
  NumberParam,
  ParamSpec,
  ParamValue,
  ParamValues,
  Quantity,
} from '../activations/activation.js';
import { findActivation } from '../activations/registry.js';
import type { VectorFinish, VectorSource } from '../math/vector-source.js';
import type { Steps } from '../yield-point.js';

/**
 * A framework's view of the catalog: the same name can mean a different function in PyTorch,
 * Keras, tf.keras, TensorFlow.js and JAX (other defaults, another formula, another derivative at
 * a kink). A flavor lists each function the framework has under its own name, mapped to the
 * catalog entry it is, with only what differs written down; `flavoredActivation` turns that into
 * an Activation the rest of activ uses like any other.
 */
export const FLAVOR_NAMES = ['torch', 'keras', 'tf-keras', 'tfjs', 'jax'] as const;
export type FlavorName = (typeof FLAVOR_NAMES)[number];

/** One of the framework's parameters, as it names it, and the catalog parameter it sets. */
export interface FlavorParam {
  readonly name: string;
  /** The catalog entry's (or the own definition's) parameter it sets. */
  readonly sets: string;
  readonly default: ParamValue;
  /** For a choice: each of the framework's words and the catalog's choice it means. */
  readonly choices?: Readonly<Record<string, string>>;
  /** The default as the framework writes it where that is no number, e.g. Keras' max_value=None. */
  readonly defaultText?: string;
  /** Other spellings the command line accepts (the catalog's own, for torch). */
  readonly aliases?: readonly string[];
  /** What the framework says about it that activ cannot keep, e.g. "required: no default". */
  readonly note?: string;
}

/** f'(x) at one point where the framework's convention is not the catalog's. */
export interface DerivativeAt {
  readonly x: number;
  readonly df: number;
}

/** One function of a framework, as the framework defines it. */
export interface FlavorFunction {
  /** The framework's name for it: 'hard_sigmoid', 'leakyRelu'. */
  readonly name: string;
  /** Other names the framework gives the same function ('swish' for silu). */
  readonly aliases?: readonly string[];
  /** The catalog entry it is (for a different definition: the one it stands in for). */
  readonly catalog: string;
  /** How the framework is called: 'keras.activations.leaky_relu', 'tf.step'. */
  readonly call: string;
  /** Where the definition (and the gradient at kinks) was read: "owner/repo: path", one or more. */
  readonly source: readonly string[];
  /** The framework's parameters; without this, the catalog entry's, as they are. */
  readonly params?: readonly FlavorParam[];
  /** Catalog parameters the framework does not take, at the value it implies (softmax's temperature 1). */
  readonly fixed?: Readonly<Record<string, ParamValue>>;
  /** Where the framework's formula is not the catalog's: exact code of its own (src/flavors/definitions). */
  readonly definition?: Activation;
  /** f' at the kinks where the framework differs from the catalog, given the catalog's parameters. */
  readonly derivativeAt?: (p: ParamValues) => readonly DerivativeAt[];
  /** f' at kinks and jumps in words, where it is not the catalog entry's own. */
  readonly convention?: string;
  /** The formula in the framework's parameter names, where it is not the catalog entry's. */
  readonly formula?: string;
  readonly note?: string;
}

/** A function the framework has and the catalog does not, and why. */
export interface Unmapped {
  readonly name: string;
  readonly why: string;
}

export interface Flavor {
  readonly name: FlavorName;
  /** The framework and version the sources were read at, for the docs. */
  readonly framework: string;
  /** How derivatives are taken, e.g. "TensorFlow's registered gradients (Keras 3's default backend)". */
  readonly gradients: string;
  readonly functions: readonly FlavorFunction[];
  readonly unmapped: readonly Unmapped[];
}

/** A flavor's function, ready to evaluate: an Activation, with where it came from. */
export interface FlavoredActivation extends Activation {
  readonly flavor: FlavorName;
  readonly spec: FlavorFunction;
  /** The catalog (or own-definition) parameters these flavor parameters mean. */
  baseParams(p: ParamValues): ParamValues;
}

function baseEntry(spec: FlavorFunction): Activation {
  if (spec.definition) return spec.definition;
  const found = findActivation(spec.catalog);
  if (!found) throw new Error(`flavor entry ${spec.name} maps to unknown catalog entry ${spec.catalog}`);
  return found;
}

function paramSpec(base: Activation, fp: FlavorParam, owner: string): ParamSpec {
  const original = base.params.find((p) => p.name === fp.sets);
  if (!original) throw new Error(`${owner}: ${fp.name} sets unknown parameter ${fp.sets}`);
  const common = { name: fp.name, symbol: original.symbol, aliases: fp.aliases ?? [] };
  if (fp.choices) {
    const choice: ChoiceParam = {
      ...common,
      kind: 'choice',
      default: String(fp.default),
      choices: Object.keys(fp.choices),
      description: `${original.description}: ${Object.entries(fp.choices)
        .map(([word, means]) => `${word} is ${means}`)
        .join(', ')}`,
    };
    return choice;
  }
  if (original.kind !== 'number') throw new Error(`${owner}: ${fp.name} must list its choices`);
  const number: NumberParam = {
    ...original,
    ...common,
    default: fp.default as number,
    description: original.description + (fp.note ? ` (${fp.note})` : ''),
  };
  return number;
}

/** Replace entries of `out` at the points where the framework's f' is its own. */
function patch(x: Float64Array, out: Float64Array, points: readonly DerivativeAt[]): void {
  if (points.length === 0) return;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    for (const point of points) if (v === point.x) out[i] = point.df;
  }
}

/**
 * The Activation a flavor's function is: the catalog entry (or its own definition) under the
 * framework's name, with the framework's parameters and defaults, and its derivative at the kinks
 * where the framework's convention differs.
 */
export function flavoredActivation(flavor: FlavorName, spec: FlavorFunction): FlavoredActivation {
  const base = baseEntry(spec);
  const owner = `${spec.name} (${flavor})`;
  const fixed = spec.fixed ?? {};
  const params = spec.params
    ? spec.params.map((fp) => paramSpec(base, fp, owner))
    : base.params.filter((p) => !(p.name in fixed));
  for (const p of base.params) {
    const offered = spec.params ? spec.params.some((fp) => fp.sets === p.name) : true;
    if (!offered && !(p.name in fixed)) throw new Error(`${owner}: ${p.name} is neither offered nor fixed`);
  }
  const baseParams = (p: ParamValues): ParamValues => {
    if (!spec.params) return { ...p, ...fixed };
    const out: Record<string, ParamValue> = { ...fixed };
    for (const fp of spec.params) {
      const value = p[fp.name] ?? fp.default;
      out[fp.sets] = fp.choices ? fp.choices[String(value)]! : value;
    }
    return out;
  };
  const points = (p: ParamValues) => spec.derivativeAt?.(baseParams(p)) ?? [];
  return {
    ...base,
    name: spec.name,
    label: `${base.label} (${flavor})`,
    aliases: spec.aliases ?? [],
    presets: [],
    flavor,
    spec,
    baseParams,
    formula: spec.formula ?? base.formula,
    params,
    derivativeConvention: spec.convention ?? base.derivativeConvention,
    // A point where the framework's f' is its own (Keras' celu'(0) = 2) is where f' jumps, even
    // where the catalog's f' is continuous: sampled exactly, and a piece ends there.
    kinks: (p) => [...new Set([...base.kinks(baseParams(p)), ...points(p).map((d) => d.x)])],
    jumps: (p) => base.jumps(baseParams(p)),
    check: (p) => base.check(baseParams(p)),
    turningPoints: (p, quantity) => base.turningPoints(baseParams(p), quantity),
    evaluate: (x, p, out) => base.evaluate(x, baseParams(p), out),
    derivative(x, p, out) {
      const result = base.derivative(x, baseParams(p), out);
      patch(x, result, points(p));
      return result;
    },
    *computeSteps(x, p, quantity, out) {
      const result = yield* base.computeSteps(x, baseParams(p), quantity, out);
      if (quantity === 'derivative') patch(x, result, points(p));
      return result;
    },
    ...(base.vectorSteps
      ? {
          *vectorSteps(source: VectorSource, p: ParamValues, quantity: Quantity): Steps<VectorFinish> {
            const finish = yield* base.vectorSteps!(source, baseParams(p), quantity);
            if (quantity === 'value') return finish;
            const at = points(p);
            return (x, start, out) => {
              finish(x, start, out);
              patch(x, out, at);
            };
          },
        }
      : { vectorSteps: undefined }),
  };
}
