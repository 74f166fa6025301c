import { InvalidArgumentError } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { parseFiniteNumber, parseNumberRange } from '../number-text.js';

/**
 * Option values as numbers, in activ's one grammar for numbers (number-text.ts), for commander's
 * argParser. A bad value is commander's InvalidArgumentError with number-text's sentence, which
 * names the flag and quotes the text; describe-failure.ts shows that sentence alone.
 */
function asArgumentError<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UsageError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

export function parseNumber(text: string, flag: string): number {
  return asArgumentError(() => parseFiniteNumber(text, flag));
}

/** A whole number, e.g. for --samples and sizes. */
export function parseInteger(text: string, flag: string): number {
  const value = parseNumber(text, flag);
  if (!Number.isInteger(value))
    throw new InvalidArgumentError(`${flag} expects a whole number, got '${text}'`);
  return value;
}

/** "A..B" as [A, B]; negative ends work: "-20..20", "-1e-3..-1e-4". */
export function parseRange(text: string, flag: string): [number, number] {
  return asArgumentError(() => parseNumberRange(text, flag));
}

/** Items of a comma list, each non-empty ("0.5,1,2"). */
export function parseList(text: string, flag: string): string[] {
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new InvalidArgumentError(`${flag} has an empty item in '${text}'`);
  return items;
}

/** argParser functions for a flag, so each declaration names its flag once. */
export const numberArgument = (flag: string) => (text: string) => parseNumber(text, flag);
export const integerArgument = (flag: string) => (text: string) => parseInteger(text, flag);
export const rangeArgument = (flag: string) => (text: string) => parseRange(text, flag);
export const listArgument = (flag: string) => (text: string) => parseList(text, flag);
