import { describe, expect, it } from 'vitest';
import { catalog } from '../src/activations/catalog.js';
import { resolveParams } from '../src/activations/params.js';
import { findActivation, getActivation, suggestNames } from '../src/activations/registry.js';

describe('registry lookup', () => {
  it('finds names case-insensitively with - and _ alike', () => {
    for (const name of ['binary_step', 'binary-step', 'BinaryStep', 'BINARY_STEP', 'step']) {
      expect(findActivation(name)?.name, name).toBe('binary_step');
    }
  });

  it('suggests the closest names for a typo', () => {
    expect(suggestNames('elux')).toEqual(['elu']);
    expect(() => getActivation('elux')).toThrow("unknown activation 'elux'; did you mean 'elu'?");
  });

  it('names the parameters a function takes when given one it does not', () => {
    const elu = getActivation('elu');
    expect(() => resolveParams(elu, { beta: 2 })).toThrow("elu has no parameter 'beta'; it takes: alpha");
  });

  it('accepts --alpha for leaky_relu as its negative_slope', () => {
    expect(resolveParams(getActivation('leaky_relu'), { alpha: 0.2 })).toEqual({ negative_slope: 0.2 });
  });

  it('gives every entry a formula, description, defaults inside their own bounds and a sane range', () => {
    for (const a of catalog) {
      expect(a.formula.length, a.name).toBeGreaterThan(0);
      expect(a.description.length, a.name).toBeGreaterThan(0);
      expect(a.range[0], a.name).toBeLessThan(a.range[1]);
      expect(() => resolveParams(a, {}), a.name).not.toThrow();
      expect(a.name, a.name).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    }
  });
});

describe('aliases and presets', () => {
  it('finds the new names and the aliases people type', () => {
    for (const [alias, name] of [
      ['relu_squared', 'squared_relu'],
      ['quick_gelu', 'quick_gelu'],
      ['sparse_plus', 'sparse_plus'],
      ['sparse_sigmoid', 'sparse_sigmoid'],
      ['sparsemax', 'sparsemax'],
      ['snake', 'snake'],
      ['star_relu', 'star_relu'],
    ] as const) {
      expect(findActivation(alias)?.name, alias).toBe(name);
    }
  });

  it('gelu_new is gelu with approximate = tanh, fixed, under its own name', () => {
    const geluNew = getActivation('gelu_new');
    const gelu = getActivation('gelu');
    expect(geluNew.name).toBe('gelu_new');
    expect(geluNew.params).toEqual([]);
    expect(gelu.aliases).toContain('gelu_new');
    expect(gelu.presets.map((p) => p.name)).toEqual(['gelu_new']);
    const x = Float64Array.of(-30, -3, -0.75, 0, 1e-300, 1, 3, 1e300, -Infinity, Number.NaN);
    const tanhForm = resolveParams(gelu, { approximate: 'tanh' });
    expect(geluNew.evaluate(x, resolveParams(geluNew))).toEqual(gelu.evaluate(x, tanhForm));
    expect(geluNew.derivative(x, resolveParams(geluNew))).toEqual(gelu.derivative(x, tanhForm));
    expect(geluNew.turningPoints(resolveParams(geluNew), 'value')).toEqual(
      gelu.turningPoints(tanhForm, 'value'),
    );
    expect(() => resolveParams(geluNew, { approximate: 'none' })).toThrow(
      "gelu_new has no parameter 'approximate'; it takes none",
    );
    expect(gelu.description).toContain('gelu_new is approximate = tanh');
  });

  it('quick_gelu is SiLU with β = 1.702, to the last bit', () => {
    const x = Float64Array.of(-800, -10, -1.5, -0.5, 0, 0.5, 3, 1e10);
    const silu = getActivation('silu');
    const quick = getActivation('quick_gelu');
    expect(quick.evaluate(x, {})).toEqual(silu.evaluate(x, resolveParams(silu, { beta: 1.702 })));
    expect(quick.derivative(x, {})).toEqual(silu.derivative(x, resolveParams(silu, { beta: 1.702 })));
  });

  it("takes the step's value at 0 as value_at_zero or torch's 'values'", () => {
    const step = getActivation('heaviside');
    expect(resolveParams(step, { values: 0.5 })).toEqual({ value_at_zero: 0.5 });
    expect(
      Array.from(step.evaluate(Float64Array.of(-1, -0, 0, 1), resolveParams(step, { values: 0.5 }))),
    ).toEqual([0, 0.5, 0.5, 1]);
    expect(Array.from(step.evaluate(Float64Array.of(0), resolveParams(step)))).toEqual([1]);
  });
});
