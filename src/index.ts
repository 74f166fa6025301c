/**
 * activ as a library: the registry of activation functions, exact evaluation over arrays,
 * derivatives, grid sampling, and figures.
 *
 *     import { evaluate, derivative, catalog, plot } from 'activ';
 *     evaluate('gelu', [-1, 0, 1]);                    // Float64Array
 *     evaluate('x*sigmoid(1.702*x)', [-1, 0, 1]);      // an expression in x
 *     derivative('softplus', [20], { beta: 2 });
 *     const png = await plot({ functions: [{ name: 'elu', params: { alpha: 1 } }], from: -20, to: 20 });
 *
 * Importing this module loads no graphics: Chart.js and Cairo load on the first `plot` call.
 */
export type {
  Activation,
  ChoiceParam,
  NumberParam,
  ParamSpec,
  ParamValue,
  ParamValues,
  Quantity,
} from './activations/activation.js';
export { defineActivation } from './activations/activation.js';
export { catalog } from './activations/catalog.js';
export { findParam, resolveParams } from './activations/params.js';
export { findActivation, getActivation, normaliseName, suggestNames } from './activations/registry.js';
export { EnvironmentError, InvalidValueError, UsageError } from './errors.js';
export { ExpressionError, MissingParameterError } from './expression/errors.js';
export { resolveFunction, type ResolveOptions } from './functions.js';
export { FLAVOR_NAMES, type FlavorName, type FlavoredActivation } from './flavors/flavor.js';
export { flavorFunctions, flavors } from './flavors/registry.js';
export { derivative, evaluate, tabulate, type Table } from './evaluation.js';
export { DEFAULT_SAMPLES, MAX_SAMPLES, gridSpec, type GridSpec } from './grid-spec.js';
export { linearGrid, sampleCurve, type Curve } from './sampling.js';
export { plotSpec, type PlotRequest, type PlotSpec } from './plot-spec.js';
export { type CurveSpec, type FigureFormat } from './plot-spec.js';
export { LEGEND_LOCATIONS, type LegendLocation } from './look/legend.js';
export { THEMES, type ThemeName } from './look/themes.js';
export type { ImageFormat } from './figure/render.js';

import { InvalidValueError } from './errors.js';
import { plotSpec, type PlotRequest } from './plot-spec.js';

/**
 * Render a figure to the bytes of a PNG, SVG or PDF file, or of an interactive HTML page
 * (`request.format`, default png).
 */
export async function plot(request: PlotRequest): Promise<Buffer> {
  const spec = plotSpec(request);
  if (spec.format === 'term')
    throw new InvalidValueError(
      'format',
      "must be png, svg, pdf or html: plot() makes files (the terminal drawing is the command line's)",
      "'term'",
    );
  if (spec.format === 'html')
    return Buffer.from((await import('./html/write-page.js')).htmlPage(request), 'utf8');
  const { renderPlot } = await import('./figure/render.js');
  return renderPlot(spec, spec.format);
}
