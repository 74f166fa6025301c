import type { PlotSpec } from '../plot-spec.js';
import { sampleCurve } from '../sampling.js';
import { buildAxis } from './axis.js';
import { finiteExtent, viewInterval } from './limits.js';
import type { FigureModel, Series } from './model.js';
import { figureGeometry, matplotlibStyle as style } from './style.js';

/** Sample every curve of the spec and lay out the axes around them, as Matplotlib would. */
export function buildFigure(spec: PlotSpec): FigureModel {
  const series: Series[] = spec.curves.map((curve, i) => {
    const { x, y } = sampleCurve(curve.activation, curve.params, spec.from, spec.to, spec.samples);
    return { label: curve.activation.name, color: style.colorCycle[i % style.colorCycle.length]!, dashed: false, x, y };
  });
  const { box, px } = figureGeometry(spec.width, spec.height, spec.dpi);
  const [xMin, xMax] = viewInterval(spec.from, spec.to);
  const [yLo, yHi] = finiteExtent(series.map((s) => s.y));
  const [yMin, yMax] = Number.isNaN(yLo) ? [-0.055, 0.055] : viewInterval(yLo, yHi);
  return {
    width: spec.width,
    height: spec.height,
    dpi: spec.dpi,
    series,
    x: buildAxis(xMin, xMax, (box.right - box.left) / px, style.fontSizePt, 'x'),
    y: buildAxis(yMin, yMax, (box.bottom - box.top) / px, style.fontSizePt, 'y'),
    ...(spec.title === undefined ? {} : { title: spec.title }),
    ...(spec.xlabel === undefined ? {} : { xlabel: spec.xlabel }),
    ...(spec.ylabel === undefined ? {} : { ylabel: spec.ylabel }),
  };
}
