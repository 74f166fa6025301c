import type { Activation, ParamValues } from './activations/activation.js';
import { resolveParams } from './activations/params.js';
import { getActivation } from './activations/registry.js';
import { UsageError } from './errors.js';
import { checkInteger, gridSpec } from './grid-spec.js';
import type { ImageFormat } from './figure/render.js';
import { matplotlibStyle } from './figure/style.js';

export const MAX_PIXELS = 10_000;

export interface CurveSpec {
  readonly activation: Activation;
  readonly params: ParamValues;
}

/** A plot request, checked: every field is valid and complete. */
export interface PlotSpec {
  readonly curves: readonly CurveSpec[];
  readonly from: number;
  readonly to: number;
  readonly samples: number;
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly format: ImageFormat;
  readonly title?: string;
  readonly xlabel?: string;
  readonly ylabel?: string;
}

/** What a caller may leave out; `plotSpec` fills in the defaults and checks the rest. */
export interface PlotRequest {
  readonly functions: readonly { readonly name: string; readonly params?: Readonly<Record<string, number | string>> }[];
  readonly from?: number;
  readonly to?: number;
  readonly samples?: number;
  readonly width?: number;
  readonly height?: number;
  readonly format?: ImageFormat;
  /** A title, or true for the automatic one ("ELU (α = 1)"). */
  readonly title?: string | true;
  readonly xlabel?: string;
  readonly ylabel?: string;
}

/** "ELU (α = 1)": the function's label and its parameters with their symbols. */
export function automaticTitle(curve: CurveSpec): string {
  const params = curve.activation.params.map((p) => `${p.symbol} = ${curve.params[p.name]}`);
  return params.length === 0 ? curve.activation.label : `${curve.activation.label} (${params.join(', ')})`;
}

export function plotSpec(request: PlotRequest): PlotSpec {
  if (request.functions.length === 0) throw new UsageError('name at least one activation function');
  const curves = request.functions.map((f) => {
    const activation = getActivation(f.name);
    return { activation, params: resolveParams(activation, f.params) };
  });
  const { from, to, samples } = gridSpec(curves[0]!.activation, request);
  const dpi = matplotlibStyle.dpi;
  const width = checkInteger('--width', request.width ?? Math.round(matplotlibStyle.figureWidthIn * dpi), 16, MAX_PIXELS);
  const height = checkInteger('--height', request.height ?? Math.round(matplotlibStyle.figureHeightIn * dpi), 16, MAX_PIXELS);
  const title = request.title === true ? automaticTitle(curves[0]!) : request.title;
  return {
    curves,
    from,
    to,
    samples,
    width,
    height,
    dpi,
    format: request.format ?? 'png',
    ...(title === undefined ? {} : { title }),
    ...(request.xlabel === undefined ? {} : { xlabel: request.xlabel }),
    ...(request.ylabel === undefined ? {} : { ylabel: request.ylabel }),
  };
}
