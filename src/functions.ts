import type { Activation } from './activations/activation.js';
import { findActivation, getActivation } from './activations/registry.js';
import { expressionFunction } from './expression/expression-function.js';

/**
 * The function a user names, wherever a function is accepted (plot, eval, table, batch, the
 * library). This is the one place that decides what a function argument means:
 * - a catalog name or alias is that function;
 * - otherwise, text that parses as an expression in x is that expression (expression/), its
 *   parser loaded only now, so catalog functions never pay for it;
 * - otherwise it is an unknown name, reported with the catalog's nearest names.
 */
export function resolveFunction(reference: string): Activation {
  return findActivation(reference) ?? expressionFunction(reference) ?? getActivation(reference);
}
