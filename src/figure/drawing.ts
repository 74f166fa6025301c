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

export interface LineMetrics {
  readonly ascent: number;
  readonly descent: number;
}

// FreeType's 16.16 fixed-point arithmetic (FT_MulFix, FT_DivFix, FT_MulDiv), on non-negative values.
const mulFix = (a: number, b: number) => Math.floor((a * b + 0x8000) / 65536);
const divFix = (a: number, b: number) => Math.floor((a * 65536 + Math.floor(b / 2)) / b);
const mulDiv = (a: number, b: number, c: number) => Math.floor((a * b + Math.floor(c / 2)) / c);
const pixRound = (x: number) => (x + 32) & ~63;

/**
 * DejaVu Sans, from its glyf table (the same in the 2.35 Matplotlib ships and the 2.37 bundled
 * here): 2048 units per em, 'l' rises to 1556, 'p' descends to −426, and the round tops of o, e,
 * s, c (the overshoot of the x-height zone FreeType's autofitter aligns) reach 1147.
 */
const DEJAVU = { unitsPerEm: 2048, ascender: 1556, descender: 426, xHeightOvershoot: 1147 };

/**
 * The ascent and descent of "lp" in whole pixels as Matplotlib's Agg backend measures them: its
 * FT2Font loads glyphs with FreeType's autofitter (text.hinting 'force_autohint'), which scales
 * the font so that the x-height lands on a whole pixel (af_latin_metrics_scale_dim: the overshoot
 * rounded up from 3/8 px) and rounds the ascender and descender zones to whole pixels; the scale
 * starts from the unrounded size, 10 pt at 50 dpi being 6.9375 px (FT_Set_Char_Size in 26.6).
 * Cairo hints differently (at 50 dpi "lp" is 6 + 2 px in Cairo, 5 + 1 in Matplotlib), which moved
 * every label and made legends taller at small dpi. test/text-metrics.test.ts holds this to
 * Matplotlib's own measurements.
 */
export function autofitLineMetrics(fontPx: number): LineMetrics {
  const scaledHeight = Math.floor(fontPx * 64 + 0.5);
  let yScale = divFix(scaledHeight, DEJAVU.unitsPerEm);
  const scaled = mulFix(DEJAVU.xHeightOvershoot, yScale);
  const fitted = (scaled + 40) & ~63;
  if (scaled !== fitted) yScale = mulDiv(yScale, fitted, scaled);
  return {
    ascent: pixRound(mulFix(DEJAVU.ascender, yScale)) / 64,
    descent: pixRound(mulFix(DEJAVU.descender, yScale)) / 64,
  };
}

/** The pixel size in a canvas font string such as '13.88px "DejaVu Sans"'. */
function fontPixels(ctx: Ctx): number {
  return Number.parseFloat(/([\d.]+)px/.exec(ctx.font)?.[1] ?? '10');
}

/**
 * Whether the canvas is a raster one (node-canvas's 'image', or a browser's canvas, which has no
 * type); SVG and PDF lay text out unhinted, as Matplotlib's vector backends do.
 */
function isRaster(ctx: Ctx): boolean {
  const type = (ctx.canvas as unknown as { type?: string }).type;
  return type !== 'svg' && type !== 'pdf';
}

/**
 * Ascent and descent of "lp" in the current font: the least height Matplotlib gives a line of
 * text. On a raster canvas, Matplotlib's hinted whole pixels; on SVG and PDF, the font's own
 * unhinted extents, which is what Cairo measures there and Matplotlib's vector backends use.
 */
export function lineMetrics(ctx: Ctx): LineMetrics {
  if (isRaster(ctx)) return autofitLineMetrics(fontPixels(ctx));
  const lp = measure(ctx, 'lp');
  return { ascent: lp.actualBoundingBoxAscent, descent: lp.actualBoundingBoxDescent };
}

/**
 * Ascent and descent of `text` as Matplotlib's Text._get_layout takes them: at least those of
 * "lp". Text that rises above "lp" or hangs below it in Cairo's measure adds that much.
 */
export function textMetrics(ctx: Ctx, text: string): LineMetrics {
  const lp = lineMetrics(ctx);
  const ink = measure(ctx, text);
  const cairoLp = measure(ctx, 'lp');
  return {
    ascent: lp.ascent + Math.max(0, ink.actualBoundingBoxAscent - cairoLp.actualBoundingBoxAscent),
    descent: lp.descent + Math.max(0, ink.actualBoundingBoxDescent - cairoLp.actualBoundingBoxDescent),
  };
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
  // (node-canvas says which in canvas.type; a browser's canvas has one kind only.)
  const surface = (ctx.canvas as unknown as { type?: string }).type ?? '';
  const key = `${surface}\u0000${ctx.font}\u0000${text}`;
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

/** Where `text` goes: its box, and the point its first glyph is drawn from. */
interface TextLayout extends TextBox {
  readonly x: number;
  readonly baseline: number;
}

/**
 * Lay out `text` with Matplotlib's alignment: horizontally by the ink extent, vertically by a box
 * whose ascent and descent are at least those of "lp" (matplotlib.text.Text._get_layout).
 */
export function layoutText(ctx: Ctx, text: string, x: number, y: number, ha: HAlign, va: VAlign): TextLayout {
  const ink = measure(ctx, text);
  const { ascent, descent } = textMetrics(ctx, text);
  const inkLeft = -ink.actualBoundingBoxLeft;
  const inkWidth = ink.actualBoundingBoxRight + ink.actualBoundingBoxLeft;
  const left = ha === 'left' ? x : ha === 'center' ? x - inkWidth / 2 : x - inkWidth;
  const baseline =
    va === 'top'
      ? y + ascent
      : va === 'baseline'
        ? y
        : va === 'center_baseline'
          ? y + ascent / 2
          : y - descent;
  return {
    left,
    right: left + inkWidth,
    top: baseline - ascent,
    bottom: baseline + descent,
    x: left - inkLeft,
    baseline,
  };
}

/** Draw `text` laid out as `layoutText` does; returns its box, for placing what comes next to it. */
export function drawText(ctx: Ctx, text: string, x: number, y: number, ha: HAlign, va: VAlign): TextBox {
  const layout = layoutText(ctx, text, x, y, ha, va);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(text, layout.x, layout.baseline);
  return { left: layout.left, right: layout.right, top: layout.top, bottom: layout.bottom };
}

/** Whether two boxes share a point (transforms.Bbox.intersection is not None). */
export function boxesMeet(a: TextBox, b: TextBox): boolean {
  return (
    Math.max(a.left, b.left) <= Math.min(a.right, b.right) &&
    Math.max(a.top, b.top) <= Math.min(a.bottom, b.bottom)
  );
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
