/**
 * A thousand random views, labelled by activ and by Matplotlib 3.6 itself: view limits, tick
 * labels and offset text of both axes. fixtures/make-tick-sweep.py drew each view on a real
 * Matplotlib figure (explicit limits as --xlim/--ylim give them, or a line spanning the range,
 * autoscaled as a curve's data is) and recorded what it shows (fixtures/matplotlib/tick-sweep.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAxis } from '../src/figure/axis.js';
import { limitsView, viewInterval } from '../src/figure/limits.js';
import { figureGeometry } from '../src/figure/style.js';
import { matplotlibStyle } from '../src/look/themes.js';

interface AxisRecord {
  view: [number, number];
  labels: string[];
  offset: string;
}
interface View {
  family: string;
  kind: 'limits' | 'data';
  size: [number, number];
  lo: number;
  hi: number;
  x: AxisRecord;
  y: AxisRecord;
}

const { views } = JSON.parse(
  readFileSync(new URL('../fixtures/matplotlib/tick-sweep.json', import.meta.url), 'utf8'),
) as { views: View[] };

function activ(view: View, axis: 'x' | 'y'): AxisRecord {
  const [lo, hi] = view.kind === 'limits' ? limitsView(view.lo, view.hi) : viewInterval(view.lo, view.hi);
  const { box, px } = figureGeometry(view.size[0] * 100, view.size[1] * 100, 100);
  const lengthPt = axis === 'x' ? (box.right - box.left) / px : (box.bottom - box.top) / px;
  const got = buildAxis(lo, hi, lengthPt, matplotlibStyle.fontSizePt, axis);
  return { view: [lo, hi], labels: [...got.labels], offset: got.offsetText };
}

describe("tick labels and offset texts on random views, against Matplotlib's", () => {
  const differing = views.filter((view) =>
    (['x', 'y'] as const).some((axis) => JSON.stringify(activ(view, axis)) !== JSON.stringify(view[axis])),
  );

  it('covers hundreds of views, widths 1e-250 to 1e300, many near 1', () => {
    expect(views.length).toBeGreaterThanOrEqual(500);
    const widths = views.map((v) => v.hi - v.lo);
    expect(Math.min(...widths)).toBeLessThan(1e-200);
    expect(Math.max(...widths)).toBeGreaterThan(1e250);
    expect(views.filter((v) => Math.abs(Math.abs(v.lo) - 1) < 0.1).length).toBeGreaterThan(views.length / 4);
  });

  it('matches on at least 99.7 % of views', () => {
    const report = differing
      .slice(0, 5)
      .map((v) => ({ view: v, activ: { x: activ(v, 'x'), y: activ(v, 'y') } }));
    expect(1 - differing.length / views.length, JSON.stringify(report, null, 1)).toBeGreaterThanOrEqual(
      0.997,
    );
  });
});
