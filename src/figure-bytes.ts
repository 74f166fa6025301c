import type { FigureFormat, PlotRequest, PlotSpec } from './plot-spec.js';

/**
 * The bytes of a figure file in `format`: PNG, SVG or PDF drawn by Cairo, or the interactive
 * HTML page. Each is loaded only when asked for: a PNG's start-up never reads the page's code,
 * nor a page's the renderer's.
 */
export async function figureBytes(
  request: PlotRequest,
  spec: PlotSpec,
  format: Exclude<FigureFormat, 'term'>,
): Promise<Buffer | string> {
  if (format === 'html') return (await import('./html/write-page.js')).htmlPage(request);
  const { renderPlot } = await import('./figure/render.js');
  return renderPlot(spec, format);
}
