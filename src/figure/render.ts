import Module, { createRequire } from 'node:module';
import type { Canvas } from 'canvas';
import type { Chart } from 'chart.js';
import type { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import type { PlotSpec } from '../plot-spec.js';
import { buildFigureInterruptibly } from './build-figure.js';
import { chartConfiguration } from './chart-config.js';
import type { FigureModel } from './model.js';
import { setPageBox } from './pdf-page.js';
import { encodePng } from './png.js';
import { matplotlibStyle } from '../look/themes.js';
import { canvasOf } from './style.js';

export type ImageFormat = 'png' | 'svg' | 'pdf';

const MIME = { svg: 'image/svg+xml', pdf: 'application/pdf' } as const;

// node-canvas and chartjs-node-canvas are CommonJS: required rather than imported, so Node skips
// scanning their source for named exports (a few ms of every cold start).
const require = createRequire(import.meta.url);
const { registerFont } = require('canvas') as typeof import('canvas');
const { ChartJSNodeCanvas: Renderer } =
  require('chartjs-node-canvas') as typeof import('chartjs-node-canvas');

/**
 * chartjs-node-canvas loads Chart.js as `chart.js/auto`, which registers every controller,
 * scale and plugin (bar, pie, radar, legend, tooltip, ...), and it drops Chart.js from the module
 * cache after each renderer so every renderer gets its own. A figure needs a line controller, its
 * line and point elements and linear scales; the axes, ticks, legend and title are drawn by
 * matplotlib-axes.ts. So before each renderer is made, `chart.js/auto` is put in the module cache
 * as Chart.js with just those parts: ~2 ms less to register, and no unused plugin hooks in every
 * draw. (The page, src/html/page/main.ts, registers the same four.)
 */
function provideLeanChartJs(): void {
  const fromRenderer = createRequire(require.resolve('chartjs-node-canvas'));
  const autoPath = fromRenderer.resolve('chart.js/auto');
  const chartJs = fromRenderer('chart.js') as typeof import('chart.js');
  chartJs.Chart.register(
    chartJs.LineController,
    chartJs.LineElement,
    chartJs.PointElement,
    chartJs.LinearScale,
  );
  const lean = new Module(autoPath);
  lean.filename = autoPath;
  lean.loaded = true;
  lean.exports = Object.assign(chartJs.Chart, chartJs);
  require.cache[autoPath] = lean;
}

let fontRegistered = false;

/**
 * DejaVu Sans from the dejavu-fonts-ttf package, so the figure does not depend on the fonts
 * this machine has. Registered once per process: node-canvas leaks on repeated registerFont.
 */
function registerBundledFont(): void {
  if (fontRegistered) return;
  registerFont(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), {
    family: matplotlibStyle.fontFamily,
  });
  fontRegistered = true;
}

// One renderer per canvas size and kind, reused: each ChartJSNodeCanvas re-requires Chart.js.
const renderers = new Map<string, ChartJSNodeCanvas>();

function rendererFor(width: number, height: number, format: ImageFormat): ChartJSNodeCanvas {
  const key = `${width}x${height}:${format}`;
  let renderer = renderers.get(key);
  if (!renderer) {
    registerBundledFont();
    provideLeanChartJs();
    renderer = new Renderer({ width, height, ...(format === 'png' ? {} : { type: format }) });
    renderers.set(key, renderer);
  }
  return renderer;
}

// A PNG canvas and its Chart, kept per size and redrawn for the next figure: building a new
// Chart (and a new 1.2 MB canvas) costs as much as drawing a figure. SVG and PDF surfaces hold
// everything ever drawn on them, so those get a fresh chart each time.
const pngCharts = new Map<string, Chart>();

function drawPng(figure: FigureModel, width: number, height: number): Buffer {
  const config = chartConfiguration(figure);
  const key = `${width}x${height}`;
  let chart = pngCharts.get(key);
  if (chart) {
    chart.data = config.data;
    chart.options = config.options ?? {};
    // Chart.js re-reads its inline plugins on update; the list is only reachable in place.
    chart.config.plugins?.splice(0, Infinity, ...(config.plugins ?? []));
    chart.update('none');
  } else {
    // renderChart (create the canvas, then the Chart on it) is public in chartjs-node-canvas's
    // JavaScript but typed private; it is the one way to keep the chart instead of its bytes.
    const renderer = rendererFor(width, height, 'png') as unknown as { renderChart(c: typeof config): Chart };
    chart = renderer.renderChart(config);
    pngCharts.set(key, chart);
  }
  // Cairo's pixels, encoded by png.ts: a quarter of the time node-canvas's own encoder takes.
  const raw = (chart.canvas as unknown as Canvas).toBuffer('raw');
  return encodePng(raw, width, height, { opaque: !figure.transparent, dpi: figure.dpi });
}

function draw(figure: FigureModel, format: ImageFormat): Buffer {
  if (format === 'png') {
    const raster = { ...figure, wholePixels: true };
    const { width, height } = canvasOf(raster);
    return drawPng(raster, width, height);
  }
  const { width, height } = canvasOf(figure);
  return rendererFor(width, height, format).renderToBufferSync(
    chartConfiguration(figure, { snap: false }),
    MIME[format],
  );
}

/**
 * Cairo declares an SVG's size in points equal to its pixels. Matplotlib's SVG keeps the figure's
 * physical size (640 px at 100 dpi is 460.8 pt), so a 10 pt label is 10 pt on paper: declare
 * that size, in pixels in the viewBox, which also cuts a canvas rounded up to whole pixels to
 * the figure's exact size (614.4 x 460.8 px at 96 dpi).
 */
function withPhysicalSize(svg: Buffer, figure: FigureModel): Buffer {
  const pt = (px: number) => String(Number(((px * 72) / figure.dpi).toFixed(4)));
  const px = (v: number) => String(Number(v.toFixed(4)));
  const text = svg.toString('utf8');
  const sized = text.replace(
    /(<svg[^>]*?) width="[^"]*" height="[^"]*" viewBox="[^"]*"/,
    `$1 width="${pt(figure.width)}pt" height="${pt(figure.height)}pt" viewBox="0 0 ${px(figure.width)} ${px(figure.height)}"`,
  );
  return Buffer.from(withoutSurfaceCounter(sized), 'utf8');
}

/**
 * Cairo names an SVG's drawing group after a counter of every surface the process has made
 * (id="surface11"): the same figure would get other bytes after other figures in a batch worker.
 * Each file has one surface, so it is always surface1.
 */
function withoutSurfaceCounter(svg: string): string {
  return svg.replace(/\bsurface\d+\b/g, 'surface1');
}

/** The figure model as the bytes of a PNG or SVG file (PDF goes through renderPlot). */
export function renderFigure(figure: FigureModel, format: 'png' | 'svg'): Buffer {
  const bytes = draw(figure, format);
  return format === 'svg' ? withPhysicalSize(bytes, figure) : bytes;
}

/** A checked plot spec as the bytes of a PNG, SVG or PDF file. */
export async function renderPlot(spec: PlotSpec, format: ImageFormat): Promise<Buffer> {
  if (format === 'pdf') {
    const figure = await buildFigureInterruptibly(spec, 'points');
    // PDF's y runs upwards from the page bottom; the drawing hangs from the top of the canvas,
    // whose height is the figure's rounded up to whole points.
    const bottom = canvasOf(figure).height - figure.height;
    return setPageBox(draw(figure, 'pdf'), [0, bottom, figure.width, bottom + figure.height]);
  }
  return renderFigure(await buildFigureInterruptibly(spec), format);
}
