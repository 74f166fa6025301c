import type { Activation, ParamValues } from './activations/activation.js';
import { resolveParams } from './activations/params.js';
import { getActivation } from './activations/registry.js';
import { UsageError } from './errors.js';
import type { ImageFormat } from './figure/render.js';
import { matplotlibStyle } from './figure/style.js';

export const DEFAULT_SAMPLES = 1000;
export const MAX_SAMPLES = 10_000_000;
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

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not ${value}`);
  }
  return value;
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
  const first = curves[0]!.activation;
  const from = request.from ?? first.range[0];
  const to = request.to ?? first.range[1];
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new UsageError(`the range must be finite, not ${from}..${to}`);
  if (!(from < to)) throw new UsageError(`the x range must go from low to high (--from below --to), but ${from} >= ${to}`);
  const samples = checkInteger('--samples', request.samples ?? DEFAULT_SAMPLES, 2, MAX_SAMPLES);
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
