/**
 * Tick locations, labels and offset texts against Matplotlib's own, read off real Matplotlib 3.6
 * axes by fixtures/make-matplotlib-figures.py (the "ticks" table of fixtures/matplotlib/index.json),
 * on a default 6.4 x 4.8 in figure.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAxis } from '../src/figure/axis.js';
import { limitsView, viewInterval } from '../src/figure/limits.js';
import { figureGeometry } from '../src/figure/style.js';
import { matplotlibStyle } from '../src/look/themes.js';

interface AxisRow {
  ticks: number[];
  labels: string[];
  offset: string;
}
interface Row {
  view: [number, number];
  x: AxisRow;
  y: AxisRow;
}

const { ticks: rows } = JSON.parse(
  readFileSync(new URL('../fixtures/matplotlib/index.json', import.meta.url), 'utf8'),
) as { ticks: Row[] };
const { box, px } = figureGeometry(640, 480, 100);
const lengthPt = { x: (box.right - box.left) / px, y: (box.bottom - box.top) / px };

describe("Matplotlib's AutoLocator and ScalarFormatter", () => {
  for (const row of rows) {
    for (const axis of ['x', 'y'] as const) {
      it(`${axis} over ${row.view[0]}..${row.view[1]}`, () => {
        const got = buildAxis(row.view[0], row.view[1], lengthPt[axis], matplotlibStyle.fontSizePt, axis);
        expect(got.labels).toEqual(row[axis].labels);
        expect(got.offsetText).toEqual(row[axis].offset);
        expect(got.ticks.length).toBe(row[axis].ticks.length);
        got.ticks.forEach((t, i) => expect(t).toBeCloseTo(row[axis].ticks[i]!, 12));
      });
    }
  }
});

describe('view limits', () => {
  it('adds 5 % of the span on each side, as axes.xmargin', () => {
    expect(viewInterval(-20, 20)).toEqual([-22, 22]);
  });
  it('widens a flat span as Matplotlib does (its ylim for a constant 0, 1 and −3)', () => {
    const cases: [number, [number, number]][] = [
      [0, [-0.055, 0.055]],
      [1, [0.945, 1.055]],
      [-3, [-3.165, -2.835]],
    ];
    for (const [c, [lo, hi]] of cases) {
      const [gotLo, gotHi] = viewInterval(c, c);
      expect(gotLo).toBeCloseTo(lo, 12);
      expect(gotHi).toBeCloseTo(hi, 12);
    }
  });
  it('adds no margin to a span wider than the double range, as autoscale_view ("If a bound isn\'t finite, set margin to zero")', () => {
    expect(viewInterval(-1e308, 1e308)).toEqual([-1e308, 1e308]);
  });
  // Matplotlib 3.6: ax.plot([-1.75e308, 0], [0, 1]) gives xlim (-1e-12, 1e-12): the margin overflows
  // the low end to -inf, and nonsingular answers an infinite end with ±1e-12. activ keeps the data.
  it('stops an end at the largest double where the margin would overflow it', () => {
    const [lo, hi] = viewInterval(-1.75e308, 0);
    expect(lo).toBe(-Number.MAX_VALUE);
    expect(hi).toBe(8.75e306);
  });
  // Matplotlib 3.6: ax.plot([0, 1], [1 - 5e-15, 1]) autoscales y to (0.9999999999989948, 1.0000000000010003):
  // MaxNLocator.view_limits widens the span by 1e-12 of each end; ax.set_ylim(1, 1 + 2**-52) gives
  // (0.95, 1.0500000000000003).
  it('widens a span too narrow for ticks, from data and from explicit limits, as Matplotlib does', () => {
    expect(viewInterval(1 - 5e-15, 1)).toEqual([0.9999999999989948, 1.0000000000010003]);
    expect(limitsView(1, 1 + 2 ** -52)).toEqual([0.95, 1.0500000000000003]);
    expect(limitsView(1, 1.001)).toEqual([1, 1.001]);
  });
});
