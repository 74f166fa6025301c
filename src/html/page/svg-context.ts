/**
 * A 2D canvas context that records what Chart.js and the Matplotlib-axes plugin draw as SVG
 * markup, so the page saves the view as a vector file the way `activ plot -o f.svg` does
 * (the same configuration, unsnapped, at the figure's physical size).
 *
 * Written here rather than taken from svgcanvas or canvas2svg: those build their SVG with
 * createElementNS and write the SVG and XLink namespace addresses into the page's code, and the
 * page must hold no http: address at all. This one writes markup as text without a namespace;
 * the browser's HTML parser puts it in the SVG namespace and XMLSerializer writes the xmlns
 * (see svgDocument). It covers what a line chart with this plugin draws: paths of lines, rects and
 * arcTo corners, stroke, fill, clip, fillRect, clearRect, fillText, transforms and dashes.
 */

type Matrix = [number, number, number, number, number, number];

interface DrawState {
  transform: Matrix;
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  miterLimit: number;
  dash: number[];
  lineDashOffset: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  globalAlpha: number;
  clip: string | undefined;
}

const fixed = (v: number) => String(Number(v.toFixed(3)));

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A CSS colour as SVG paint and opacity: rgba() is split, since SVG 1.1 readers do not take it. */
function paint(color: string, alpha: number): { color: string; opacity: number } {
  const rgba = /^rgba\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*\)$/.exec(color);
  if (rgba) return { color: `rgb(${rgba[1]},${rgba[2]},${rgba[3]})`, opacity: Number(rgba[4]) * alpha };
  return { color, opacity: alpha };
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** The stand-in canvas a recording context belongs to; `type` tells drawing.ts it is a vector surface. */
export interface SvgCanvas {
  width: number;
  height: number;
  readonly type: 'svg';
  readonly style: Record<string, string>;
  getContext(kind: '2d'): SvgContext;
}

export class SvgContext {
  readonly canvas: SvgCanvas;
  private state: DrawState;
  private readonly stack: DrawState[] = [];
  private readonly elements: string[] = [];
  private readonly clips: string[] = [];
  /** The current path, in canvas pixels (the transform applied as points are added). */
  private path: string[] = [];
  /** The last point, in user space, for arcTo. */
  private last: [number, number] | undefined;
  private readonly measurer: CanvasRenderingContext2D;

  constructor(width: number, height: number) {
    // Chart.js asks the canvas for its context again: the recorder is both.
    const getContext = (): this => this;
    this.canvas = { width, height, type: 'svg', style: {}, getContext };
    this.state = {
      transform: [1, 0, 0, 1, 0, 0],
      fillStyle: '#000000',
      strokeStyle: '#000000',
      lineWidth: 1,
      lineCap: 'butt',
      lineJoin: 'miter',
      miterLimit: 10,
      dash: [],
      lineDashOffset: 0,
      font: '10px sans-serif',
      textAlign: 'start',
      textBaseline: 'alphabetic',
      globalAlpha: 1,
      clip: undefined,
    };
    // Text is measured by a real canvas in the same font, as the browser will lay it out.
    this.measurer = document.createElement('canvas').getContext('2d')!;
  }

  // Drawing state, as the canvas API exposes it.
  get fillStyle() {
    return this.state.fillStyle;
  }
  set fillStyle(v: string) {
    this.state.fillStyle = v;
  }
  get strokeStyle() {
    return this.state.strokeStyle;
  }
  set strokeStyle(v: string) {
    this.state.strokeStyle = v;
  }
  get lineWidth() {
    return this.state.lineWidth;
  }
  set lineWidth(v: number) {
    this.state.lineWidth = v;
  }
  get lineCap() {
    return this.state.lineCap;
  }
  set lineCap(v: CanvasLineCap) {
    this.state.lineCap = v;
  }
  get lineJoin() {
    return this.state.lineJoin;
  }
  set lineJoin(v: CanvasLineJoin) {
    this.state.lineJoin = v;
  }
  get miterLimit() {
    return this.state.miterLimit;
  }
  set miterLimit(v: number) {
    this.state.miterLimit = v;
  }
  get lineDashOffset() {
    return this.state.lineDashOffset;
  }
  set lineDashOffset(v: number) {
    this.state.lineDashOffset = v;
  }
  get font() {
    return this.state.font;
  }
  set font(v: string) {
    this.state.font = v;
  }
  get textAlign() {
    return this.state.textAlign;
  }
  set textAlign(v: CanvasTextAlign) {
    this.state.textAlign = v;
  }
  get textBaseline() {
    return this.state.textBaseline;
  }
  set textBaseline(v: CanvasTextBaseline) {
    this.state.textBaseline = v;
  }
  get globalAlpha() {
    return this.state.globalAlpha;
  }
  set globalAlpha(v: number) {
    this.state.globalAlpha = v;
  }

