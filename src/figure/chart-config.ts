import type { ChartConfiguration, Point } from 'chart.js';
// Chart.js sees only axes fractions, so views like ±1e308 or ±1e-300 reach it as ordinary numbers.
import { axesFraction } from './axis.js';
import { matplotlibAxes } from './matplotlib-axes.js';
import type { FigureModel, Series } from './model.js';
import { simplifyRun, type PixelPoint } from './reduce.js';
import { figureGeometry } from './style.js';


/**
 * A series as Chart.js points in axes fractions, simplified to what `columns` x `rows` pixels
 * can show (reduce.ts); runs of finite values are separated by a NaN point, which Chart.js leaves
 * as a gap, as Matplotlib does at inf or NaN.
 */
function visiblePoints(series: Series, figure: FigureModel, columns: number, rows: number): Point[] {
  const points: Point[] = [];
  let run: PixelPoint[] = [];
  // Path.should_simplify: only paths of 128 vertices or more are simplified.
  const simplify = series.x.length >= 128;
  const flush = () => {
    if (run.length === 0) return;
    if (points.length > 0) points.push({ x: NaN, y: NaN });
    for (const p of simplifyRun(run, simplify)) points.push({ x: p.x / columns, y: p.y / rows });
    run = [];
  };
  for (let i = 0; i < series.x.length; i++) {
    const y = series.y[i]!;
    if (Number.isFinite(y)) run.push({ x: axesFraction(figure.x, series.x[i]!) * columns, y: axesFraction(figure.y, y) * rows });
    else flush();
  }
  flush();
  return points;
}

/** The Chart.js configuration that draws `figure`. */
export function chartConfiguration(figure: FigureModel): ChartConfiguration<'line', Point[]> {
  const style = figure.style;
  const { box, px } = figureGeometry(figure.width, figure.height, figure.dpi, style);
  // The canvas has whole pixels (PDF pages: whole points); the figure may be a fraction smaller.
  const [canvasWidth, canvasHeight] = [Math.ceil(figure.width), Math.ceil(figure.height)];
  const lineWidth = figure.lineWidth * px;
  const datasets = figure.series.map((s, index) => {
    return {
      label: s.label,
      data: visiblePoints(s, figure, box.right - box.left, box.bottom - box.top),
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
        padding: { left: box.left, right: canvasWidth - box.right, top: box.top, bottom: canvasHeight - box.bottom },
      },
      scales: { x: hidden, y: hidden },
      plugins: { legend: { display: false }, tooltip: { enabled: false }, title: { display: false } },
    },
    plugins: [matplotlibAxes(figure)],
  };
}
