import { findActivation } from '../activations/registry.js';
import { triesExpression } from '../expression/expression-function.js';
import { Option } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { FLAVOR_NAMES } from '../flavors/flavor.js';
import { parseFlavor } from '../flavors/registry.js';
import { parseList } from './numbers.js';

const HELP =
  `whose definitions, defaults and derivatives at kinks to use: ${FLAVOR_NAMES.join(', ')} ` +
  `(default: activ's catalog, PyTorch's conventions); name@flavor does the same for one name`;

/** --flavor for a command that takes several (plot: a comma list overlays them). */
export function flavorsOption() {
  return new Option('--flavor <flavors>', `${HELP}; a comma list overlays them`).argParser((text) =>
    parseList(text, '--flavor').map(parseFlavor),
  );
}

/** --flavor for a command that evaluates one function (eval, table). */
export function flavorOption() {
  return new Option('--flavor <flavor>', HELP).argParser((text) => {
    if (text.includes(','))
      throw new UsageError(`--flavor takes one flavor here, not '${text}' (plot overlays several)`);
    return parseFlavor(text);
  });
}

/**
 * The function references a plot draws: each name once per flavor asked for (name-major, so a
 * name's flavors sit together in the legend), a name that says its own flavor (`relu@jax`) as it is.
 */
export function flavoredReferences(
  names: readonly string[],
  flavors: readonly string[] | undefined,
): string[] {
  if (!flavors || flavors.length === 0) return [...names];
  // An expression keeps its text: the flavors are the catalog names' (functions.ts).
  return names.flatMap((name) =>
    name.includes('@') || (findActivation(name) === undefined && triesExpression(name))
      ? [name]
      : flavors.map((flavor) => `${name}@${flavor}`),
  );
}
