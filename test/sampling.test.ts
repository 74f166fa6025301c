import { describe, expect, it } from 'vitest';
import { resolveParams } from '../src/activations/params.js';
import { getActivation } from '../src/activations/registry.js';
import { nextDown, nextUp } from '../src/math/float.js';
import { linearGrid, sampleCurve, sampleCurveInSlices } from '../src/sampling.js';

describe('linearGrid', () => {
  it('gives the same doubles as numpy.linspace (values printed by numpy 1.24)', () => {
    expect([...linearGrid(-20, 20, 5)]).toEqual([-20, -10, 0, 10, 20]);
    expect([...linearGrid(-20, 20, 7)]).toEqual([
      -20, -13.333333333333332, -6.666666666666666, 0, 6.666666666666668, 13.333333333333336, 20,
    ]);
  });
  it('does not overflow when the span is wider than the double range', () => {
    const x = linearGrid(-1e308, 1e308, 3);
    expect([...x]).toEqual([-1e308, 0, 1e308]);
  });
});

describe('sampleCurve', () => {
  it('adds a kink inside the range exactly, so a ReLU corner is sharp', () => {
    const relu = getActivation('relu');
    // numpy.linspace(-1, 1.5, 4) misses 0: -1, -0.16666666666666663, 0.6666666666666667, 1.5
    const { x, y } = sampleCurve(relu, resolveParams(relu), -1, 1.5, 4);
    expect([...x]).toEqual([-1, -0.16666666666666663, 0, 0.6666666666666667, 1.5]);
    expect(y[2]).toBe(0);
  });

  it('samples both sides of a jump, so the line between them is vertical', () => {
    const step = getActivation('binary_step');
    const { x, y } = sampleCurve(step, resolveParams(step), -1, 1, 50);
    const i = x.indexOf(0);
    expect([x[i - 1], x[i], x[i + 1]]).toEqual([nextDown(0), 0, nextUp(0)]);
    expect([y[i - 1], y[i], y[i + 1]]).toEqual([0, 1, 1]);
  });

  it('takes softmax over the even grid only, as the article does', () => {
    const softmax = getActivation('softmax');
    const { x, y } = sampleCurve(softmax, resolveParams(softmax), -20, 20, 1000);
    expect(x.length).toBe(1000);
    expect(y.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });
});

describe('nextUp / nextDown', () => {
  it('step to the adjacent doubles', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextUp(0)).toBe(5e-324);
    expect(nextDown(0)).toBe(-5e-324);
  });
});

describe('sampleCurveInSlices', () => {
  it('hands over exactly the points sampleCurve makes, breakpoints at slice edges included', () => {
    // hardshrink jumps at ±0.5; slices of 7 put those jumps near slice boundaries
    for (const [name, from, to, samples] of [
      ['hardshrink', -1, 1, 41],
      ['relu', -1, 1.5, 100],
      ['threshold', -3, 3, 64],
      ['softmax', -5, 5, 50],
    ] as const) {
      const activation = getActivation(name);
      const params = resolveParams(activation);
      const whole = sampleCurve(activation, params, from, to, samples);
      const xs: number[] = [];
      const ys: number[] = [];
      sampleCurveInSlices(
        activation,
        params,
        from,
        to,
        samples,
        'value',
        (x, y) => {
          xs.push(...x);
          ys.push(...y);
        },
        7,
      );
      expect(xs, name).toEqual([...whole.x]);
      expect(ys, name).toEqual([...whole.y]);
    }
  });
});