  save(): void {
    this.stack.push({ ...this.state, dash: [...this.state.dash], transform: [...this.state.transform] });
  }

  restore(): void {
    const previous = this.stack.pop();
    if (previous) this.state = previous;
  }

  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.state.transform = [a, b, c, d, e, f];
  }

  resetTransform(): void {
    this.state.transform = [1, 0, 0, 1, 0, 0];
  }

  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.state.transform = multiply(this.state.transform, [a, b, c, d, e, f]);
  }

  translate(x: number, y: number): void {
    this.transform(1, 0, 0, 1, x, y);
  }

  scale(x: number, y: number): void {
    this.transform(x, 0, 0, y, 0, 0);
  }

  rotate(angle: number): void {
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    this.transform(cos, sin, -sin, cos, 0, 0);
  }

  setLineDash(segments: number[]): void {
    this.state.dash = [...segments];
  }

  getLineDash(): number[] {
    return [...this.state.dash];
  }

  /** A user-space point in canvas pixels. */
  private point(x: number, y: number): string {
    const [a, b, c, d, e, f] = this.state.transform;
    return `${fixed(a * x + c * y + e)} ${fixed(b * x + d * y + f)}`;
  }

  /** How much the transform scales lengths (it is a similarity here: translations, rotations, dpr). */
  private scaleFactor(): number {
    const [a, b, c, d] = this.state.transform;
    return Math.sqrt(Math.abs(a * d - b * c));
  }

  beginPath(): void {
    this.path = [];
    this.last = undefined;
  }

  moveTo(x: number, y: number): void {
    this.path.push(`M${this.point(x, y)}`);
    this.last = [x, y];
  }

  lineTo(x: number, y: number): void {
    this.path.push(`${this.last ? 'L' : 'M'}${this.point(x, y)}`);
    this.last = [x, y];
  }

  closePath(): void {
    this.path.push('Z');
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.closePath();
    this.last = [x, y];
  }

  /** The canvas arcTo: a line to where a circle of `radius` touches both legs, then the arc. */
  arcTo(x1: number, y1: number, x2: number, y2: number, radius: number): void {
    if (!this.last) {
      this.moveTo(x1, y1);
      return;
    }
    const [x0, y0] = this.last;
    const [ux, uy, vx, vy] = [x0 - x1, y0 - y1, x2 - x1, y2 - y1];
    const [lu, lv] = [Math.hypot(ux, uy), Math.hypot(vx, vy)];
    const cross = ux * vy - uy * vx;
    if (radius === 0 || lu === 0 || lv === 0 || Math.abs(cross) < 1e-12) {
      this.lineTo(x1, y1);
      return;
    }
    const angle = Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / (lu * lv))));
    const t = radius / Math.tan(angle / 2);
    const [sx, sy] = [x1 + (ux / lu) * t, y1 + (uy / lu) * t];
    const [ex, ey] = [x1 + (vx / lv) * t, y1 + (vy / lv) * t];
    this.lineTo(sx, sy);
    // The sweep flips with the transform's handedness; the corner turns the other way from cross.
    const [a, b, c, d] = this.state.transform;
    const flipped = a * d - b * c < 0;
    const sweep = cross < 0 !== flipped ? 1 : 0;
    const r = fixed(radius * this.scaleFactor());
    this.path.push(`A${r} ${r} 0 0 ${sweep} ${this.point(ex, ey)}`);
    this.last = [ex, ey];
  }

  private clipAttribute(): string {
    return this.state.clip ? ` clip-path="url(#${this.state.clip})"` : '';
  }

  private strokeAttributes(): string {
    const { color, opacity } = paint(this.state.strokeStyle, this.state.globalAlpha);
    const k = this.scaleFactor();
    const dash =
      this.state.dash.length > 0
        ? ` stroke-dasharray="${this.state.dash.map((d) => fixed(d * k)).join(' ')}" stroke-dashoffset="${fixed(this.state.lineDashOffset * k)}"`
        : '';
    const join =
      this.state.lineJoin === 'miter' ? ` stroke-miterlimit="${fixed(this.state.miterLimit)}"` : '';
    return (
      ` fill="none" stroke="${escapeXml(color)}" stroke-width="${fixed(this.state.lineWidth * k)}" stroke-linecap="${this.state.lineCap}" stroke-linejoin="${this.state.lineJoin}"` +
      `${join}${dash}${opacity < 1 ? ` stroke-opacity="${fixed(opacity)}"` : ''}`
    );
  }

  private fillAttributes(): string {
    const { color, opacity } = paint(this.state.fillStyle, this.state.globalAlpha);
    return ` fill="${escapeXml(color)}"${opacity < 1 ? ` fill-opacity="${fixed(opacity)}"` : ''}`;
  }

  stroke(): void {
    if (this.path.length === 0) return;
    this.elements.push(`<path d="${this.path.join('')}"${this.strokeAttributes()}${this.clipAttribute()}/>`);
  }

  fill(): void {
    if (this.path.length === 0) return;
    this.elements.push(`<path d="${this.path.join('')}"${this.fillAttributes()}${this.clipAttribute()}/>`);
  }

  /** The current path becomes the clip, within any clip already in force. */
  clip(): void {
    const id = `clip${this.clips.length + 1}`;
    this.clips.push(
      `<clipPath id="${id}"><path d="${this.path.join('')}"${this.clipAttribute()}/></clipPath>`,
    );
    this.state.clip = id;
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    const saved = [this.path, this.last] as const;
    this.beginPath();
    this.rect(x, y, w, h);
    this.fill();
    [this.path, this.last] = saved;
  }

  strokeRect(x: number, y: number, w: number, h: number): void {
    const saved = [this.path, this.last] as const;
    this.beginPath();
    this.rect(x, y, w, h);
    this.stroke();
    [this.path, this.last] = saved;
  }

  /** Clearing the whole canvas (Chart.js does before each draw) drops what was recorded. */
  clearRect(x: number, y: number, w: number, h: number): void {
    if (x <= 0 && y <= 0 && x + w >= this.canvas.width && y + h >= this.canvas.height)
      this.elements.length = 0;
  }

  measureText(text: string): TextMetrics {
    this.measurer.font = this.state.font;
    return this.measurer.measureText(text);
  }

  fillText(text: string, x: number, y: number): void {
    const font = /^\s*(?:(\w+)\s+)?([\d.]+)px\s+(.+)$/.exec(this.state.font);
    const size = font ? fixed(Number(font[2])) : '10';
    const family = font ? font[3]!.replace(/"/g, "'") : 'sans-serif';
    const weight = font?.[1] && font[1] !== 'normal' ? ` font-weight="${font[1]}"` : '';
    const anchor = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' }[
      this.state.textAlign
    ];
    const baseline = {
      alphabetic: '',
      top: 'text-before-edge',
      hanging: 'hanging',
      middle: 'central',
      ideographic: 'ideographic',
      bottom: 'text-after-edge',
    }[this.state.textBaseline];
    const [a, b, c, d, e, f] = this.state.transform.map(fixed);
    const transform =
      this.state.transform.join() === '1,0,0,1,0,0'
        ? ''
        : ` transform="matrix(${a} ${b} ${c} ${d} ${e} ${f})"`;
    this.elements.push(
      `<text x="${fixed(x)}" y="${fixed(y)}" font-family="${escapeXml(family)}" font-size="${size}"${weight}` +
        `${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}${baseline ? ` dominant-baseline="${baseline}"` : ''}` +
        `${this.fillAttributes()}${transform}${this.clipAttribute()} xml:space="preserve">${escapeXml(text)}</text>`,
    );
  }

  /**
   * The SVG document: `width` x `height` pixels shown at `widthPt` x `heightPt` points, with
   * `fontFaces` (CSS @font-face rules) embedded so the text looks the same wherever it is opened.
   */
  svgDocument(widthPt: string, heightPt: string, fontFaces: string): string {
    const { width, height } = this.canvas;
    const markup =
      `<svg width="${widthPt}" height="${heightPt}" viewBox="0 0 ${width} ${height}" version="1.1">` +
      `<defs><style>${escapeXml(fontFaces)}</style>${this.clips.join('')}</defs>${this.elements.join('')}</svg>`;
    // Parsed as HTML, <svg> and all inside it land in the SVG namespace; serialised as XML, the
    // browser writes the namespace declarations itself.
    const template = document.createElement('template');
    template.innerHTML = markup;
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(template.content.firstElementChild!)}\n`;
  }
}
