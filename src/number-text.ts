import { UsageError } from './errors.js';

/**
 * How activ writes a double as text, in one place: `activ eval`, `activ table` and every JSON it
 * prints call these, so a value read back is the same double, the sign of zero included.
 *
 * JavaScript's String(number) is the shortest form that reads back to the same double, except
 * that it writes −0 as "0"; here it is "-0", which Number(), parseFloat, Python's float() and
 * C's strtod all read back as −0. `Infinity`, `-Infinity` and `NaN` are String()'s words, which
 * `activ eval` reads back too.
 */
export function formatDouble(value: number): string {
  return value === 0 && 1 / value < 0 ? '-0' : String(value);
}

/**
 * A double as a JSON value. JSON has no infinities or NaN, so those are `null` (as
 * JSON.stringify writes them). −0 is "-0.0": JSON allows it, and both JavaScript's JSON.parse
 * and Python's json read it back as −0 (Python reads a bare "-0" as the integer 0).
 */
export function formatJsonDouble(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  return value === 0 && 1 / value < 0 ? '-0.0' : String(value);
}

// Decimal numbers as people type them: 20, -20, .5, 1e-3, +2.5E+10. Number() alone would also
// take "", "0x10", "0b1" and "Infinity", which are almost always a mistake.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// The words String(number) writes for the specials, and inf/nan as other tools write them.
const SPECIAL = /^[+-]?(infinity|inf|nan)$/i;

/**
 * The number `text` spells in activ's one grammar for numbers (the command line's option
 * values and `activ eval`'s input alike), or undefined when it spells none. Surrounding blanks
 * are allowed. `specials` also takes Infinity, -Infinity, inf and NaN, which data may hold but
 * an option never means.
 */
export function readNumber(text: string, { specials = false } = {}): number | undefined {
  const trimmed = text.trim();
  if (DECIMAL.test(trimmed)) return Number(trimmed);
  if (!specials || !SPECIAL.test(trimmed)) return undefined;
  const lower = trimmed.toLowerCase();
  if (lower.endsWith('nan')) return Number.NaN;
  return lower.startsWith('-') ? -Infinity : Infinity;
}

/** Is `text` one of the special words (Infinity, inf, NaN, with a sign)? For messages. */
export function isSpecialWord(text: string): boolean {
  return SPECIAL.test(text.trim());
}

/**
 * A finite number typed by a person, in the one grammar, or a UsageError that names `what` and
 * quotes the text: "--from expects a number, got 'abc'".
 */
export function parseFiniteNumber(text: string, what: string): number {
  const value = readNumber(text);
  if (value === undefined) {
    if (isSpecialWord(text)) throw new UsageError(`${what} must be a finite number, not '${text}'`);
    throw new UsageError(`${what} expects a number, got '${text}'`);
  }
  if (!Number.isFinite(value)) throw new UsageError(`${what} is out of the double range: '${text}'`);
  return value;
}

/** "A..B" as [A, B], each a finite number; negative ends work: "-20..20", "-1e-3..-1e-4". */
export function parseNumberRange(text: string, what: string): [number, number] {
  const match = /^(.+?)\.\.(.+)$/.exec(text.trim());
  if (!match) throw new UsageError(`${what} expects FROM..TO, e.g. -20..20, got '${text}'`);
  return [parseFiniteNumber(match[1]!, `${what} start`), parseFiniteNumber(match[2]!, `${what} end`)];
}
