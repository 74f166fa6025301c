/**
 * activ's default figure against Matplotlib's own drawing of the same function. The reference
 * PNGs in fixtures/matplotlib/ were drawn by Matplotlib 3.6 with its defaults
 * (fixtures/make-matplotlib-figures.py); the measure is the compare tool's (support/figure-distance.ts).
 * The bar is the product's: curve within 1 px on average and 2 px at the 95th percentile, ink
 * (spines, ticks, labels) within 1.5 px on average.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFigure } from '../src/figure/build-figure.js';
import { renderFigure } from '../src/figure/render.js';
import { plotSpec } from '../src/plot-spec.js';
import { chamfer, masksOf } from './support/figure-distance.js';

interface Reference {
  file: string;
  name: string;
  params: Record<string, number>;
  from: number;
  to: number;
}

const dir = new URL('../fixtures/matplotlib/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as { figures: Reference[] };

describe("the default figure matches Matplotlib's", () => {
  for (const ref of index.figures) {
    it(`${ref.name} ${JSON.stringify(ref.params)} over ${ref.from}..${ref.to}`, async () => {
      const spec = plotSpec({ functions: [{ name: ref.name, params: ref.params }], from: ref.from, to: ref.to });
      const ours = await masksOf(renderFigure(buildFigure(spec), 'png'));
      const theirs = await masksOf(readFileSync(new URL(ref.file, dir)));
      expect([ours.width, ours.height]).toEqual([theirs.width, theirs.height]);
      const curve = chamfer(ours.curve, theirs.curve, ours.width, ours.height);
      const ink = chamfer(ours.ink, theirs.ink, ours.width, ours.height);
      expect(curve.mean, 'curve mean').toBeLessThanOrEqual(1);
      expect(curve.p95, 'curve p95').toBeLessThanOrEqual(2);
      expect(ink.mean, 'ink mean').toBeLessThanOrEqual(1.5);
    });
  }

  it('would notice a figure that is off: the axes of one reference against another', async () => {
    // Guards the measure itself: two different Matplotlib figures must fail the bar.
    const a = await masksOf(readFileSync(new URL('elu_-20_20.png', dir)));
    const b = await masksOf(readFileSync(new URL('sigmoid_-8_8.png', dir)));
    expect(chamfer(a.curve, b.curve, a.width, a.height).mean).toBeGreaterThan(1);
  });
});
