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
