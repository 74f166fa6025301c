/** Drawing on the canvas the way Matplotlib's Agg backend places things. */
import type { Chart } from 'chart.js';
import { axesFraction, type AxisModel } from './axis.js';

export type Ctx = Chart['ctx'];
type HAlign = 'left' | 'center' | 'right';
type VAlign = 'top' | 'baseline' | 'center_baseline' | 'bottom';

export interface TextBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** Ascent and descent of "lp" in the current font: the least height Matplotlib gives a line of text. */
export function lineMetrics(ctx: Ctx): { actualBoundingBoxAscent: number; actualBoundingBoxDescent: number } {
  return measure(ctx, 'lp');
}

interface Ink {
  readonly actualBoundingBoxAscent: number;
  readonly actualBoundingBoxDescent: number;
  readonly actualBoundingBoxLeft: number;
  readonly actualBoundingBoxRight: number;
  readonly width: number;
}
// Tick labels repeat from figure to figure (a batch draws "−20", "0", "20" a thousand times).
const inkCache = new Map<string, Ink>();

/** measureText, remembered per font and text. */
export function measure(ctx: Ctx, text: string): Ink {
  // Per kind of surface too: Cairo hints glyph metrics on an image surface but not on SVG or PDF
  // ones, so a PNG drawn after an SVG with the SVG's measures would shift its labels.
  const key = `${ctx.canvas.type}\u0000${ctx.font}\u0000${text}`;
  let ink = inkCache.get(key);
  if (!ink) {
    if (inkCache.size > 10_000) inkCache.clear();
    const m = ctx.measureText(text);
    ink = {
      actualBoundingBoxAscent: m.actualBoundingBoxAscent,
      actualBoundingBoxDescent: m.actualBoundingBoxDescent,
      actualBoundingBoxLeft: m.actualBoundingBoxLeft,
      actualBoundingBoxRight: m.actualBoundingBoxRight,
      width: m.width,
    };
    inkCache.set(key, ink);
  }
  return ink;
}

/**
 * Draw `text` with Matplotlib's alignment: horizontally by the ink extent, vertically by a box
 * whose ascent and descent are at least those of "lp" (matplotlib.text.Text._get_layout).
 * Returns the box, for placing what comes next to it.
 */
export function drawText(ctx: Ctx, text: string, x: number, y: number, ha: HAlign, va: VAlign): TextBox {
  const ink = measure(ctx, text);
  const lp = lineMetrics(ctx);
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

/**
 * Matplotlib's path snapping (Agg's PathSnapper): straight lines land on pixel centres when their
 * width, rounded to whole pixels, is odd, so a 0.8 pt spine is one crisp pixel at 50 dpi too.
 */
export function snap(v: number, lineWidth: number): number {
  const rounded = Math.floor(v + 0.5);
  return Math.round(lineWidth) % 2 === 1 ? rounded + 0.5 : rounded;
}

export function pixelFor(axis: AxisModel, value: number, low: number, high: number): number {
  return low + axesFraction(axis, value) * (high - low);
}

