import { createRequire } from 'node:module';
import { registerFont } from 'canvas';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { chartConfiguration } from './chart-config.js';
import type { FigureModel } from './model.js';
import { matplotlibStyle } from './style.js';

export type ImageFormat = 'png' | 'svg';

const MIME: Record<ImageFormat, 'image/png' | 'image/svg+xml'> = { png: 'image/png', svg: 'image/svg+xml' };

let fontRegistered = false;

/**
 * DejaVu Sans from the dejavu-fonts-ttf package, so the figure does not depend on the fonts
 * this machine has. Registered once per process: node-canvas leaks on repeated registerFont.
 */
function registerBundledFont(): void {
  if (fontRegistered) return;
  const require = createRequire(import.meta.url);
  registerFont(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), { family: matplotlibStyle.fontFamily });
  fontRegistered = true;
}

// One renderer per canvas size and kind, reused: each ChartJSNodeCanvas re-requires Chart.js.
const renderers = new Map<string, ChartJSNodeCanvas>();

function rendererFor(width: number, height: number, format: ImageFormat): ChartJSNodeCanvas {
  const key = `${width}x${height}:${format}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    registerBundledFont();
    renderer = new ChartJSNodeCanvas({ width, height, ...(format === 'png' ? {} : { type: 'svg' as const }) });
    renderers.set(key, renderer);
  }
  return renderer;
}

/**
 * Cairo declares an SVG's size in points equal to its pixels. Matplotlib's SVG keeps the figure's
 * physical size (640 px at 100 dpi is 460.8 pt), so a 10 pt label is 10 pt on paper: declare
 * that size and keep the pixel viewBox.
 */
function withPhysicalSize(svg: Buffer, figure: FigureModel): Buffer {
  const pt = (px: number) => String(Number(((px * 72) / figure.dpi).toFixed(4)));
  const text = svg.toString('utf8');
  const sized = text.replace(/(<svg[^>]*?) width="[^"]*" height="[^"]*"/, `$1 width="${pt(figure.width)}pt" height="${pt(figure.height)}pt"`);
  return Buffer.from(sized, 'utf8');
}

/** The figure as the bytes of a PNG or SVG file. */
export function renderFigure(figure: FigureModel, format: ImageFormat): Buffer {
  const bytes = rendererFor(figure.width, figure.height, format).renderToBufferSync(chartConfiguration(figure), MIME[format]);
  return format === 'svg' ? withPhysicalSize(bytes, figure) : bytes;
}
