/**
 * Where loc='best' puts the legend, against Matplotlib itself: fixtures/matplotlib/legend-best.json
 * (made by fixtures/make-legend-placements.py with Debian's Matplotlib 3.6) holds the frame of the
 * legend Matplotlib drew over each set of curves. activ places a frame of the same size by its
 * own rule over its own samples of the same curves, and must land on the same spot, to within
 * the half pixel of Matplotlib's frame snapping.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFigure } from '../src/figure/build-figure.js';
import { placeLegend } from '../src/figure/legend.js';
import { geometryOf } from '../src/figure/style.js';
import { plotSpec } from '../src/plot-spec.js';

interface Case {
  functions: string[];
  from: number;
  to: number;
  samples?: number;
  frame: { left: number; top: number; width: number; height: number };
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/matplotlib/legend-best.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

describe("legend placement 'best', as Matplotlib places it", () => {
  it('covers the spots: the fixture puts legends in at least five different places', () => {
    const spots = new Set(fixture.cases.map((c) => `${Math.round(c.frame.left)},${Math.round(c.frame.top)}`));
    expect(spots.size).toBeGreaterThanOrEqual(5);
  });

  for (const c of fixture.cases) {
    it(`${c.functions.join(', ')} over ${c.from}..${c.to}`, () => {
      const figure = buildFigure(
        plotSpec({
          functions: c.functions.map((name) => ({ name })),
          from: c.from,
          to: c.to,
          ...(c.samples === undefined ? {} : { samples: c.samples }),
        }),
      );
      const geometry = geometryOf(figure);
      const rect = placeLegend(figure, geometry, 'best', c.frame.width, c.frame.height);
      expect(Math.abs(rect.left - c.frame.left), `left ${rect.left} vs ${c.frame.left}`).toBeLessThan(1);
      expect(Math.abs(rect.top - c.frame.top), `top ${rect.top} vs ${c.frame.top}`).toBeLessThan(1);
    });
  }
});
