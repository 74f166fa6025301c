import { UsageError } from '../errors.js';
import type { FigureModel, Series } from './model.js';

/*
 * A figure drawn in the terminal with Unicode braille (U+2800..U+28FF, 2×4 dots per cell).
 *
 * Written by hand on purpose: the npm braille canvases (drawille, drawille-canvas-blessed-contrib,
 * used by blessed-contrib) are unmaintained and give only a bare dot canvas; none does clipping to
 * a view, gaps at non-finite values, axes, a legend and 24-bit colour per series for us, and the
 * canvas itself is a few dozen lines.
 */

export interface TerminalOptions {
  /** Widest a line may be, in columns (code points: braille and box drawing are one column). */
  readonly columns: number;
  /** Wrap series in 24-bit ANSI colours; false means no escape sequences at all. */
  readonly color: boolean;
  /** The terminal's height in lines, when known: the drawing then fits it, with a line to spare. */
  readonly lines?: number;
}

const MIN_PLOT_CELLS = 4;
const MIN_PLOT_ROWS = 8;
/** Dashed series: this many dots on, then this many off, measured along the line. */
const DASH_ON = 4;
const DASH_OFF = 3;

/** Bit of the dot at (column dx 0..1, row dy 0..3) of a braille cell. */
const DOT_BITS: readonly (readonly number[])[] = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];

/** The figure as lines of text: title, framed braille plot with its y range, x range, legend. */
export function renderTerminal(figure: FigureModel, options: TerminalOptions): string {
  const yTop = compactNumber(figure.y.max);
  const yBottom = compactNumber(figure.y.min);
  const xLeft = compactNumber(figure.x.min);
  const xRight = compactNumber(figure.x.max);
  const gutter = Math.max(width(yTop), width(yBottom)) + 1; // labels, then one space before the frame
  const cols = Math.floor(options.columns) - gutter - 2; // two frame columns
  const minCols = Math.max(MIN_PLOT_CELLS, width(xLeft) + 1 + width(xRight) - 2);
  if (!(cols >= minCols)) {
    throw new UsageError(
      `a terminal figure needs at least ${gutter + 2 + minCols} columns, not ${options.columns}`,
    );
  }
  // Lines besides the plot rows: title, frame, x range, x label, legend, and one for the prompt.
  const around =
    (figure.title === undefined ? 0 : 1) +
    3 +
    (figure.xlabel === undefined ? 0 : 1) +
    (figure.series.length > 1 ? figure.series.length : 0) +
    1;
  const fit = options.lines === undefined ? Infinity : options.lines - around;
  const rows = Math.max(MIN_PLOT_ROWS, Math.min(Math.round(cols / 3), fit));
  const canvas = new BrailleCanvas(cols, rows);
  figure.series.forEach((s, i) => drawSeries(canvas, figure, s, i));

  const colors = figure.series.map((s) => (options.color ? ansiColor(s.color) : ''));
  const frameWidth = cols + 2;
  const out: string[] = [];
  if (figure.title !== undefined) out.push(centred(figure.title, gutter, frameWidth, options.columns));
  out.push(' '.repeat(gutter) + '┌' + '─'.repeat(cols) + '┐');
  for (let r = 0; r < rows; r++) {
    const label = r === 0 ? yTop : r === rows - 1 ? yBottom : '';
    out.push(' '.repeat(gutter - 1 - width(label)) + label + ' │' + canvas.row(r, colors) + '│');
  }
  out.push(' '.repeat(gutter) + '└' + '─'.repeat(cols) + '┘');
  out.push(' '.repeat(gutter) + xLeft + ' '.repeat(frameWidth - width(xLeft) - width(xRight)) + xRight);
  if (figure.xlabel !== undefined) out.push(centred(figure.xlabel, gutter, frameWidth, options.columns));
  if (figure.series.length > 1) {
    figure.series.forEach((s, i) => {
      const text = truncate(`${s.dashed ? '╍╍' : '━━'} ${s.label}`, options.columns - gutter);
      const color = colors[i]!;
      out.push(' '.repeat(gutter) + (color === '' ? text : color + text + RESET));
    });
  }
  return out.map((line) => line.trimEnd() + '\n').join('');
}

