import { describe, expect, it } from 'vitest';
import { keepColumnExtremes } from '../src/figure/reduce.js';
import { linearGrid } from '../src/sampling.js';

describe('keepColumnExtremes', () => {
  const x = linearGrid(0, 1, 100_001);

  it('keeps at most the first, lowest, highest and last sample of each pixel column', () => {
    const y = x.map((v) => Math.sin(40 * v));
    const kept = keepColumnExtremes(x, y, 0, 1, 100);
    expect(kept.x.length).toBeLessThanOrEqual(4 * 101);
    expect(Math.max(...kept.y)).toBe(Math.max(...y));
    expect(Math.min(...kept.y)).toBe(Math.min(...y));
  });

  it('keeps a one-sample spike and a gap', () => {
    const y = new Float64Array(x.length);
    y[50_000] = 7; // a spike inside one column
    y[70_000] = NaN; // an overflowed value: the line must break there
    const kept = keepColumnExtremes(x, y, 0, 1, 100);
    expect([...kept.y]).toContain(7);
    const gap = kept.y.findIndex(Number.isNaN);
    expect(kept.x[gap]).toBe(x[70_000]);
    // the samples either side of the gap survive as column ends
    expect([...kept.x]).toContain(x[69_999]);
    expect([...kept.x]).toContain(x[70_001]);
  });

  it('keeps the order of the samples it keeps', () => {
    const y = x.map((v) => Math.cos(25 * v));
    const kept = keepColumnExtremes(x, y, 0, 1, 50);
    for (let i = 1; i < kept.x.length; i++) expect(kept.x[i]!).toBeGreaterThanOrEqual(kept.x[i - 1]!);
  });
});
