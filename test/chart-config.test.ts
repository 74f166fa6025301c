/**
 * The Chart.js configuration of a figure (src/figure/chart-config.ts), checked on the datasets
 * themselves: what the golden images and the Matplotlib comparisons see only as pixels. Expected
 * values come from Matplotlib's rules (matplotlib-look facts: lines.dashed_pattern 3.7, 1.6 in line
 * widths with butt caps, solid lines with projecting caps, a gap at NaN, the last line on top) and
 * from the figure's own axis limits.
 */
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chartConfiguration } from '../src/figure/chart-config.js';
import { buildFigure } from '../src/figure/build-figure.js';
import { renderPlot } from '../src/figure/render.js';
import { plotSpec, type PlotRequest } from '../src/plot-spec.js';

interface Point {
  x: number;
  y: number;
}

function configOf(request: PlotRequest) {
  const figure = buildFigure(plotSpec(request));
  return { figure, config: chartConfiguration(figure) };
}

/** A dataset's points: activ hands Chart.js numbers only (NaN at a gap, never null). */
const pointsOf = (dataset: { data: unknown }) => dataset.data as Point[];

/** An axis value as the fraction of the axes box it sits at. */
const fraction = (axis: { min: number; max: number }, v: number) => (v - axis.min) / (axis.max - axis.min);

describe('chart configuration', () => {
  it('breaks a curve where it is not finite, and joins nothing across the gap', () => {
    // sqrt(x^2 - 1) is NaN on (-1, 1): two runs, one NaN point between them.
    const { figure, config } = configOf({
      functions: [{ name: 'sqrt(x^2 - 1)' }],
      from: -2,
      to: 2,
      samples: 401,
    });
    const points = pointsOf(config.data.datasets[0]!);
    const gaps = points.flatMap((p, i) => (Number.isNaN(p.y) ? [i] : []));
    // Chart.js reads normalized data by binary search on x: x must never go back, nor be NaN.
    points.forEach((p, i) => {
      expect(Number.isNaN(p.x), `x of point ${i}`).toBe(false);
      if (i > 0) expect(p.x, `x of point ${i}`).toBeGreaterThanOrEqual(points[i - 1]!.x);
    });
    expect(gaps).toHaveLength(1);
    const [gap] = gaps as [number];
    const left = points.slice(0, gap);
    const right = points.slice(gap + 1);
    expect(left.length).toBeGreaterThan(1);
    expect(right.length).toBeGreaterThan(1);
    // Nothing drawn inside (-1, 1), to within a pixel's simplification.
    const slack = 1 / (figure.width * 0.775);
    expect(Math.max(...left.map((p) => p.x))).toBeLessThanOrEqual(fraction(figure.x, -1) + slack);
    expect(Math.min(...right.map((p) => p.x))).toBeGreaterThanOrEqual(fraction(figure.x, 1) - slack);
    expect(config.data.datasets[0]!.spanGaps).toBe(false);
  });

  it('draws every run after a gap, in the PNG itself', async () => {
    // Matplotlib draws both branches of sqrt(x^2 - 1) over -2..2; the axes span 80..576 px across.
    const png = PNG.sync.read(
      await renderPlot(plotSpec({ functions: [{ name: 'sqrt(x^2 - 1)' }], from: -2, to: 2 }), 'png'),
    );
    const blueColumns = new Set<number>();
    for (let y = 0; y < png.height; y++)
      for (let x = 0; x < png.width; x++) {
        const o = (y * png.width + x) * 4;
        const [r, g, b] = [png.data[o]!, png.data[o + 1]!, png.data[o + 2]!];
        if (Math.abs(r - 0x1f) < 40 && Math.abs(g - 0x77) < 40 && Math.abs(b - 0xb4) < 40) blueColumns.add(x);
      }
    const columns = [...blueColumns];
    // x = -1 and x = 1 sit at 80 + 496 * (1.2 / 4.4) = 215.3 and 440.7 px.
    expect(columns.filter((x) => x < 216).length).toBeGreaterThan(100);
    expect(columns.filter((x) => x > 440).length).toBeGreaterThan(100);
    expect(columns.filter((x) => x > 220 && x < 436)).toEqual([]);
  });

  it('dashes a derivative as Matplotlib does: 3.7 and 1.6 line widths, butt caps; solid lines square-capped', () => {
    const { figure, config } = configOf({ functions: [{ name: 'tanh' }], derivative: 'add', dpi: 100 });
    const [value, slope] = config.data.datasets as [
      (typeof config.data.datasets)[number],
      (typeof config.data.datasets)[number],
    ];
    // 1.5 pt at 100 dpi.
    const lineWidth = (1.5 * 100) / 72;
    expect(figure.lineWidth).toBe(1.5);
    expect(value.borderWidth).toBeCloseTo(lineWidth, 12);
    expect(value.borderDash).toEqual([]);
    expect(value.borderCapStyle).toBe('square');
    const dash = slope.borderDash as number[];
    expect(dash).toHaveLength(2);
    expect(dash[0]).toBeCloseTo(3.7 * lineWidth, 12);
    expect(dash[1]).toBeCloseTo(1.6 * lineWidth, 12);
    expect(slope.borderCapStyle).toBe('butt');
  });

  it('puts the last curve on top (Chart.js draws from the highest order down)', () => {
    const { config } = configOf({ functions: [{ name: 'relu' }, { name: 'gelu' }, { name: 'silu' }] });
    const orders = config.data.datasets.map((d) => d.order!);
    expect(orders).toEqual([...orders].sort((a, b) => b - a));
    expect(new Set(orders).size).toBe(3);
  });

  it('snaps a constant curve to pixel centres as Agg does, and leaves a sloping one alone', () => {
    // A constant line of 1.5 pt at 72 dpi is 1.5 px wide, which rounds to 2 (even): its y lands
    // on a pixel edge, a whole number of canvas pixels from the top.
    const flat = configOf({ functions: [{ name: '0*x + 0.3' }], dpi: 72, ylim: [0, 1] });
    const rows = pointsOf(flat.config.data.datasets[0]!).map((p) => p.y);
    const canvasRows = (y: number) => {
      // The axes box: 0.11..0.88 of the height, as in Matplotlib's figure.subplot params.
      const height = flat.figure.height;
      return height * (1 - 0.11) - y * height * (0.88 - 0.11);
    };
    for (const y of rows) {
      const fromTop = canvasRows(y);
      expect(Math.abs(fromTop - Math.round(fromTop))).toBeLessThan(1e-9);
    }
    const sloped = configOf({ functions: [{ name: 'x' }], dpi: 72, samples: 50 });
    const fromTop = pointsOf(sloped.config.data.datasets[0]!).map((p) => canvasRows(p.y));
    expect(fromTop.some((r) => Math.abs(r - Math.round(r)) > 1e-3)).toBe(true);
  });
});
