/**
 * The float operations the tick port relies on, against what CPython and NumPy on glibc compute
 * (fixtures/matplotlib/python-floats.json, written by fixtures/make-tick-sweep.py with Python's
 * own 10.0 ** k, math.log10, '%1.Nf' and '%1.10g').
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  cPow10,
  floorDiv,
  formatFixed,
  formatGeneral,
  log10,
  pyDivmod,
  rint,
} from '../src/figure/python-float.js';

const floats = JSON.parse(
  readFileSync(new URL('../fixtures/matplotlib/python-floats.json', import.meta.url), 'utf8'),
) as {
  pow10: [number, number | null][];
  log10: [number, number][];
  fixed: [number, number, string][];
  general: [number, string][];
};

describe("Python's float operations", () => {
  it('10.0 ** k for every k from −330 to 308', () => {
    for (const [k, value] of floats.pow10) {
      if (value !== null) expect(cPow10(k), `10.0 ** ${k}`).toBe(value);
    }
  });

  it("math.log10 (glibc's) on the doubles within two ulps of every power of ten, and at random", () => {
    const wrong = floats.log10.filter(([x, expected]) => log10(x) !== expected);
    expect(wrong).toEqual([]);
    // V8's own log10 is not the same function: the fixture must be able to tell them apart.
    expect(floats.log10.filter(([x, expected]) => Math.log10(x) !== expected).length).toBeGreaterThan(0);
  });

  it("'%1.Nf' % x, ties to even on the exact binary value", () => {
    for (const [x, decimals, text] of floats.fixed)
      expect(formatFixed(x, decimals), `${x} to ${decimals}`).toBe(text);
  });

  it("'%1.10g' % x", () => {
    for (const [x, text] of floats.general) expect(formatGeneral(x, 10), String(x)).toBe(text);
  });

  it('floor division and divmod as Python defines them (results from the Python prompt)', () => {
    expect(floorDiv(7, 2)).toBe(3);
    expect(floorDiv(-7, 2)).toBe(-4);
    expect(pyDivmod(-7, 2)).toEqual([-4, 1]);
    expect(pyDivmod(7, -2)).toEqual([-4, -1]);
    // 1 // 0.1 is 9.0 in Python (0.1 is a little above 1/10), where Math.floor(1 / 0.1) is 10.
    expect(floorDiv(1, 0.1)).toBe(9);
    expect(pyDivmod(1, 0.1)[1]).toBe(0.09999999999999995);
  });

  it('numpy.rint rounds halves to even', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999999999999996].map(rint)).toEqual([0, 2, 2, -0, -2, -2, 2]);
  });
});
