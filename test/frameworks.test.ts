/**
 * activ against the frameworks themselves.
 *
 * 1. fixtures/frameworks/pytorch.json (PyTorch, Debian's python3-torch, float64, autograd; made by
 *    fixtures/make-pytorch-references.py) and fixtures/frameworks/tfjs.json (TensorFlow.js on its
 *    CPU backend, float32, tf.grad; made by fixtures/make-tfjs-references.mjs): what the framework
 *    computes for f and f' at NaN, ±∞, ±0, ±5e-324, ±max and ordinary points. activ must agree
 *    (1e-12 relative with PyTorch's doubles, 1e-6 with tfjs's float32s), or else be right where
 *    the framework is not: the exact value (fixtures/references.json, mpmath) must side with
 *    activ, within its 1e-13, and not with the framework. So every difference is one activ means,
 *    and the test says which kind: NaN in, NaN out; the limit at ±∞; the framework's rounding.
 * 2. fixtures/frameworks/test-file-cases.json: the expected values written in the frameworks' own
 *    test files (TensorFlow.js, Keras, JAX), each with its file and case, within the tolerance
 *    that test uses.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Activation, ParamValue } from '../src/activations/activation.js';
import { resolveParams } from '../src/activations/params.js';
import { getActivation } from '../src/activations/registry.js';

interface FrameworkCase {
  name: string;
  params: Record<string, ParamValue>;
  call: string;
  x: string | string[];
  f: string | string[];
  df: string | string[] | null;
}

interface Reference {
  name: string;
  params: Record<string, ParamValue>;
  x: string | string[];
  f: string | string[];
  df: string | string[];
}

// The fixtures' shapes are declared where each is read; JSON.parse can only say `unknown`.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
function read<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
}
const references = read<{ points: Reference[]; vectors: Reference[]; nonFinite: Reference[] }>(
  '../fixtures/references.json',
);

/** Python's repr of a float, and 'nan', 'inf', '-inf', as the double. */
function parse(text: string): number {
  if (text === 'nan') return Number.NaN;
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text);
}

const key = (name: string, params: Record<string, ParamValue>, x: string | string[]) =>
  JSON.stringify([
    name,
    Object.entries(params)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, v]),
    ([] as string[]).concat(x).map((v) => String(parse(v)) + (Object.is(parse(v), -0) ? '-' : '')),
  ]);

/** The exact values by function, parameters and input, from every part of references.json. */
const exact = new Map<string, Reference>();
for (const r of [...references.points, ...references.vectors, ...references.nonFinite])
  exact.set(key(r.name, r.params, r.x), r);

/** Whether `got` is the exact value written as `text`, by the references' own acceptance. */
function isExact(got: number, text: string): boolean {
  const e = parse(text);
  if (Number.isNaN(e)) return Number.isNaN(got);
  if (!Number.isFinite(e)) return got === e || (Math.sign(got) === Math.sign(e) && Math.abs(got) >= 1e300);
  const tolerance = Math.abs(e) >= 2 ** -1022 ? 1e-13 * Math.abs(e) : 2 ** -1074;
  return Math.abs(got - e) <= tolerance;
}

function agrees(got: number, theirs: number, relative: number): boolean {
  if (Number.isNaN(theirs) || Number.isNaN(got)) return Number.isNaN(theirs) && Number.isNaN(got);
  if (!Number.isFinite(theirs) || !Number.isFinite(got)) return got === theirs;
  return Math.abs(got - theirs) <= relative * Math.abs(theirs);
}

function compute(
  activation: Activation,
  c: { params: Record<string, ParamValue> },
  x: Float64Array,
  which: 'f' | 'df',
): Float64Array {
  const params = resolveParams(activation, c.params);
  return which === 'f' ? activation.evaluate(x, params) : activation.derivative(x, params);
}

