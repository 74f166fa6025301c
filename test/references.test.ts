/**
 * Every activation in the catalog, f and f', against high-precision reference values.
 *
 * The numbers in fixtures/references.json come from fixtures/make-references.py: each function
 * and its derivative written from the mathematics (PyTorch's conventions at kinks and jumps, not
 * PyTorch's float64 code) and evaluated with mpmath (Debian's python3-mpmath 1.2.1) at
 * mp.dps = 60, raised per input where cancellation or huge exp arguments need it, then rounded
 * to 25 significant digits. Every x is an exact double. Regenerate with
 *
 *     /usr/bin/python3 fixtures/make-references.py
 *
 * Acceptance, for f and f' alike, with E = Number(reference):
 *   - E finite: got is finite and |got − E| ≤ 1e-13·|E| when E is a normal double (|E| ≥
 *     2.2e-308), else (a subnormal or underflowing value) within one subnormal step, 2^-1074;
 *   - E = ±Infinity (the exact value is beyond the double range): got is that infinity, or at
 *     least |got| ≥ 1e300 with the same sign.
 * The sign of zero is not checked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Activation, ParamValue, ParamValues } from '../src/activations/activation.js';
import { catalog } from '../src/activations/catalog.js';
import { resolveParams } from '../src/activations/params.js';

interface PointReference {
  name: string;
  params: Record<string, ParamValue>;
  x: string;
  f: string;
  df: string;
}

interface VectorReference {
  name: string;
  params: Record<string, ParamValue>;
  x: string[];
  f: string[];
  df: string[];
}

interface References {
  source: string;
  points: PointReference[];
  vectors: VectorReference[];
}

interface Failure {
  name: string;
  params: string;
  x: string;
  which: 'f' | "f'" | 'params' | 'kind';
  got: string;
  expected: string;
}

const references = JSON.parse(
  readFileSync(new URL('../fixtures/references.json', import.meta.url), 'utf8'),
) as References;

const RELATIVE = 1e-13;
/** The smallest normal double; below it the bound is one subnormal step. */
const SMALLEST_NORMAL = 2 ** -1022;
const SUBNORMAL_STEP = 2 ** -1074;
const HUGE = 1e300;

/** Why `got` is not an acceptable double for the exact value `reference`, or undefined. */
function problem(got: number, reference: string): string | undefined {
  const exact = Number(reference);
  if (Number.isNaN(exact)) return 'unparseable reference';
  if (!Number.isFinite(exact)) {
    const ok = got === exact || (Math.sign(got) === Math.sign(exact) && Math.abs(got) >= HUGE);
    return ok ? undefined : 'should overflow';
  }
  if (!Number.isFinite(got)) return 'not finite';
  const tolerance = Math.abs(exact) >= SMALLEST_NORMAL ? RELATIVE * Math.abs(exact) : SUBNORMAL_STEP;
  return Math.abs(got - exact) <= tolerance ? undefined : 'off';
}

function show(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** Parameters as the catalog entry takes them, or the reason it refuses them. */
function paramsFor(activation: Activation, given: Record<string, ParamValue>): ParamValues | string {
  try {
    return resolveParams(activation, given);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function checkPoints(activation: Activation, points: readonly PointReference[], failures: Failure[]): void {
  for (const point of points) {
    const label = JSON.stringify(point.params);
    const params = paramsFor(activation, point.params);
    if (typeof params === 'string') {
      failures.push({
        name: point.name,
        params: label,
        x: point.x,
        which: 'params',
        got: params,
        expected: 'accepted',
      });
      continue;
    }
    const x = Float64Array.of(Number(point.x));
    const results = [
      ['f', activation.evaluate(x, params)[0], point.f],
      ["f'", activation.derivative(x, params)[0], point.df],
    ] as const;
    for (const [which, got, expected] of results) {
      const value = got ?? Number.NaN;
      if (problem(value, expected))
        failures.push({ name: point.name, params: label, x: point.x, which, got: show(value), expected });
    }
  }
}

function checkVectors(
  activation: Activation,
  vectors: readonly VectorReference[],
  failures: Failure[],
): void {
  for (const vector of vectors) {
    const label = JSON.stringify(vector.params);
    const params = paramsFor(activation, vector.params);
    const where = `[${vector.x.length > 12 ? `${vector.x.slice(0, 3).join(', ')}, … (${vector.x.length})` : vector.x.join(', ')}]`;
    if (typeof params === 'string') {
      failures.push({
        name: vector.name,
        params: label,
        x: where,
        which: 'params',
        got: params,
        expected: 'accepted',
      });
      continue;
    }
    const x = Float64Array.from(vector.x, Number);
    const results = [
      ['f', activation.evaluate(x, params), vector.f],
      ["f'", activation.derivative(x, params), vector.df],
    ] as const;
    for (const [which, got, expected] of results) {
      expected.forEach((reference, i) => {
        const value = got[i] ?? Number.NaN;
        if (problem(value, reference)) {
          failures.push({
            name: vector.name,
            params: label,
            x: `${where}[${i}] = ${vector.x[i]}`,
            which,
            got: show(value),
            expected: reference,
          });
        }
      });
    }
  }
}

const names = [...new Set([...references.points, ...references.vectors].map((r) => r.name))];

describe('reference values (fixtures/references.json, mpmath)', () => {
  it('has references for every function in the catalog', () => {
    const missing = catalog.map((a) => a.name).filter((name) => !names.includes(name));
    expect(missing).toEqual([]);
  });

  for (const name of names) {
    const activation = catalog.find((a) => a.name === name);
    it.skipIf(activation === undefined)(`${name}: f and f' within 1e-13 of the exact values`, () => {
      if (!activation) return;
      const failures: Failure[] = [];
      const points = references.points.filter((p) => p.name === name);
      const vectors = references.vectors.filter((v) => v.name === name);
      if (activation.overVector !== vectors.length > 0) {
        const kind = (overVector: boolean) => (overVector ? 'over a vector' : 'pointwise');
        failures.push({
          name,
          params: '',
          x: '',
          which: 'kind',
          got: kind(activation.overVector),
          expected: kind(vectors.length > 0),
        });
      } else {
        checkPoints(activation, points, failures);
        checkVectors(activation, vectors, failures);
      }
      expect(failures).toEqual([]);
    });
  }
});
