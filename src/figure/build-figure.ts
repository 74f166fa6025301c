import type { PlotSpec } from '../plot-spec.js';
import { sampleCurve, type Curve } from '../sampling.js';
import { buildAxis } from './axis.js';
import { columnSteps } from './column-samples.js';
import { finishInterruptibly, finishNow, type Steps } from '../yield-point.js';
import { finiteExtent, limitsView, viewInterval } from './limits.js';
import { ColumnExtremes } from './reduce.js';
import type { FigureModel, Series } from './model.js';
import { THEMES } from '../look/themes.js';
import { figureGeometry } from './style.js';

/**
 * Sample every curve of the spec and lay out the axes around them, as Matplotlib would.
 * `units` 'points' lays the figure out at 72 dpi, one unit a point, for PDF pages.
 */
export function buildFigure(spec: PlotSpec, units: 'pixels' | 'points' = 'pixels'): FigureModel {
  return finishNow(figureSteps(spec, units));
}

/** buildFigure, giving the event loop a turn between slices of samples, so Ctrl-C stops it promptly. */
export function buildFigureInterruptibly(
  spec: PlotSpec,
  units: 'pixels' | 'points' = 'pixels',
): Promise<FigureModel> {
  return finishInterruptibly(figureSteps(spec, units));
}

/** buildFigure as steps, a step a slice of samples and a step a curve (see yield-point.ts). */
function* figureSteps(spec: PlotSpec, units: 'pixels' | 'points'): Steps<FigureModel> {
  const style = THEMES[spec.theme];
  // Points rounded to a millionth, so a 640 px figure at 100 dpi is 460.8 pt, not 460.79999999999995.
  const toUnits = (v: number) => (units === 'points' ? Number(((v * 72) / spec.dpi).toFixed(6)) : v);
  const [width, height, dpi] = [
    toUnits(spec.width),
    toUnits(spec.height),
    units === 'points' ? 72 : spec.dpi,
  ];
  const { box, px } = figureGeometry(width, height, dpi, style);
  const [xMin, xMax] = spec.xlim ? limitsView(...spec.xlim) : viewInterval(spec.from, spec.to, style.margin);
  const columns = Math.ceil(box.right - box.left);
  const series: Series[] = [];
  for (const curve of spec.curves) {
    const { activation, params, quantity } = curve;
    let points: Curve;
    const dense = spec.samples > 4 * columns;
    if (dense) {
      // Dense samples are cut to each pixel column's extremes as they are made, evaluating only
      // what those need: every later pass is short, and a million samples never sit in memory.
      const extremes = new ColumnExtremes(xMin, xMax, columns);
      yield* columnSteps(activation, params, quantity, spec, extremes);
      points = extremes.result();
    } else {
      points = sampleCurve(activation, params, spec.from, spec.to, spec.samples, quantity);
    }
    series.push({
      label: curve.label,
      color: curve.color,
      dashed: curve.dashed,
      x: points.x,
      y: points.y,
      ...(dense ? { vertices: spec.samples } : {}),
    });
    yield;
  }
  const [yLo, yHi] = finiteExtent(series.map((s) => s.y));
  const [yMin, yMax] = spec.ylim
    ? limitsView(...spec.ylim)
    : Number.isNaN(yLo)
      ? viewInterval(0, 0, style.margin)
      : viewInterval(yLo, yHi, style.margin);
  return {
    width,
    height,
    dpi,
    series,
    x: buildAxis(xMin, xMax, (box.right - box.left) / px, style.fontSizePt, 'x'),
    y: buildAxis(yMin, yMax, (box.bottom - box.top) / px, style.fontSizePt, 'y'),
    grid: spec.grid,
    legend: spec.legend,
    lineWidth: spec.lineWidth,
    style,
    transparent: spec.transparent,
    ...(spec.title === undefined ? {} : { title: spec.title }),
    ...(spec.xlabel === undefined ? {} : { xlabel: spec.xlabel }),
    ...(spec.ylabel === undefined ? {} : { ylabel: spec.ylabel }),
  };
}