/** A value as the axis ends show it: 4 significant digits, "1e21" not "1e+21", a true minus sign. */
function compactNumber(v: number): string {
  return String(Number(v.toPrecision(4)))
    .replace('e+', 'e')
    .replace(/-/g, '−');
}

function width(s: string): number {
  return [...s].length;
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  return max <= 0 ? '' : chars.slice(0, max - 1).join('') + '…';
}

/** `text` centred over the span of `span` columns that starts at column `start`, within `columns`. */
function centred(text: string, start: number, span: number, columns: number): string {
  const t = truncate(text, columns);
  const pad = Math.max(0, Math.min(start + Math.floor((span - width(t)) / 2), columns - width(t)));
  return ' '.repeat(pad) + t;
}

const RESET = '\x1b[0m';

/** 24-bit foreground escape for '#rgb', '#rrggbb' or '#rrggbbaa'; '' for anything else. */
function ansiColor(hex: string): string {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(hex.trim());
  if (m === null) return '';
  let h = m[1]!;
  if (h.length === 3) h = [...h].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return `\x1b[38;2;${r};${g};${b}m`;
}

/** Dots in cells, and which series (by index) drew last in each cell. */
class BrailleCanvas {
  readonly dotsWide: number;
  readonly dotsHigh: number;
  private readonly bits: Uint8Array;
  private readonly owner: Int32Array;

  constructor(
    readonly cols: number,
    readonly rows: number,
  ) {
    this.dotsWide = cols * 2;
    this.dotsHigh = rows * 4;
    this.bits = new Uint8Array(cols * rows);
    this.owner = new Int32Array(cols * rows).fill(-1);
  }

  /** Set the dot at (x, y), x rightwards and y downwards from the top-left dot; outside is ignored. */
  set(x: number, y: number, series: number): void {
    if (!(x >= 0 && x < this.dotsWide && y >= 0 && y < this.dotsHigh)) return;
    const cell = (y >> 2) * this.cols + (x >> 1);
    this.bits[cell]! |= DOT_BITS[x & 1]![y & 3]!;
    this.owner[cell] = series;
  }

  /** One row of cells: a space where there is no dot, runs of one colour wrapped in its escape. */
  row(r: number, colors: readonly string[]): string {
    let s = '';
    let open = '';
    for (let c = 0; c < this.cols; c++) {
      const i = r * this.cols + c;
      const bits = this.bits[i]!;
      const color = bits === 0 ? '' : (colors[this.owner[i]!] ?? '');
      if (color !== open) {
        if (open !== '') s += RESET;
        s += color;
        open = color;
      }
      s += bits === 0 ? ' ' : String.fromCodePoint(0x2800 + bits);
    }
    return open === '' ? s : s + RESET;
  }
}

/**
 * Where `v` falls in [min, max] as a fraction (0 at min, 1 at max), computed on halves so that
 * spans like −1e308..1e308 do not overflow. A degenerate span puts everything in the middle.
 */
function fraction(v: number, min: number, max: number): number {
  const span = max / 2 - min / 2;
  if (!(span > 0) || !Number.isFinite(span)) return 0.5;
  return (v / 2 - min / 2) / span;
}

