/**
 * The framework flavors (src/flavors): each framework's function as it defines it.
 *
 * 1. fixtures/flavor-references.json (fixtures/make-flavor-references.py, mpmath): every flavor
 *    function, f and f', written from that framework's source (named per entry in "sources") with
 *    its parameter names, defaults and derivative at kinks, exact to 1e-13 relative (one subnormal
 *    step below the normal range), as test/references.test.ts holds the catalog.
 * 2. fixtures/frameworks/tfjs-flavor.json (TensorFlow.js itself, float32, tf.grad) and
 *    fixtures/frameworks/pytorch-flavor.json (Debian's python3-torch, float64, autograd): activ's
 *    tfjs and torch flavors agree to 1e-7 relative, or else the exact value sides with activ
 *    (the framework rounds: float32's erf(−7.07) is −1, so its gelu(−10) is 0).
 * 3. The differences the frameworks' sources show, each named.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Activation, ParamValue } from '../src/activations/activation.js';
import { catalog } from '../src/activations/catalog.js';
import { resolveParams } from '../src/activations/params.js';
import { FLAVOR_NAMES, type FlavorName } from '../src/flavors/flavor.js';
import { findInFlavor, flavorFunctions } from '../src/flavors/registry.js';
import { differenceFromCatalog } from '../src/flavors/compare.js';
import { resolveFunction } from '../src/functions.js';
import { derivative, evaluate } from '../src/evaluation.js';
import { readdirSync } from 'node:fs';
import { plotArguments, plotCommandLine } from '../src/arguments/plot-arguments.js';
import { plotSpec } from '../src/plot-spec.js';
import { activ, emptyFolder } from './support/run-cli.js';

interface FlavorReference {
  flavor: FlavorName;
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

const references = read<{
  sources: Record<string, Record<string, string[]>>;
  points: FlavorReference[];
  vectors: FlavorReference[];
}>('../fixtures/flavor-references.json');

/** Python's repr of a float, and 'nan', 'inf', '-inf', as the double. */
function parse(text: string): number {
  if (text === 'nan') return Number.NaN;
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text);
}

/** Whether `got` is the exact value written as `text` (test/references.test.ts's acceptance). */
function isExact(got: number, text: string): boolean {
  const e = parse(text);
  if (Number.isNaN(e)) return Number.isNaN(got);
  if (!Number.isFinite(e)) return got === e || (Math.sign(got) === Math.sign(e) && Math.abs(got) >= 1e300);
  if (!Number.isFinite(got)) return false;
  const tolerance = Math.abs(e) >= 2 ** -1022 ? 1e-13 * Math.abs(e) : 2 ** -1074;
  return Math.abs(got - e) <= tolerance;
}

function compute(
  activation: Activation,
  params: Record<string, ParamValue>,
  x: Float64Array,
  which: 'f' | 'df',
) {
  const values = resolveParams(activation, params);
  return which === 'f' ? activation.evaluate(x, values) : activation.derivative(x, values);
}

describe('every flavor function against its framework-defined exact values (mpmath)', () => {
  for (const flavor of FLAVOR_NAMES) {
    for (const activation of flavorFunctions(flavor)) {
      it(`${activation.name}@${flavor}: f and f' within 1e-13, its source named`, () => {
        expect(references.sources[flavor]?.[activation.name], 'sources').toBeDefined();
        const mine = [...references.points, ...references.vectors].filter(
          (r) => r.flavor === flavor && r.name === activation.name,
        );
        expect(mine.length, 'reference values').toBeGreaterThan(0);
        const failures: string[] = [];
        for (const r of mine) {
          const xs = ([] as string[]).concat(r.x);
          const x = Float64Array.from(xs, parse);
          for (const which of ['f', 'df'] as const) {
            const got = compute(activation, r.params, x, which);
            ([] as string[]).concat(r[which]).forEach((e, i) => {
              if (!isExact(got[i]!, e))
                failures.push(
                  `${which}(${xs.join(', ')})[${i}] ${JSON.stringify(r.params)}: ${got[i]}, exact ${e}`,
                );
            });
          }
        }
        expect(failures).toEqual([]);
      });
    }
  }
});

interface FrameworkCase {
  name: string;
  params: Record<string, ParamValue>;
  call: string;
  x: string | string[];
  f: string | string[];
  df: string | string[] | null;
}

/** The exact values by flavor, name, parameters and input. */
const exact = new Map<string, FlavorReference>();
/** By the complete parameters (defaults filled in), so `{}` and the defaults written out meet. */
const key = (flavor: FlavorName, name: string, params: Record<string, ParamValue>, x: string | string[]) =>
  JSON.stringify([
    flavor,
    name,
    Object.entries(resolveParams(findInFlavor(name, flavor), params))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, String(v)]),
    ([] as string[]).concat(x).map((v) => String(parse(v))),
  ]);
