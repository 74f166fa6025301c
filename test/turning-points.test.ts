// Every entry's turningPoints, with its kinks and jumps, must split f into monotone pieces: a
// dense figure evaluates only the ends of a pixel column on the strength of it
// (src/figure/column-samples.ts), and a missed turning point would flatten a dip there.
import { describe, expect, it } from 'vitest';
import type { Activation, ParamValues } from '../src/activations/activation.js';
import { catalog } from '../src/activations/catalog.js';
import { resolveParams } from '../src/activations/params.js';
import { linearGrid } from '../src/sampling.js';

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

function describeCase(activation: Activation, params: ParamValues): string {
  const list = Object.entries(params).map(([k, v]) => `${k}=${v}`);
  return `${activation.name}${list.length ? ` (${list.join(', ')})` : ''}`;
}

const pointwise = catalog.filter((a) => !a.overVector);

describe('turning points, kinks and jumps split f into monotone pieces', () => {
  it('covers every pointwise entry, and none over a vector', () => {
    expect(pointwise.length).toBeGreaterThanOrEqual(25);
    for (const a of catalog) expect(a.turningPoints(resolveParams(a)) === undefined).toBe(a.overVector);
  });

  for (const activation of pointwise) {
    it(`${activation.name}: monotone between them, for its parameters`, () => {
      for (const params of paramCases(activation)) {
        const turning = activation.turningPoints(params)!;
        const special = [...turning, ...activation.kinks(params), ...activation.jumps(params)].filter(Number.isFinite).sort((a, b) => a - b);
        const lo = Math.min(activation.range[0], ...special) - 5;
        const hi = Math.max(activation.range[1], ...special) + 5;
        const edges = [lo, ...special.filter((s) => s > lo && s < hi), hi];
        for (let k = 0; k + 1 < edges.length; k++) {
          const [a, b] = [edges[k]!, edges[k + 1]!];
          if (b - a < 1e-9) continue;
          // Inside the piece, clear of its ends (where f may jump or the turning point is rounded).
          const inset = (b - a) * 1e-7;
          const x = linearGrid(a + inset, b - inset, 4001);
          const y = activation.evaluate(x, params);
          const scale = Math.max(...Array.from(y, Math.abs).filter(Number.isFinite), 1e-300);
          const tolerance = 1e-13 * scale; // rounding, not shape
          let rises = false;
          let falls = false;
          for (let i = 1; i < y.length; i++) {
            const d = y[i]! - y[i - 1]!;
            if (d > tolerance) rises = true;
            if (d < -tolerance) falls = true;
          }
          expect(rises && falls, `${describeCase(activation, params)} both rises and falls on ${a}..${b}`).toBe(false);
        }
      }
    });
  }

  it("each declared turning point is one: f' changes sign across it", () => {
    let declared = 0;
    for (const activation of pointwise) {
      for (const params of paramCases(activation)) {
        for (const t of activation.turningPoints(params)!) {
          declared++;
          const d = 1e-3 * Math.max(1, Math.abs(t));
          const [left, right] = activation.derivative(Float64Array.of(t - d, t + d), params);
          expect(Math.sign(left!) * Math.sign(right!), `${describeCase(activation, params)} at ${t}`).toBe(-1);
        }
      }
    }
    expect(declared).toBeGreaterThan(0);
  });
});
