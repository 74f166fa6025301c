/**
 * The height Matplotlib gives a line of text on a raster figure: the ascent and descent of "lp"
 * as its Agg renderer measures them with FreeType's autofitter, read off Matplotlib 3.6 itself
 * for 10 and 12 pt at every dpi from 10 to 600 (the "lineMetrics" table of
 * fixtures/matplotlib/index.json, written by fixtures/make-matplotlib-figures.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autofitLineMetrics } from '../src/figure/drawing.js';

const { lineMetrics } = JSON.parse(
  readFileSync(new URL('../fixtures/matplotlib/index.json', import.meta.url), 'utf8'),
) as {
  lineMetrics: [number, number, number, number][];
};

describe("Matplotlib's hinted line height", () => {
  it('is the same for every size and dpi measured', () => {
    expect(lineMetrics.length).toBeGreaterThan(1000);
    const wrong = lineMetrics.filter(([pt, dpi, height, descent]) => {
      const { ascent, descent: d } = autofitLineMetrics((pt * dpi) / 72);
      return ascent + d !== height || d !== descent;
    });
    expect(wrong).toEqual([]);
  });

  it('is not the font size rounded: at 50 dpi 10 pt is 5 + 1 px, at 200 dpi 22 + 6 px', () => {
    expect(autofitLineMetrics((10 * 50) / 72)).toEqual({ ascent: 5, descent: 1 });
    expect(autofitLineMetrics((10 * 200) / 72)).toEqual({ ascent: 22, descent: 6 });
  });
});