for (const r of [...references.points, ...references.vectors])
  exact.set(key(r.flavor, r.name, r.params, r.x), r);

/** The largest relative difference where activ and the framework agree, per fixture, for the report. */
for (const file of [
  '../fixtures/frameworks/tfjs-flavor.json',
  '../fixtures/frameworks/pytorch-flavor.json',
]) {
  const fixture = read<{ framework: string; flavor: FlavorName; cases: FrameworkCase[] }>(file);
  describe(`the ${fixture.flavor} flavor against ${fixture.framework}`, () => {
    it('agrees to 1e-7 relative, or differs only where the exact value sides with activ', () => {
      const unexplained: string[] = [];
      let agreed = 0;
      for (const c of fixture.cases) {
        const activation = findInFlavor(c.name, fixture.flavor);
        const xs = ([] as string[]).concat(c.x);
        const x = Float64Array.from(xs, parse);
        for (const which of ['f', 'df'] as const) {
          const theirs = c[which];
          if (theirs === null) continue; // no derivative in the framework (torch.heaviside)
          const got = compute(activation, c.params, x, which);
          ([] as string[]).concat(theirs).forEach((t, i) => {
            const v = parse(t);
            const g = got[i]!;
            const same =
              (Number.isNaN(v) && Number.isNaN(g)) ||
              v === g ||
              (Number.isFinite(v) && Math.abs(g - v) <= 1e-7 * Math.abs(v));
            if (same) {
              agreed++;
              return;
            }
            // At a kink or jump the framework itself decides the convention: no exact value can
            // excuse a difference there (it was written from the same reading of the source).
            const params = resolveParams(activation, c.params);
            const special = [...activation.kinks(params), ...activation.jumps(params)];
            if (xs.length === 1 && special.includes(x[0]!)) {
              unexplained.push(`${c.call} ${which}(${xs[0]}) at a kink or jump: activ ${g}, framework ${t}`);
              return;
            }
            const truth = exact.get(key(fixture.flavor, c.name, c.params, c.x))?.[which];
            const e = truth === undefined ? undefined : ([] as string[]).concat(truth)[i]!;
            const where = `${c.call} ${which}(${xs.join(', ')})[${i}]: activ ${g}, framework ${t}`;
            if (e === undefined) unexplained.push(`${where}, and no exact value to judge by`);
            else if (!isExact(g, e)) unexplained.push(`${where}, exact ${e}`);
          });
        }
      }
      expect(unexplained.join('\n')).toBe('');
      expect(agreed).toBeGreaterThan(fixture.cases.length);
    });
  });
}

