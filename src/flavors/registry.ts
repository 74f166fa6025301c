import type { Activation } from '../activations/activation.js';
import { findActivation, normaliseName } from '../activations/registry.js';
import { UsageError } from '../errors.js';
import {
  flavoredActivation,
  FLAVOR_NAMES,
  type Flavor,
  type FlavoredActivation,
  type FlavorName,
} from './flavor.js';
import { jaxFlavor } from './jax.js';
import { kerasFlavor } from './keras.js';
import { tfKerasFlavor } from './tf-keras.js';
import { tfjsFlavor } from './tfjs.js';
import { torchFlavor } from './torch.js';

/** Every framework activ knows, in the order lists and tables show them. */
export const flavors: Readonly<Record<FlavorName, Flavor>> = {
  torch: torchFlavor,
  keras: kerasFlavor,
  'tf-keras': tfKerasFlavor,
  tfjs: tfjsFlavor,
  jax: jaxFlavor,
};

interface Built {
  readonly list: readonly FlavoredActivation[];
  /** By the framework's names and aliases, normalised. */
  readonly byName: ReadonlyMap<string, FlavoredActivation>;
}

const built = new Map<FlavorName, Built>();

function build(name: FlavorName): Built {
  const done = built.get(name);
  if (done) return done;
  const list = flavors[name].functions.map((spec) => flavoredActivation(name, spec));
  const byName = new Map<string, FlavoredActivation>();
  for (const activation of list) {
    for (const n of [activation.name, ...activation.aliases]) {
      const key = normaliseName(n);
      if (byName.has(key) && byName.get(key) !== activation)
        throw new Error(`${name}: the name ${n} is given twice`);
      byName.set(key, activation);
    }
  }
  const result = { list, byName };
  built.set(name, result);
  return result;
}

/** A flavor's functions, as Activations, in the framework's order. */
export function flavorFunctions(name: FlavorName): readonly FlavoredActivation[] {
  return build(name).list;
}

/** Every function of every flavor, for what must know them all (the command line's parameter flags). */
export function allFlavorFunctions(): readonly FlavoredActivation[] {
  return FLAVOR_NAMES.flatMap((f) => flavorFunctions(f));
}

/** The flavor a user names ("tf-keras", "TF_Keras"), or a UsageError that lists them. */
export function parseFlavor(text: string): FlavorName {
  const key = normaliseName(text);
  const found = FLAVOR_NAMES.find((f) => normaliseName(f) === key);
  if (found) return found;
  throw new UsageError(`unknown flavor '${text}'; the flavors are ${FLAVOR_NAMES.join(', ')}`);
}

/**
 * The function `name` in a flavor: by the framework's own names first, then by what it is in the
 * catalog (so `binary_step` finds tfjs's `step`, `hardswish` Keras' `hard_silu`). A name the
 * flavor lacks is a UsageError that says so and lists what it has.
 */
export function findInFlavor(name: string, flavor: FlavorName): FlavoredActivation {
  const { list, byName } = build(flavor);
  const own = byName.get(normaliseName(name));
  if (own) return own;
  const entry = findActivation(name);
  const mapped = entry && list.find((a) => a.spec.catalog === entry.name);
  if (mapped) return mapped;
  const what = entry ? entry.name : `'${name}'`;
  throw new UsageError(`${flavor} has no ${what}; it has: ${list.map((a) => a.name).join(', ')}`);
}

/** The flavors that have the catalog function `entry`, each with every function of theirs mapped to it. */
export function flavorsOf(entry: Activation): { flavor: FlavorName; functions: FlavoredActivation[] }[] {
  return FLAVOR_NAMES.map((flavor) => ({
    flavor,
    functions: flavorFunctions(flavor).filter((a) => a.spec.catalog === entry.name),
  }));
}

/**
 * What a reference means when it involves a flavor: `name@flavor` (which wins), or a name with a
 * flavor given alongside (--flavor). Undefined when neither: the reference is the catalog's.
 */
export function resolveFlavored(reference: string, flavor?: string): Activation | undefined {
  const at = reference.lastIndexOf('@');
  if (at > 0) return findInFlavor(reference.slice(0, at), parseFlavor(reference.slice(at + 1)));
  if (at === 0) throw new UsageError(`'${reference}' names no function before the @`);
  if (flavor === undefined) return undefined;
  return findInFlavor(reference, parseFlavor(flavor));
}
