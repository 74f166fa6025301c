import type { ChartConfiguration, Point } from 'chart.js';
import type { AxisModel } from './axis.js';
import { matplotlibAxes } from './matplotlib-axes.js';
import type { FigureModel } from './model.js';
import { figureGeometry } from './style.js';

/**
 * Data to axes fractions (0 at the view's low end, 1 at the high end). Chart.js sees only these,
 * so views like −1e308..1e308 (whose width overflows) or ±1e-300 reach it as ordinary numbers.
 */
function toAxesFraction(axis: AxisModel, v: number): number {
  return (v / 2 - axis.min / 2) / (axis.max / 2 - axis.min / 2);
}

/** The Chart.js configuration that draws `figure`. */
export function chartConfiguration(figure: FigureModel): ChartConfiguration<'line', Point[]> {
  const style = figure.style;
  const { box, px } = figureGeometry(figure.width, figure.height, figure.dpi, style);
  // The canvas has whole pixels (PDF pages: whole points); the figure may be a fraction smaller.
  const [canvasWidth, canvasHeight] = [Math.ceil(figure.width), Math.ceil(figure.height)];
  const lineWidth = figure.lineWidth * px;
  const datasets = figure.series.map((s) => {
    const data: Point[] = new Array(s.x.length);
    for (let i = 0; i < s.x.length; i++) {
      const y = s.y[i]!;
      // A value that overflowed leaves a gap, as Matplotlib leaves one at inf or NaN.
      data[i] = { x: toAxesFraction(figure.x, s.x[i]!), y: Number.isFinite(y) ? toAxesFraction(figure.y, y) : NaN };
    }
    return {
      label: s.label,
      data,
      borderColor: s.color,
      borderWidth: lineWidth,
      borderDash: s.dashed ? style.dashPattern.map((d) => d * lineWidth) : [],
      borderCapStyle: 'square' as const,
      borderJoinStyle: 'round' as const,
      pointRadius: 0,
      tension: 0,
      fill: false,
      spanGaps: false,
      normalized: true,
      parsing: false as const,
    };
  });
  const hidden = { type: 'linear' as const, display: false, min: 0, max: 1 };
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