describe('the differences the frameworks’ sources show', () => {
  const at = (reference: string, x: number, flavor?: string) =>
    evaluate(resolveFunction(reference, { flavor }), [x])[0];
  const slopeAt = (reference: string, x: number, flavor?: string) =>
    derivative(resolveFunction(reference, { flavor }), [x])[0];

  it('leaky_relu: slope 0.01 in PyTorch and JAX, 0.2 in Keras, tf.keras and TensorFlow.js', () => {
    expect(at('leaky_relu', -2, 'keras')).toBe(-0.4);
    expect(at('leaky_relu', -2, 'tf-keras')).toBe(-0.4);
    expect(at('leaky_relu', -2, 'tfjs')).toBe(-0.4);
    expect(at('leaky_relu', -2, 'torch')).toBe(-0.02);
    expect(at('leaky_relu', -2, 'jax')).toBe(-0.02);
  });

  it('gelu: exact in PyTorch and keras.activations, the tanh form in jax.nn', () => {
    const tanhForm = resolveFunction('gelu_new');
    for (const x of [-3, -0.75, 0.5, 2]) {
      expect(at('gelu', x, 'jax')).toBe(evaluate(tanhForm, [x])[0]);
      expect(at('gelu', x, 'keras')).toBe(at('gelu', x));
    }
  });

  it('hard_sigmoid: 0.2x + 0.5 in tf.keras and TensorFlow.js layers, ReLU6(x + 3)/6 elsewhere', () => {
    expect(at('hard_sigmoid', -1, 'tf-keras')).toBeCloseTo(0.3, 15);
    expect(at('hard_sigmoid', -1, 'tfjs')).toBeCloseTo(0.3, 15);
    for (const flavor of ['torch', 'keras', 'jax']) expect(at('hard_sigmoid', -1, flavor)).toBe(1 / 3);
  });

  it('the step: 1 at 0 in activ and PyTorch (values = 1), 0 in TensorFlow.js, whose alpha sets x ≤ 0', () => {
    expect(at('binary_step', 0)).toBe(1);
    expect(at('binary_step', 0, 'tfjs')).toBe(0);
    expect(evaluate('step@tfjs', [-3, 0, 2], { alpha: -0.5 })).toEqual(Float64Array.of(-0.5, -0.5, 1));
  });

  it("kinks: JAX's leaky_relu'(0) = 1 and hard_tanh'(±1) = 1; TensorFlow.js's relu6'(6) = 1; PyTorch's 0", () => {
    expect(slopeAt('leaky_relu', 0, 'jax')).toBe(1);
    expect(slopeAt('leaky_relu', 0, 'torch')).toBe(0.01);
    expect(derivative('hard_tanh@jax', [-1, 1])).toEqual(Float64Array.of(1, 1));
    expect(derivative('hardtanh@torch', [-1, 1])).toEqual(Float64Array.of(0, 0));
    expect(slopeAt('relu6', 6, 'tfjs')).toBe(1);
    expect(slopeAt('relu6', 6, 'torch')).toBe(0);
  });

  it("Keras's relu takes negative_slope, max_value and threshold together", () => {
    const x = [-10, -5, 0, 5, 10];
    // keras/src/activations/activations.py's docstring examples.
    expect(evaluate('relu@keras', x, { negative_slope: 0.5 })).toEqual(Float64Array.of(-5, -2.5, 0, 5, 10));
    expect(evaluate('relu@keras', x, { max_value: 5 })).toEqual(Float64Array.of(0, 0, 0, 5, 5));
    // The docstring prints -0. below the threshold, from tf.keras's x·mask; Keras 3's where() gives 0.
    expect(evaluate('relu@keras', x, { threshold: 5 })).toEqual(Float64Array.of(0, 0, 0, 0, 10));
    expect(evaluate('relu@tf-keras', [-10], { alpha: 0.5, threshold: 1 })[0]).toBe(-5.5);
  });

  it("and the others found reading them: SELU'(0), CELU'(0), hard swish at ±3, sparse_sigmoid at ±1", () => {
    expect(slopeAt('selu', 0, 'keras')).toBe(1.0507009873554805); // TensorFlow's SeluGrad: λ
    expect(slopeAt('selu', 0, 'jax')).toBe(slopeAt('selu', 0)); // λ·α, as PyTorch
    expect(slopeAt('celu', 0, 'keras')).toBe(2); // tf.maximum and tf.minimum both pass at a tie
    expect(slopeAt('celu', 0, 'jax')).toBe(1); // jnp.maximum and jnp.minimum give half each
    expect(derivative('hard_silu@jax', [-3, 3])).toEqual(Float64Array.of(0, 1));
    expect(derivative('hardswish', [-3, 3])).toEqual(Float64Array.of(-0.5, 1.5));
    expect(derivative('sparse_sigmoid@jax', [-1, 1])).toEqual(Float64Array.of(0.25, 0.25));
    expect(derivative('sparse_sigmoid@keras', [-1, 1])).toEqual(Float64Array.of(0, 0));
  });
});

describe('the flavor registry', () => {
  it('maps every function to a catalog entry, and lists each name once', () => {
    const names = new Set(catalog.map((a) => a.name));
    for (const flavor of FLAVOR_NAMES) {
      const seen = new Set<string>();
      for (const a of flavorFunctions(flavor)) {
        expect(names.has(a.spec.catalog), `${a.name}@${flavor}`).toBe(true);
        expect(seen.has(a.name), `${a.name}@${flavor} twice`).toBe(false);
        seen.add(a.name);
        expect(a.spec.source.length, `${a.name}@${flavor} names its source`).toBeGreaterThan(0);
        expect(() => resolveParams(a)).not.toThrow();
      }
    }
  });

  it('finds a name by the framework’s spelling or by the catalog’s, and says so when the framework lacks it', () => {
    expect(findInFlavor('leakyRelu', 'tfjs').name).toBe('leakyRelu');
    expect(findInFlavor('leaky_relu', 'tfjs').name).toBe('leakyRelu');
    expect(findInFlavor('binary_step', 'tfjs').name).toBe('step');
    expect(findInFlavor('hardswish', 'keras').name).toBe('hard_silu');
    expect(() => findInFlavor('sparse_plus', 'tfjs')).toThrow(
      /^tfjs has no sparse_plus; it has: relu, relu6, /,
    );
    expect(() => resolveFunction('relu@pytorch')).toThrow(
      "unknown flavor 'pytorch'; the flavors are torch, keras",
    );
  });

  it('torch is the catalog: same values and derivatives, at kinks too', () => {
    const x = Float64Array.of(-7, -3, -1, -0.5, 0, 0.5, 1, 3, 6, 7);
    for (const a of flavorFunctions('torch')) {
      const entry = resolveFunction(a.spec.catalog);
      const p = a.baseParams(resolveParams(a));
      expect(Array.from(a.evaluate(x, resolveParams(a))), a.name).toEqual(Array.from(entry.evaluate(x, p)));
      expect(Array.from(a.derivative(x, resolveParams(a))), a.name).toEqual(
        Array.from(entry.derivative(x, p)),
      );
      expect(differenceFromCatalog(a).derivative, a.name).toBe(false);
    }
  });
});

