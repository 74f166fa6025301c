import type { Activation } from './activations/activation.js';
import { getActivation } from './activations/registry.js';

/**
 * The function a user names, wherever a function is accepted (plot, eval, table, batch, the
 * library): today a catalog name or alias, resolved by the registry. This is the one place that
 * decides what a function argument means, so new kinds of function reference extend it alone.
 */
export function resolveFunction(reference: string): Activation {
  return getActivation(reference);
}
