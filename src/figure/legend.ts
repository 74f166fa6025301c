/**
 * Matplotlib's legend, drawn on the canvas: a rounded, 80 % opaque frame with a light grey edge,
 * one row per curve (a line handle, then the label), and 'best' placement that picks the first
 * of Matplotlib's nine spots crossed by the fewest curves (matplotlib.legend._find_best_position).
 * Chart.js's own legend sits outside the chart area and would move the axes box.
 */
import type { LegendLocation } from '../look/legend.js';
import { drawText, measure, pixelFor, snap, textMetrics, type Ctx } from './drawing.js';
import type { FigureModel } from './model.js';
import type { Geometry } from './style.js';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

type Spot = Exclude<LegendLocation, 'best'>;
// Matplotlib's codes 1..10 in order: ties in 'best' go to the earlier one.
const SPOTS: readonly Spot[] = [
  'upper right',
  'upper left',
  'lower left',
  'lower right',
  'right',
  'center left',
  'center right',
  'lower center',
  'upper center',
  'center',
];

/** Where a box of the given size sits for `spot`, `pad` inside the axes box. */
function anchor(spot: Spot, width: number, height: number, geometry: Geometry, pad: number): Rect {
  const { box } = geometry;
  const [l, r, t, b] = [box.left + pad, box.right - pad, box.top + pad, box.bottom - pad];
  const horizontal = spot.endsWith('left') ? 'left' : spot.endsWith('right') ? 'right' : 'center';
  const vertical = spot.startsWith('upper') ? 'top' : spot.startsWith('lower') ? 'bottom' : 'middle';
  const left = horizontal === 'left' ? l : horizontal === 'right' ? r - width : (l + r - width) / 2;
  const top = vertical === 'top' ? t : vertical === 'bottom' ? b - height : (t + b - height) / 2;
  return { left, top, width, height };
}