describe('the command line', () => {
  const text = (args: string[]) => {
    const run = activ(args);
    return { status: run.status, stdout: run.stdout.toString('utf8'), stderr: run.stderr };
  };

  it('eval --flavor: each of the issue’s cases, exact (their mpmath values in flavor-references.json)', () => {
    expect(text(['eval', 'leaky_relu', '--flavor', 'keras', '--', '-2']).stdout).toBe('-0.4\n');
    expect(text(['eval', 'hard_sigmoid', '--flavor', 'tf-keras', '--', '-1']).stdout).toBe('0.3\n');
    expect(text(['eval', 'binary_step', '--flavor', 'tfjs', '--', '0']).stdout).toBe('0\n');
    expect(text(['eval', 'leaky_relu', '--flavor', 'jax', '--derivative', '--', '0']).stdout).toBe('1\n');
    // jax.nn.gelu(1.0) in the tanh form, ½(1 + tanh(√(2/π)·1.044715)) (fixtures/flavor-references.json).
    const exactTanh = references.points.find(
      (r) => r.flavor === 'jax' && r.name === 'gelu' && r.params.approximate === 'true' && r.x === '1.0',
    )!;
    const got = Number(text(['eval', 'gelu', '--flavor', 'jax', '--', '1']).stdout);
    expect(isExact(got, exactTanh.f as string)).toBe(true);
    expect(text(['eval', 'gelu', '--', '1']).stdout).not.toBe(`${got}\n`);
  });

  it('plot --flavor torch,tf-keras draws one labelled curve per flavor, in a file named after both', () => {
    const dir = emptyFolder();
    const run = activ(['plot', 'hard_sigmoid', '--flavor', 'torch,tf-keras'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['hardsigmoid@torch-hard_sigmoid@tf-keras.png']);
    const command = plotCommandLine();
    command.parse(['hard_sigmoid', '--flavor', 'torch,tf-keras'], { from: 'user' });
    const spec = plotSpec(plotArguments(command.args, command).request);
    expect(spec.curves.map((c) => c.label)).toEqual(['hardsigmoid (torch)', 'hard_sigmoid (tf-keras)']);
    expect(spec.legend).toBe('best');
  });

  it('name@flavor works wherever a name does, and a flavor that lacks the name says what it has', () => {
    const dir = emptyFolder();
    expect(activ(['plot', 'leaky_relu@keras', 'leaky_relu@torch', '-o', 'x.svg'], { cwd: dir }).status).toBe(
      0,
    );
    const missing = text(['plot', 'sparse_plus', '--flavor', 'tfjs']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^activ: tfjs has no sparse_plus; it has: relu, relu6, leakyRelu, /);
    expect(text(['eval', 'relu', '--flavor', 'keras,jax', '--', '1']).stderr).toBe(
      "activ: --flavor takes one flavor here, not 'keras,jax' (plot overlays several)\n",
    );
    expect(
      text(['table', 'relu@keras', '--max-value', '2', '--range', '1..3', '--samples', '3']).stdout,
    ).toBe('x,y\n1,1\n2,2\n3,2\n');
  });

  it('list gelu --flavors shows every flavor’s default; list --flavor keras the framework’s names', () => {
    const out = text(['list', 'gelu', '--flavors']).stdout;
    expect(out).toMatch(/^torch +torch\.nn\.functional\.gelu +approximate=none /m);
    expect(out).toMatch(/^keras +keras\.activations\.gelu +approximate=false /m);
    expect(out).toMatch(/^tf-keras +tf\.keras\.activations\.gelu +approximate=false /m);
    expect(out).toMatch(/^tfjs +tf\.layers\.activation\(\{activation: 'gelu_new'\}\) +- +½x/m);
    expect(out).toMatch(/^jax +jax\.nn\.gelu +approximate=true \* /m);
    const keras = text(['list', '--flavor', 'keras']).stdout;
    expect(keras).toMatch(/^hard_silu +hardswish +- +f' at kinks +keras\.activations\.hard_silu$/m);
    expect(keras).toMatch(/^relu +relu +negative_slope=0 max_value=None threshold=0 +same /m);
    const json = JSON.parse(text(['list', '--flavor', 'jax', '--json']).stdout) as {
      functions: { name: string }[];
    };
    expect(json.functions.map((f) => f.name)).toContain('hard_tanh');
  });
});
