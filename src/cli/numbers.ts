import { UsageError } from '../errors.js';

// Decimal numbers as people type them: 20, -20, .5, 1e-3, +2.5E+10. Number() alone would also
// take "", "0x10", " 3 " and "Infinity", which are almost always a mistake on a command line.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A finite number from the text of option `what`, or a UsageError that quotes the text. */
export function parseNumber(text: string, what: string): number {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) {
    if (/^[+-]?(inf|infinity|nan)$/i.test(trimmed)) throw new UsageError(`${what} must be a finite number, not '${text}'`);
    throw new UsageError(`${what} expects a number, got '${text}'`);
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new UsageError(`${what} is out of the double range: '${text}'`);
  return value;
}

/** A whole number, e.g. for --samples and sizes. */
export function parseInteger(text: string, what: string): number {
  const value = parseNumber(text, what);
  if (!Number.isInteger(value)) throw new UsageError(`${what} expects a whole number, got '${text}'`);
  return value;
}

/** "A..B" as [A, B]; negative ends work: "-20..20", "-1e-3..-1e-4". */
export function parseRange(text: string, what: string): [number, number] {
  const match = /^(.+?)\.\.(.+)$/.exec(text.trim());
  if (!match) throw new UsageError(`${what} expects FROM..TO, e.g. -20..20, got '${text}'`);
  return [parseNumber(match[1]!, `${what} start`), parseNumber(match[2]!, `${what} end`)];
}
