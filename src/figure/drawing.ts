/** Drawing on the canvas the way Matplotlib's Agg backend places things. */
import type { Chart } from 'chart.js';
import type { AxisModel } from './axis.js';

export type Ctx = Chart['ctx'];
type HAlign = 'left' | 'center' | 'right';
type VAlign = 'top' | 'baseline' | 'center_baseline' | 'bottom';

export interface TextBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Draw `text` with Matplotlib's alignment: horizontally by the ink extent, vertically by a box
 * whose ascent and descent are at least those of "lp" (matplotlib.text.Text._get_layout).
 * Returns the box, for placing what comes next to it.
 */
export function drawText(ctx: Ctx, text: string, x: number, y: number, ha: HAlign, va: VAlign): TextBox {
  const ink = ctx.measureText(text);
  const lp = ctx.measureText('lp');
  const ascent = Math.max(ink.actualBoundingBoxAscent, lp.actualBoundingBoxAscent);
  const descent = Math.max(ink.actualBoundingBoxDescent, lp.actualBoundingBoxDescent);
  const inkLeft = -ink.actualBoundingBoxLeft;
  const inkWidth = ink.actualBoundingBoxRight + ink.actualBoundingBoxLeft;
  const left = ha === 'left' ? x : ha === 'center' ? x - inkWidth / 2 : x - inkWidth;
  const baseline =
    va === 'top' ? y + ascent : va === 'baseline' ? y : va === 'center_baseline' ? y + ascent / 2 : y - descent;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(text, left - inkLeft, baseline);
  return { left, right: left + inkWidth, top: baseline - ascent, bottom: baseline + descent };
}

/** Matplotlib's path snapping: straight lines land on pixel centres when their width is odd. */
export function snap(v: number, lineWidth: number): number {
  const rounded = Math.floor(v + 0.5);
  return Math.floor(lineWidth) % 2 === 1 ? rounded + 0.5 : rounded;
}

export function pixelFor(axis: AxisModel, value: number, low: number, high: number): number {
  const u = (value / 2 - axis.min / 2) / (axis.max / 2 - axis.min / 2);
  return low + u * (high - low);
}

