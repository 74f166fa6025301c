import type { ChartConfiguration, Point } from 'chart.js';
// Chart.js sees only axes fractions, so views like ±1e308 or ±1e-300 reach it as ordinary numbers.
import { axesFraction } from './axis.js';
import { matplotlibAxes } from './matplotlib-axes.js';
import type { FigureModel, Series } from './model.js';
import { simplifyRun, type PixelPoint } from './reduce.js';
import { canvasOf, geometryOf } from './style.js';

/** Where a line's vertices are drawn: the axes box in canvas pixels, and the line's width. */
interface Placement {
  readonly left: number;
  readonly bottom: number;
  readonly columns: number;
  readonly rows: number;
  readonly lineWidth: number;
  /** Agg's path snapping, which Matplotlib's raster output has and its SVG and PDF do not. */
  readonly snap: boolean;
}

/**
 * Agg's PathSnapper with snap 'auto' (src/path_converters.h): a line of at most 1024 vertices
 * whose every segment is horizontal or vertical to within 1e-4 px goes onto the pixel grid
 * (centres for an odd width in whole pixels), as a constant curve does in Matplotlib's PNG.
 * Matplotlib's samples always step in x, while activ draws a jump as an exactly vertical
 * segment; only horizontal runs count, so a step function is snapped no more than Matplotlib's.
 */
function snapsToPixels(runs: readonly PixelPoint[][], vertices: number): boolean {
  if (vertices > 1024) return false;
  return runs.every((run) => run.every((p, i) => i === 0 || Math.abs(p.y - run[i - 1]!.y) < 1e-4));
}

/**
 * A series as Chart.js points in axes fractions, snapped and simplified as Agg would before
 * stroking it (reduce.ts); runs of finite values are separated by a point of NaN y, which
 * Chart.js leaves as a gap, as Matplotlib does at inf or NaN.
 */
function visiblePoints(series: Series, figure: FigureModel, at: Placement): Point[] {
  const runs: PixelPoint[][] = [[]];
  for (let i = 0; i < series.x.length; i++) {
    const y = series.y[i]!;
    // Canvas pixels, y downwards, as Agg snaps them.
    if (Number.isFinite(y))
      runs[runs.length - 1]!.push({
        x: at.left + axesFraction(figure.x, series.x[i]!) * at.columns,
        y: at.bottom - axesFraction(figure.y, y) * at.rows,
      });
    else if (runs[runs.length - 1]!.length > 0) runs.push([]);
  }
  const vertices = series.vertices ?? series.x.length;
  if (at.snap && snapsToPixels(runs, vertices)) {
    const half = Math.round(at.lineWidth) % 2 === 1 ? 0.5 : 0;
    for (const run of runs)
      for (const p of run) [p.x, p.y] = [Math.floor(p.x + 0.5) + half, Math.floor(p.y + 0.5) + half];
  }
  // Path.should_simplify: only paths of 128 vertices or more are simplified.
  const simplify = vertices >= 128;
  const points: Point[] = [];
  for (const run of runs) {
    if (run.length === 0) continue;
    // The gap keeps x in order: with `normalized` data Chart.js finds the visible points by
    // binary search on x, and a NaN x there cut off every run after the first.
    if (points.length > 0) points.push({ x: points[points.length - 1]!.x, y: NaN });
    for (const p of simplifyRun(run, simplify))
      points.push({ x: (p.x - at.left) / at.columns, y: (at.bottom - p.y) / at.rows });
  }
  return points;
}

/** The Chart.js configuration that draws `figure`. */
export function chartConfiguration(
  figure: FigureModel,
  { snap = true } = {},
): ChartConfiguration<'line', Point[]> {
  const style = figure.style;
  const canvas = canvasOf(figure);
  const { box, px } = geometryOf(figure);
  const [canvasWidth, canvasHeight] = [canvas.width, canvas.height];
  const lineWidth = figure.lineWidth * px;
  const datasets = figure.series.map((s, index) => {
    return {
      label: s.label,
      data: visiblePoints(s, figure, {
        left: box.left,
        bottom: box.bottom,
        columns: box.right - box.left,
        rows: box.bottom - box.top,
        lineWidth,
        snap,
      }),
      // Chart.js draws datasets from the highest `order` (then index) down, so the first would
      // end on top; Matplotlib draws lines in the order they were plotted, the last on top.
      order: -index,
      borderColor: s.color,
      borderWidth: lineWidth,
      // lines.dashed_pattern in line widths (lines.scale_dashes), in pixels at the figure's dpi.
      borderDash: s.dashed ? style.dashPattern.map((d) => d * lineWidth) : [],
      // lines.solid_capstyle 'projecting', lines.dash_capstyle 'butt': square caps would fill
      // most of each gap.
      borderCapStyle: s.dashed ? ('butt' as const) : ('square' as const),
      borderJoinStyle: 'round' as const,
      pointRadius: 0,
      tension: 0,
      fill: false,
      spanGaps: false,
      normalized: true,
      parsing: false as const,
    };
  });
  // The axes are drawn by the plugin; Chart.js's scales only map 0..1 to the axes box, so they
  // get as few ticks as Chart.js allows, and labels from a callback rather than its default
  // formatter, whose Intl.NumberFormat takes 10 ms to start in a fresh process.
  const hidden = {
    type: 'linear' as const,
    display: false,
    min: 0,
    max: 1,
    ticks: { display: false, maxTicksLimit: 2, callback: () => '' },
    grid: { display: false },
  };
  return {
    type: 'line',
    data: { datasets },
    options: {
      responsive: false,
      animation: false,
      events: [],
      devicePixelRatio: 1,
      layout: {
        padding: {
          left: box.left,
          right: canvasWidth - box.right,
          top: box.top,
          bottom: canvasHeight - box.bottom,
        },
      },
      scales: { x: hidden, y: hidden },
      plugins: { legend: { display: false }, tooltip: { enabled: false }, title: { display: false } },
    },
    plugins: [matplotlibAxes(figure)],
  };
}
