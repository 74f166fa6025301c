import { UsageError } from '../errors.js';

/** Longer expressions are shown as a window around the place the message points at. */
const SHOWN = 72;

/** The expression as an error shows it: whole when short, else the part around `column`. */
export function excerpt(text: string, column: number): string {
  const flat = text.replace(/\s/g, ' ');
  if (flat.length <= SHOWN) return flat;
  const start = Math.max(0, Math.min(column - 1 - SHOWN / 2, flat.length - SHOWN));
  const end = start + SHOWN;
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

/**
 * Something wrong in an expression, with the place it is at: "expected ')' at column 14:
 * x*sigmoid(b*x". Columns count from 1 in the text as typed.
 */
export class ExpressionError extends UsageError {
  constructor(
    readonly problem: string,
    readonly column: number,
    readonly text: string,
  ) {
    super(`${problem} at column ${column}: ${excerpt(text, column)}`);
  }
}

/**
 * A parameter the expression uses and nobody gave. The library says so in its own words; the
 * command line adds the flag that gives it (arguments/describe-failure.ts).
 */
export class MissingParameterError extends ExpressionError {
  constructor(
    readonly parameter: string,
    column: number,
    text: string,
  ) {
    super(`no value for the parameter ${parameter}`, column, text);
  }
}
