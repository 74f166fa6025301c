/**
 * Matplotlib's legend, drawn on the canvas: a rounded, 80 % opaque frame with a light grey edge,
 * one row per curve (a line handle, then the label), and 'best' placement that picks the first
 * of Matplotlib's nine spots crossed by the fewest curves (matplotlib.legend._find_best_position).
 * Chart.js's own legend sits outside the chart area and would move the axes box.
 */
import type { LegendLocation } from '../plot-spec.js';
import { drawText, lineMetrics, measure, type Ctx } from './drawing.js';
import type { FigureModel } from './model.js';
import type { Geometry } from './style.js';

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

type Spot = Exclude<LegendLocation, 'best'>;
// Matplotlib's codes 1..10 in order: ties in 'best' go to the earlier one.
const SPOTS: readonly Spot[] = ['upper right', 'upper left', 'lower left', 'lower right', 'right', 'center left', 'center right', 'lower center', 'upper center', 'center'];

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

/** A drawn line in canvas pixels; NaN points separate its runs. */
export type Polyline = readonly { readonly x: number; readonly y: number }[];

/** How many lines cross the rectangle (Matplotlib counts each line once). */
function badness(lines: readonly Polyline[], r: Rect): number {
  let crossing = 0;
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [p, q] = [line[i - 1]!, line[i]!];
      if (!Number.isNaN(p.x + q.x) && segmentHits(p.x, p.y, q.x, q.y, r)) {
        crossing++;
        break;
      }
    }
  }
  return crossing;
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

/** The legend for `figure`, placed clear of `lines` (what was drawn, in canvas pixels) when 'best'. */
export function drawLegend(ctx: Ctx, figure: FigureModel, geometry: Geometry, location: LegendLocation, lines: readonly Polyline[]): void {
  const { style } = figure;
  const fs = style.fontSizePt * geometry.px;
  ctx.save();
  ctx.font = `${fs}px "${style.fontFamily}"`;
  // Matplotlib's legend rcParams, in font sizes.
  const [borderPad, labelSpacing, handleLength, handleTextPad, borderAxesPad] = [0.4, 0.5, 2.0, 0.8, 0.5].map((k) => k * fs) as [number, number, number, number, number];
  const lp = lineMetrics(ctx);
  const rowHeight = lp.actualBoundingBoxAscent + lp.actualBoundingBoxDescent;
  const textWidth = Math.max(...figure.series.map((s) => measure(ctx, s.label).width));
  const n = figure.series.length;
  const width = 2 * borderPad + handleLength + handleTextPad + textWidth;
  const height = 2 * borderPad + n * rowHeight + (n - 1) * labelSpacing;

  let rect: Rect;
  if (location === 'best') {
    const candidates = SPOTS.map((spot) => anchor(spot, width, height, geometry, borderAxesPad));
    const scores = candidates.map((r) => badness(lines, r));
    rect = candidates[scores.indexOf(Math.min(...scores))]!;
  } else {
    rect = anchor(location, width, height, geometry, borderAxesPad);
  }

  roundedRect(ctx, rect, 0.2 * fs);
  ctx.fillStyle = style.legend.face;
  ctx.fill();
  ctx.lineWidth = style.legend.edgeWidthPt * geometry.px;
  ctx.strokeStyle = style.legend.edge;
  ctx.stroke();

  const lineWidth = figure.lineWidth * geometry.px;
  figure.series.forEach((s, i) => {
    const top = rect.top + borderPad + i * (rowHeight + labelSpacing);
    const middle = top + lp.actualBoundingBoxAscent - (lp.actualBoundingBoxAscent - lp.actualBoundingBoxDescent) / 2;
    const x0 = rect.left + borderPad;
    ctx.beginPath();
    ctx.strokeStyle = s.color;
    ctx.lineWidth = lineWidth;
    ctx.lineCap = 'butt';
    ctx.setLineDash(s.dashed ? style.dashPattern.map((d) => d * lineWidth) : []);
    ctx.moveTo(x0, middle);
    ctx.lineTo(x0 + handleLength, middle);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = style.foreground;
    drawText(ctx, s.label, x0 + handleLength + handleTextPad, top, 'left', 'top');
  });
  ctx.restore();
}
