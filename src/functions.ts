import type { Activation } from './activations/activation.js';
import { getActivation } from './activations/registry.js';
import { resolveFlavored } from './flavors/registry.js';

/** How to read a function reference: `flavor` is a framework whose definitions to use (src/flavors). */
export interface ResolveOptions {
  readonly flavor?: string | undefined;
}

/**
 * The function a user names, wherever a function is accepted (plot, eval, table, batch, the
 * library): a catalog name or alias, resolved by the registry, or a framework's function
 * (`leaky_relu@keras`, or a name with `flavor`). This is the one place that decides what a
 * function argument means, so new kinds of function reference extend it alone.
 */
export function resolveFunction(reference: string, options: ResolveOptions = {}): Activation {
  return resolveFlavored(reference, options.flavor) ?? getActivation(reference);
}

/** Whether `word` names a function, flavored ones (`relu@jax`) included. */
export function isFunctionReference(word: string): boolean {
  try {
    resolveFunction(word);
    return true;
  } catch {
    return false;
  }
}