/** Draw one series as connected dot lines; a non-finite point ends the line (a gap). */
function drawSeries(canvas: BrailleCanvas, figure: FigureModel, s: Series, index: number): void {
  const n = Math.min(s.x.length, s.y.length);
  // Dot coordinates are continuous: dot i covers [i − 0.5, i + 0.5]; the view's ends fall on the
  // centres of the first and last dots.
  const toDot = (i: number): [number, number] | undefined => {
    const x = s.x[i]!;
    const y = s.y[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
    const dx = fraction(x, figure.x.min, figure.x.max) * (canvas.dotsWide - 1);
    const dy = (1 - fraction(y, figure.y.min, figure.y.max)) * (canvas.dotsHigh - 1);
    return [finiteDot(dx), finiteDot(dy)];
  };
  const pen = { travelled: 0, dashed: s.dashed };
  let prev: [number, number] | undefined;
  let prevJoined = false; // prev is the end of a segment already drawn
  for (let i = 0; i < n; i++) {
    const cur = toDot(i);
    if (prev !== undefined && cur !== undefined) {
      drawSegment(canvas, prev, cur, index, pen);
    } else {
      if (prev !== undefined && !prevJoined) plotDot(canvas, prev, index); // a lone point between gaps
      pen.travelled = 0;
    }
    prevJoined = prev !== undefined && cur !== undefined;
    prev = cur;
  }
  if (prev !== undefined && !prevJoined) plotDot(canvas, prev, index);
}

/** A dot coordinate that overflowed (a point ~1e308 views away) kept finite so clipping works. */
function finiteDot(v: number): number {
  return Number.isNaN(v) ? 0 : Math.max(-1e300, Math.min(1e300, v));
}

function plotDot(canvas: BrailleCanvas, [x, y]: [number, number], index: number): void {
  canvas.set(Math.round(x), Math.round(y), index);
}

/**
 * The segment a→b clipped to the canvas (Liang–Barsky), then walked one dot at a time along its
 * longer axis (DDA), so steep parts stay connected and a vertical jump is a full dot column.
 */
function drawSegment(
  canvas: BrailleCanvas,
  a: [number, number],
  b: [number, number],
  index: number,
  pen: { travelled: number; dashed: boolean },
): void {
  const [x0, y0] = a;
  const dx = b[0] - x0;
  const dy = b[1] - y0;
  const length = pen.dashed ? Math.hypot(dx, dy) : 0;
  // Liang–Barsky: for each edge, p·t ≤ q keeps the point inside.
  let t0 = 0;
  let t1 = 1;
  const ps = [-dx, dx, -dy, dy];
  const qs = [x0 + 0.5, canvas.dotsWide - 0.5 - x0, y0 + 0.5, canvas.dotsHigh - 0.5 - y0];
  for (let e = 0; e < 4; e++) {
    const p = ps[e]!;
    const q = qs[e]!;
    if (p === 0) {
      if (q < 0) t0 = Infinity; // parallel to this edge and outside it
    } else if (p < 0) {
      t0 = Math.max(t0, q / p);
    } else {
      t1 = Math.min(t1, q / p);
    }
  }
  if (!(t0 <= t1)) {
    pen.travelled += length;
    return;
  }
  const cx0 = x0 + t0 * dx;
  const cy0 = y0 + t0 * dy;
  const cdx = (t1 - t0) * dx;
  const cdy = (t1 - t0) * dy;
  const steps = Math.max(1, Math.ceil(Math.max(Math.abs(cdx), Math.abs(cdy))));
  const stepLength = ((t1 - t0) * length) / steps;
  pen.travelled += t0 * length;
  for (let k = 0; k <= steps; k++) {
    const x = clampIndex(Math.round(cx0 + (cdx * k) / steps), canvas.dotsWide);
    const y = clampIndex(Math.round(cy0 + (cdy * k) / steps), canvas.dotsHigh);
    if (!pen.dashed || pen.travelled % (DASH_ON + DASH_OFF) < DASH_ON) canvas.set(x, y, index);
    if (k < steps) pen.travelled += stepLength;
  }
  pen.travelled += (1 - t1) * length;
}

/** Rounding the clipped ends (±0.5 outside the outer dot centres) can step one past the edge. */
function clampIndex(i: number, size: number): number {
  return Math.max(0, Math.min(size - 1, i));
}
