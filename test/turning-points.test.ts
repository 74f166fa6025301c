// Every entry's turning points, with its kinks and jumps, must split f (and f') into monotone
// pieces: a dense figure evaluates only the ends of a pixel column on the strength of it
// (src/figure/column-samples.ts), and a missed turning point would flatten a dip there.
import { describe, expect, it } from 'vitest';
import type { Activation, ParamValues, Quantity } from '../src/activations/activation.js';
import { catalog } from '../src/activations/catalog.js';
import { resolveParams } from '../src/activations/params.js';
import { linearGrid } from '../src/sampling.js';
import { allFlavorFunctions } from '../src/flavors/registry.js';

/** Defaults, then each parameter moved alone to values either side of its default (valid ones only). */
function paramCases(activation: Activation): ParamValues[] {
  const cases: ParamValues[] = [resolveParams(activation)];
  for (const p of activation.params) {
    const values = p.kind === 'choice' ? p.choices : [-3, -1, -0.3, 0, 0.2, 0.7, 2, 5];
    for (const value of values) {
      try {
        cases.push(resolveParams(activation, { [p.name]: value }));
      } catch {
        // outside the parameter's bounds
      }
    }
  }
  return cases;
}

/** The name as a test title gives it: a framework's function says whose it is (relu@keras). */
function nameOf(activation: Activation): string {
  return activation.flavor === undefined ? activation.name : `${activation.name}@${activation.flavor}`;
}

function describeCase(activation: Activation, params: ParamValues): string {
  const list = Object.entries(params).map(([k, v]) => `${k}=${v}`);
  return `${nameOf(activation)}${list.length ? ` (${list.join(', ')})` : ''}`;
}

// The catalog and every framework flavor's function (its own definitions and conventions at kinks).
const everyEntry = [...catalog, ...allFlavorFunctions()];
const pointwise = everyEntry.filter((a) => !a.overVector);

/**
 * An entry may leave its turning points undefined only where they are too many to list: here,
 * where f (or f') keeps changing direction over its default range and far out on both sides (a
 * periodic function), checked on the values themselves.
 */
function turnsOften(activation: Activation, params: ParamValues, quantity: Quantity): boolean {
  const [a, b] = activation.range;
  for (const [lo, hi] of [
    [a, b],
    [1e6, 1e6 + (b - a)],
    [-1e6 - (b - a), -1e6],
  ] as const) {
    const y = values(activation, linearGrid(lo, hi, 20001), params, quantity);
    let turns = 0;
    for (let i = 2; i < y.length; i++) if ((y[i]! - y[i - 1]!) * (y[i - 1]! - y[i - 2]!) < 0) turns++;
    if (turns < 3) return false;
  }
  return true;
}

function values(
  activation: Activation,
  x: Float64Array,
  params: ParamValues,
  quantity: Quantity,
): Float64Array {
  return quantity === 'value' ? activation.evaluate(x, params) : activation.derivative(x, params);
}

for (const quantity of ['value', 'derivative'] as const) {
  const f = quantity === 'value' ? 'f' : "f'";
  describe(`turning points, kinks and jumps split ${f} into monotone pieces`, () => {
    it('are declared for every pointwise entry, and for none over a vector', () => {
      expect(pointwise.length).toBeGreaterThanOrEqual(25);
      for (const a of everyEntry) {
        if (a.overVector) expect(a.turningPoints(resolveParams(a), quantity), a.name).toBeUndefined();
        else if (a.turningPoints(resolveParams(a), quantity) === undefined)
          expect(turnsOften(a, resolveParams(a), quantity), a.name).toBe(true);
      }
    });

    for (const activation of pointwise) {
      it(`${nameOf(activation)}: ${f} is monotone between them, for its parameters`, () => {
        for (const params of paramCases(activation)) {
          const turning = activation.turningPoints(params, quantity);
          // Too many to list (a periodic f'): a figure evaluates every sample, nothing to check.
          if (turning === undefined) continue;
          const special = [...turning, ...activation.kinks(params), ...activation.jumps(params)]
            .filter(Number.isFinite)
            .sort((a, b) => a - b);
          const lo = Math.min(activation.range[0], ...special) - 5;
          const hi = Math.max(activation.range[1], ...special) + 5;
          const edges = [lo, ...special.filter((s) => s > lo && s < hi), hi];
          for (let k = 0; k + 1 < edges.length; k++) {
            const [a, b] = [edges[k]!, edges[k + 1]!];
            if (b - a < 1e-9) continue;
            // Inside the piece, clear of its ends (where f may jump or the turning point is rounded).
            const inset = (b - a) * 1e-7;
            const x = linearGrid(a + inset, b - inset, 4001);
            const y = values(activation, x, params, quantity);
            const scale = Math.max(...Array.from(y, Math.abs).filter(Number.isFinite), 1e-300);
            const tolerance = 1e-13 * scale; // rounding, not shape
            let rises = false;
            let falls = false;
            for (let i = 1; i < y.length; i++) {
              const d = y[i]! - y[i - 1]!;
              if (d > tolerance) rises = true;
              if (d < -tolerance) falls = true;
            }
            expect(
              rises && falls,
              `${f} of ${describeCase(activation, params)} both rises and falls on ${a}..${b}`,
            ).toBe(false);
          }
        }
      });
    }

    it(`each declared turning point is one: ${f} rises on one side of it and falls on the other`, () => {
      let declared = 0;
      for (const activation of pointwise) {
        for (const params of paramCases(activation)) {
          for (const t of activation.turningPoints(params, quantity) ?? []) {
            declared++;
            const d = 1e-3 * Math.max(1, Math.abs(t));
            const [left, middle, right] = values(
              activation,
              Float64Array.of(t - d, t, t + d),
              params,
              quantity,
            );
            expect(
              Math.sign(middle! - left!) * Math.sign(right! - middle!),
              `${f} of ${describeCase(activation, params)} at ${t}`,
            ).toBe(-1);
          }
        }
      }
      expect(declared).toBeGreaterThan(0);
    });
  });
}