/** Liang–Barsky: does the segment (x0,y0)–(x1,y1) touch the rectangle? */
function segmentHits(x0: number, y0: number, x1: number, y1: number, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const checks: [number, number][] = [
    [-dx, x0 - r.left],
    [dx, r.left + r.width - x0],
    [-dy, y0 - r.top],
    [dy, r.top + r.height - y0],
  ];
  for (const [p, q] of checks) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** A curve's vertices in canvas pixels, as Matplotlib's legend sees the line's path; NaN where a value is missing. */
export type Polyline = readonly { readonly x: number; readonly y: number }[];

/**
 * Legend._find_best_position's badness: the vertices strictly inside the rectangle
 * (Bbox.count_contains), plus one for each line that touches it (Path.intersects_bbox).
 */
function badness(lines: readonly Polyline[], r: Rect): number {
  let score = 0;
  for (const line of lines) {
    for (const p of line)
      if (p.x > r.left && p.x < r.left + r.width && p.y > r.top && p.y < r.top + r.height) score++;
    for (let i = 1; i < line.length; i++) {
      const [p, q] = [line[i - 1]!, line[i]!];
      if (!Number.isNaN(p.x + p.y + q.x + q.y) && segmentHits(p.x, p.y, q.x, q.y, r)) {
        score++;
        break;
      }
    }
  }
  return score;
}

function roundedRect(ctx: Ctx, r: Rect, radius: number): void {
  const { left: x, top: y, width: w, height: h } = r;
  ctx.beginPath();
  ctx.moveTo(x + radius, y);
  ctx.arcTo(x + w, y, x + w, y + h, radius);
  ctx.arcTo(x + w, y + h, x, y + h, radius);
  ctx.arcTo(x, y + h, x, y, radius);
  ctx.arcTo(x, y, x + w, y, radius);
  ctx.closePath();
}

/** The figure's curves in canvas pixels, every sample (Matplotlib tests the unsimplified path). */
function curvesInPixels(figure: FigureModel, geometry: Geometry): Polyline[] {
  const { box } = geometry;
  return figure.series.map((s) => {
    const line: { x: number; y: number }[] = [];
    for (let i = 0; i < s.x.length; i++) {
      const y = s.y[i]!;
      line.push(
        Number.isFinite(y)
          ? {
              x: pixelFor(figure.x, s.x[i]!, box.left, box.right),
              y: pixelFor(figure.y, y, box.bottom, box.top),
            }
          : { x: NaN, y: NaN },
      );
    }
    return line;
  });
}

/**
 * Where a legend frame of the given size goes: at its spot, `borderaxespad` (half a font size)
 * inside the axes; for 'best', the first of the ten spots whose frame the fewest curve vertices
 * fall in and segments cross (matplotlib.legend.Legend._find_best_position).
 */
export function placeLegend(
  figure: FigureModel,
  geometry: Geometry,
  location: LegendLocation,
  width: number,
  height: number,
): Rect {
  const borderAxesPad = 0.5 * figure.style.fontSizePt * geometry.px;
  if (location !== 'best') return anchor(location, width, height, geometry, borderAxesPad);
  const lines = curvesInPixels(figure, geometry);
  let rect = anchor(SPOTS[0]!, width, height, geometry, borderAxesPad);
  let best = Infinity;
  for (const spot of SPOTS) {
    const candidate = anchor(spot, width, height, geometry, borderAxesPad);
    const score = badness(lines, candidate);
    if (score < best) [best, rect] = [score, candidate];
    if (score === 0) break;
  }
  return rect;
}

/**
 * The legend for `figure`, laid out as matplotlib.legend.Legend._init_legend_box packs it: per
 * curve a handle box (handlelength wide, 0.7 font sizes high, on the baseline) beside its label,
 * rows as tall as their text, labelspacing apart, borderpad around; placed clear of the curves
 * when 'best'.
 */
export function drawLegend(
  ctx: Ctx,
  figure: FigureModel,
  geometry: Geometry,
  location: LegendLocation,
): void {
  const { style } = figure;
  const fs = style.fontSizePt * geometry.px;
  ctx.save();
  ctx.font = `${fs}px "${style.fontFamily}"`;
  // Matplotlib's legend rcParams, in font sizes (borderaxespad, 0.5, in placeLegend); handleheight 0.7.
  const [borderPad, labelSpacing, handleLength, handleTextPad, handleHeight] = [0.4, 0.5, 2.0, 0.8, 0.7].map(
    (k) => k * fs,
  ) as [number, number, number, number, number];
  // HPacker(align='baseline'): a row reaches up to the taller of the handle box and the label,
  // down to the label's descent.
  const rows = figure.series.map((s) => {
    const { ascent, descent } = textMetrics(ctx, s.label);
    // Matplotlib's text width (FT2Font's, at 8 times the horizontal resolution) is within a
    // tenth of a pixel of the advance width, closer than the ink's.
    return { above: Math.max(handleHeight, ascent), below: descent, textWidth: measure(ctx, s.label).width };
  });
  const columnHeight = rows.reduce((h, r) => h + r.above + r.below, 0) + (rows.length - 1) * labelSpacing;
  const width = 2 * borderPad + handleLength + handleTextPad + Math.max(...rows.map((r) => r.textWidth));
  const height = 2 * borderPad + columnHeight;

  const rect = placeLegend(figure, geometry, location, width, height);

  // The frame: a FancyBboxPatch drawn with snap=True, so its edges sit on pixel centres.
  const edgeWidth = style.legend.edgeWidthPt * geometry.px;
  const frame = { left: snap(rect.left, edgeWidth), top: snap(rect.top, edgeWidth) };
  const framed = {
    ...frame,
    width: snap(rect.left + rect.width, edgeWidth) - frame.left,
    height: snap(rect.top + rect.height, edgeWidth) - frame.top,
  };
  roundedRect(ctx, framed, 0.2 * fs);
  ctx.fillStyle = style.legend.face;
  ctx.fill();
  ctx.lineWidth = edgeWidth;
  ctx.strokeStyle = style.legend.edge;
  ctx.stroke();

  const lineWidth = figure.lineWidth * geometry.px;
  let top = rect.top + borderPad;
  figure.series.forEach((s, i) => {
    const row = rows[i]!;
    const baseline = top + row.above;
    const x0 = rect.left + borderPad;
    // The handle: a horizontal Line2D half the handle box above the baseline, which Agg snaps
    // to the pixel grid as it does any path of horizontal and vertical segments: a crisp line
    // of the curve's colour, not a pale two-pixel smear.
    const y = snap(baseline - handleHeight / 2, lineWidth);
    ctx.beginPath();
    ctx.strokeStyle = s.color;
    ctx.lineWidth = lineWidth;
    ctx.lineCap = s.dashed ? 'butt' : 'square';
    ctx.setLineDash(s.dashed ? style.dashPattern.map((d) => d * lineWidth) : []);
    ctx.moveTo(snap(x0, lineWidth), y);
    ctx.lineTo(snap(x0 + handleLength, lineWidth), y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = style.foreground;
    drawText(ctx, s.label, x0 + handleLength + handleTextPad, baseline, 'left', 'baseline');
    top = baseline + row.below + labelSpacing;
  });
  ctx.restore();
}
