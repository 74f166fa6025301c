import type { Activation } from './activations/activation.js';
import { InvalidValueError, UsageError } from './errors.js';

export const DEFAULT_SAMPLES = 1000;
export const MAX_SAMPLES = 10_000_000;

/** Where to sample: a checked x range and sample count. */
export interface GridSpec {
  readonly from: number;
  readonly to: number;
  readonly samples: number;
}

export function checkInteger(subject: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidValueError(subject, `must be a whole number from ${min} to ${max}`, String(value));
  }
  return value;
}

/** The grid a request asks for, with the function's own range and the default count filled in. */
export function gridSpec(
  activation: Activation,
  request: { from?: number; to?: number; samples?: number },
): GridSpec {
  const from = request.from ?? activation.range[0];
  const to = request.to ?? activation.range[1];
  if (!Number.isFinite(from) || !Number.isFinite(to))
    throw new UsageError(`the x range must be finite, not ${from}..${to}`);
  if (!(from < to)) throw new UsageError(`the x range must go from low to high, but ${from} >= ${to}`);
  const samples = checkInteger('samples', request.samples ?? DEFAULT_SAMPLES, 2, MAX_SAMPLES);
  return { from, to, samples };
}
