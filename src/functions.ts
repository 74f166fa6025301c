import type { Activation } from './activations/activation.js';
import { findActivation, getActivation } from './activations/registry.js';
import { expressionFunction } from './expression/expression-function.js';
import { resolveFlavored } from './flavors/registry.js';

/** How to read a function reference: `flavor` is a framework whose definitions to use (src/flavors). */
export interface ResolveOptions {
  readonly flavor?: string | undefined;
}

/**
 * The function a user names, wherever a function is accepted (plot, eval, table, batch, the
 * library). This is the one place that decides what a function argument means:
 * - `name@flavor`, or a name with `flavor`, is that framework's function (flavors/);
 * - a catalog name or alias is that function;
 * - otherwise, text that parses as an expression in x is that expression (expression/), its
 *   parser loaded only now, so catalog functions never pay for it; `flavor` does not change an
 *   expression (the catalog functions inside it are the catalog's);
 * - otherwise it is an unknown name, reported with the catalog's nearest names.
 */
export function resolveFunction(reference: string, options: ResolveOptions = {}): Activation {
  if (options.flavor !== undefined && !reference.includes('@')) {
    const expression = findActivation(reference) === undefined ? expressionFunction(reference) : undefined;
    if (expression) return expression;
  }
  return (
    resolveFlavored(reference, options.flavor) ??
    findActivation(reference) ??
    expressionFunction(reference) ??
    getActivation(reference)
  );
}

/**
 * Whether `word` names a function: a catalog name or alias, or a flavored one (`relu@jax`).
 * Expressions are not names: `--title x` is a title.
 */
export function isFunctionReference(word: string): boolean {
  try {
    return (resolveFlavored(word) ?? findActivation(word)) !== undefined;
  } catch {
    return false;
  }
}
