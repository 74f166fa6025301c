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
