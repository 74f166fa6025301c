/**
 * The rule for non-finite input (README, "NaN, infinities and signed zeros"), for every function
 * in the catalog and its derivative, as a table: at NaN, ±∞, ±0, ±5e-324 and
 * ±1.7976931348623157e308 for pointwise entries, and at vectors with NaN, ±∞ and ±0 entries for
 * the functions over a vector. The expected values are the `nonFinite` cases of
 * fixtures/references.json, made by fixtures/make-references.py with mpmath: NaN for NaN; at ±∞
 * the limit (f at ±10^400 and ±3·10^400, which must round to the same double, else there is no
 * limit and NaN is expected); elsewhere the exact value. A zero carries the sign the value has
 * next to it (the sign of f at ±10^-400 for x = ±0, of f at ±10^400 for a vanishing limit), and an
 * underflowing value its own sign: so activ's −0 is as right as its other digits.
 *
 * Acceptance: NaN where NaN is expected; exactly ±Infinity where the exact value is beyond the
 * double range; otherwise within 1e-13 relative, or one subnormal step (2^-1074) where the
 * expected value is below the normal range; and a zero result has the expected sign.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Activation, ParamValue } from '../src/activations/activation.js';
import { catalog } from '../src/activations/catalog.js';
import { resolveParams } from '../src/activations/params.js';

interface Case {
  name: string;
  params: Record<string, ParamValue>;
  x: string | string[];
  f: string | string[];
  df: string | string[];
}

const cases = (
  JSON.parse(readFileSync(new URL('../fixtures/references.json', import.meta.url), 'utf8')) as {
    nonFinite: Case[];
  }
).nonFinite;

/** Python's repr of a float (and the fixture's 'nan', 'inf', '-inf') as the double. */
function parse(text: string): number {
  if (text === 'nan') return Number.NaN;
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text);
}

function show(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** Why `got` breaks the rule for the exact value written as `expected`, or undefined. */
function problem(got: number, expected: string): string | undefined {
  const exact = parse(expected);
  if (Number.isNaN(exact)) return Number.isNaN(got) ? undefined : 'should be NaN';
  if (Number.isNaN(got)) return 'NaN';
  if (!Number.isFinite(exact)) return got === exact ? undefined : `should be ${exact}`;
  const tolerance = Math.abs(exact) >= 2 ** -1022 ? 1e-13 * Math.abs(exact) : 2 ** -1074;
  if (!(Math.abs(got - exact) <= tolerance)) return 'off';
  if (got === 0 && Object.is(got, -0) !== expected.startsWith('-')) return 'wrong sign of zero';
  return undefined;
}

const names = [...new Set(cases.map((c) => c.name))];

describe('NaN, ±∞, ±0, subnormals and the largest doubles, by one rule (fixtures/references.json, mpmath)', () => {
  it('covers every function in the catalog, with NaN, both infinities and both zeros', () => {
    expect(catalog.map((a) => a.name).filter((n) => !names.includes(n))).toEqual([]);
    for (const a of catalog.filter((e) => !e.overVector)) {
      const xs = cases.filter((c) => c.name === a.name).map((c) => c.x as string);
      for (const x of [
        'nan',
        'inf',
        '-inf',
        '0.0',
        '-0.0',
        '5e-324',
        '-5e-324',
        '1.7976931348623157e+308',
        '-1.7976931348623157e+308',
      ]) {
        expect(xs, `${a.name} at ${x}`).toContain(x);
      }
    }
  });

  for (const name of names) {
    const activation = catalog.find((a) => a.name === name);
    it(`${name}: f and f' keep the rule`, () => {
      expect(activation, name).toBeDefined();
      const failures: string[] = [];
      for (const c of cases.filter((k) => k.name === name)) {
        const params = resolveParams(activation as Activation, c.params);
        const x = Array.isArray(c.x) ? Float64Array.from(c.x, parse) : Float64Array.of(parse(c.x));
        const got = { f: activation!.evaluate(x, params), df: activation!.derivative(x, params) };
        for (const which of ['f', 'df'] as const) {
          const expected = ([] as string[]).concat(c[which]);
          expected.forEach((e, i) => {
            const why = problem(got[which][i]!, e);
            if (why)
              failures.push(
                `${which === 'f' ? 'f' : "f'"}${JSON.stringify(c.params)}(${JSON.stringify(c.x)})${Array.isArray(c.x) ? `[${i}]` : ''} = ${show(got[which][i]!)}, expected ${e}: ${why}`,
              );
          });
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