for (const [file, relative] of [
  ['../fixtures/frameworks/pytorch.json', 1e-12],
  ['../fixtures/frameworks/tfjs.json', 1e-6],
] as const) {
  const fixture = read<{ framework: string; cases: FrameworkCase[] }>(file);
  describe(`activ against ${fixture.framework}`, () => {
    it('agrees, or differs only where the exact value sides with activ', () => {
      const unexplained: string[] = [];
      for (const c of fixture.cases) {
        const activation = getActivation(c.name);
        const xs = ([] as string[]).concat(c.x);
        const x = Float64Array.from(xs, parse);
        for (const which of ['f', 'df'] as const) {
          const theirs = c[which];
          if (theirs === null) continue; // the framework has no derivative here (torch.heaviside)
          const got = compute(activation, c, x, which);
          ([] as string[]).concat(theirs).forEach((t, i) => {
            if (agrees(got[i]!, parse(t), relative)) return;
            const truth = exact.get(key(c.name, c.params, c.x))?.[which];
            const e = truth === undefined ? undefined : ([] as string[]).concat(truth)[i]!;
            const where = `${c.call} ${which === 'f' ? 'f' : "f'"}(${xs.join(', ')})${xs.length > 1 ? `[${i}]` : ''}: activ ${got[i]}, framework ${t}`;
            if (e === undefined) unexplained.push(`${where}, and no exact value to judge by`);
            else if (!isExact(got[i]!, e)) unexplained.push(`${where}, exact ${e}`);
            // Otherwise activ is exact and the framework is not: NaN in, NaN out; the limit at ±∞;
            // or the framework's rounding or overflow at a finite x.
          });
        }
      }
      expect(unexplained).toEqual([]);
    });
  });
}

interface TestFileCase {
  framework: string;
  file: string;
  case: string;
  name: string;
  params: Record<string, ParamValue>;
  x: (number | string)[];
  f?: (number | string | { expr: string })[];
  df?: (number | string | { expr: string })[];
  dy?: number[];
  tolerance: number;
  absolute?: number;
}

// The expressions of Math the test files write for their expected values, as the same
// JavaScript here (never evaluated from text).
const EXPRESSIONS: Record<string, number> = {
  '1 / (1 + Math.exp(-3))': 1 / (1 + Math.exp(-3)),
  'Math.log(1 + Math.exp(3))': Math.log(1 + Math.exp(3)),
  'Math.log(1 / (1 + Math.exp(-3)))': Math.log(1 / (1 + Math.exp(-3))),
  'Math.log(2)': Math.log(2),
  'Math.tanh(4)': Math.tanh(4),
};

/** A value as the test file writes it: a number, 'NaN', 'Infinity', or an expression of Math. */
function valueOf(v: number | string | { expr: string }): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number(v);
  const value = EXPRESSIONS[v.expr];
  if (value === undefined) throw new Error(`add the expression to EXPRESSIONS: ${v.expr}`);
  return value;
}

describe("the frameworks' own test files (fixtures/frameworks/test-file-cases.json)", () => {
  const cases = read<{ cases: TestFileCase[] }>('../fixtures/frameworks/test-file-cases.json').cases;
  for (const c of cases) {
    it(`${c.framework}, ${c.file}, '${c.case}': ${c.name}`, () => {
      const activation = getActivation(c.name);
      const x = Float64Array.from(c.x, valueOf);
      for (const which of ['f', 'df'] as const) {
        const expected = c[which];
        if (!expected) continue;
        const got = compute(activation, c, x, which);
        expected.forEach((v, i) => {
          const want = valueOf(v) / (which === 'df' && c.dy ? c.dy[i]! : 1);
          const scaled = got[i]!;
          if (Number.isNaN(want)) expect(scaled, `${which}[${i}]`).toBeNaN();
          else
            expect(
              Math.abs(scaled - want),
              `${which}[${i}] = ${scaled}, the file says ${want}`,
            ).toBeLessThanOrEqual(c.absolute ?? c.tolerance * Math.max(1, Math.abs(want)));
        });
      }
    });
  }
});
