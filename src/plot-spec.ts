import type { Activation, ParamValue, ParamValues, Quantity } from './activations/activation.js';
import { resolveParams } from './activations/params.js';
import { resolveFunction } from './functions.js';
import { InvalidValueError, UsageError } from './errors.js';
import { parseColor } from './look/colors.js';
import { LEGEND_LOCATIONS, type LegendLocation } from './look/legend.js';
import { THEMES, type ThemeName } from './look/themes.js';
import { checkInteger, gridSpec, type GridSpec } from './grid-spec.js';

export type FigureFormat = 'png' | 'svg' | 'pdf' | 'term' | 'html';

export const MAX_SIDE = 10_000;
/** More lines than a legend or an eye can tell apart; each may cost a pass over 10 million samples. */
export const MAX_CURVES = 100;
export const MAX_AREA = 25_000_000;

/** One drawn curve: which function, with which parameters, f or f', and how it looks. */
export interface CurveSpec {
  readonly activation: Activation;
  readonly params: ParamValues;
  readonly quantity: Quantity;
  readonly label: string;
  readonly color: string;
  readonly dashed: boolean;
}

/** A plot request, checked: every field is valid and complete. */
export interface PlotSpec extends GridSpec {
  readonly curves: readonly CurveSpec[];
  /**
   * Figure size in pixels at `dpi`: whole when given, else figsize x dpi as Matplotlib has it,
   * fractional where that is (460.8 at 72 dpi). SVG and PDF keep the physical size width/dpi
   * inches; a PNG has the whole pixels of it.
   */
  readonly width: number;
  readonly height: number;
  readonly dpi: number;
  readonly format: FigureFormat;
  readonly title?: string;
  readonly xlabel?: string;
  readonly ylabel?: string;
  readonly xlim?: readonly [number, number];
  readonly ylim?: readonly [number, number];
  readonly grid: boolean;
  readonly legend: LegendLocation | false;
  /** Line width in points. */
  readonly lineWidth: number;
  readonly theme: ThemeName;
  readonly transparent: boolean;
}

type ParamRequest = Readonly<Record<string, ParamValue | readonly ParamValue[]>>;

/** What a caller may leave out; `plotSpec` fills in the defaults and checks the rest. */
export interface PlotRequest {
  /**
   * Functions to overlay, by name or as expressions in x; a parameter given as a list draws one
   * curve per value (a family). `label` names the function in the legend instead of its name.
   */
  readonly functions: readonly {
    readonly name: string;
    readonly params?: ParamRequest;
    readonly label?: string;
  }[];
  readonly from?: number;
  readonly to?: number;
  readonly samples?: number;
  /** Add f' to each curve (dashed, same colour), or draw f' only. */
  readonly derivative?: 'add' | 'only';
  readonly width?: number;
  readonly height?: number;
  readonly dpi?: number;
  readonly format?: FigureFormat;
  /** A title, or true for the automatic one ("ELU (α = 1)"). */
  readonly title?: string | true;
  readonly xlabel?: string;
  readonly ylabel?: string;
  readonly xlim?: readonly [number, number];
  readonly ylim?: readonly [number, number];
  readonly grid?: boolean;
  /** A location, true for 'best', false for none; by default a legend appears for two curves or more. */
  readonly legend?: LegendLocation | boolean;
  /** Curve colours, used in turn; by default the theme's cycle (tab10). */
  readonly colors?: readonly string[];
  readonly lineWidth?: number;
  readonly theme?: ThemeName;
  readonly transparent?: boolean;
}

/** A parameter value for titles and legends: 6 significant digits, a true minus sign. */
function shown(value: ParamValue | undefined): string {
  if (typeof value !== 'number') return String(value);
  return String(Number(value.toPrecision(6))).replace('-', '\u2212');
}

/** Every combination of the listed parameter values, in the entry's parameter order. */
function expandFamily(params: ParamRequest): { values: Record<string, ParamValue>; varied: string[] }[] {
  let combos: Record<string, ParamValue>[] = [{}];
  const varied: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    const list = Array.isArray(value) ? (value as readonly ParamValue[]) : [value as ParamValue];
    if (list.length === 0) throw new UsageError(`no values given for '${name}'`);
    if (list.length > 1) varied.push(name);
    combos = combos.flatMap((c) => list.map((v) => ({ ...c, [name]: v })));
  }
  return combos.map((values) => ({ values, varied }));
}

/**
 * The number of curves a request draws, checked against MAX_CURVES before any is expanded:
 * parameter lists multiply, so two lists of 1000 values would otherwise build a million.
 */
function checkCurveCount(request: PlotRequest): void {
  const perFunction = request.derivative === 'add' ? 2 : 1;
  const parts: string[] = [];
  let total = 0;
  for (const f of request.functions) {
    const lists = Object.entries(f.params ?? {}).filter(([, v]) => Array.isArray(v) && v.length > 1) as [
      string,
      readonly ParamValue[],
    ][];
    total += lists.reduce((n, [, v]) => n * v.length, 1) * perFunction;
    for (const [name, values] of lists) parts.push(`${values.length} values of ${name}`);
  }
  if (total <= MAX_CURVES) return;
  const why =
    parts.length === 0
      ? ''
      : ` (${parts.join(' × ')}${perFunction === 2 ? ', each with its derivative' : ''})`;
  throw new UsageError(
    `this figure would have ${total.toLocaleString('en-US')} curves${why}; one figure holds at most ${MAX_CURVES}`,
  );
}

function familyLabel(
  activation: Activation,
  params: ParamValues,
  varied: readonly string[],
  prime: string,
  name = activation.name,
): string {
  const listed = activation.params.filter(
    (p) => varied.includes(p.name) || varied.some((v) => p.aliases?.includes(v)),
  );
  const suffix =
    listed.length === 0 ? '' : ` (${listed.map((p) => `${p.symbol}=${shown(params[p.name])}`).join(', ')})`;
  const flavor = activation.flavor === undefined ? '' : ` (${activation.flavor})`;
  return `${name}${prime}${flavor}${suffix}`;
}

/** "ELU (α = 1)", "ELU (α = 0.5, 1, 2)" or "ReLU, GELU, SiLU": the functions with their parameters. */
export function automaticTitle(curves: readonly CurveSpec[]): string {
  const groups = new Map<Activation, ParamValues[]>();
  for (const c of curves) {
    if (c.quantity === 'derivative' && curves.some((o) => o.quantity === 'value')) continue;
    groups.set(c.activation, [...(groups.get(c.activation) ?? []), c.params]);
  }
  const prime = curves.every((c) => c.quantity === 'derivative') ? '′' : '';
  return [...groups.entries()]
    .map(([activation, all]) => {
      const params = activation.params.map(
        (p) => `${p.symbol} = ${[...new Set(all.map((v) => shown(v[p.name])))].join(', ')}`,
      );
      return `${activation.label}${prime}${params.length === 0 ? '' : ` (${params.join(', ')})`}`;
    })
    .join(', ');
}

function checkRange(subject: 'xlim' | 'ylim', range: readonly [number, number] | undefined): void {
  if (range && !(Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] < range[1])) {
    throw new InvalidValueError(subject, 'must go from low to high', `${range[0]}..${range[1]}`);
  }
}

export function plotSpec(request: PlotRequest): PlotSpec {
  if (request.functions.length === 0) throw new UsageError('name at least one activation function');
  checkCurveCount(request);
  const theme = request.theme ?? 'matplotlib';
  if (!Object.hasOwn(THEMES, theme))
    throw new InvalidValueError('theme', `must be one of ${Object.keys(THEMES).join(', ')}`, `'${theme}'`);
  const style = THEMES[theme];
  const colors = request.colors?.map(parseColor) ?? style.colorCycle;

  const curves: CurveSpec[] = [];
  let index = 0;
  for (const f of request.functions) {
    const activation = resolveFunction(f.name);
    for (const { values, varied } of expandFamily(f.params ?? {})) {
      const params = resolveParams(activation, values);
      const color = colors[index++ % colors.length]!;
      if (request.derivative !== 'only') {
        curves.push({
          activation,
          params,
          quantity: 'value',
          label: familyLabel(activation, params, varied, '', f.label),
          color,
          dashed: false,
        });
      }
      if (request.derivative) {
        const dashed = request.derivative === 'add';
        curves.push({
          activation,
          params,
          quantity: 'derivative',
          label: familyLabel(activation, params, varied, "'", f.label),
          color,
          dashed,
        });
      }
    }
  }

  checkRange('xlim', request.xlim);
  checkRange('ylim', request.ylim);
  // With only --xlim, sample what is shown.
  const range =
    request.from === undefined && request.to === undefined && request.xlim
      ? { from: request.xlim[0], to: request.xlim[1] }
      : {};
  const { from, to, samples } = gridSpec(curves[0]!.activation, { ...request, ...range });

  const dpi = request.dpi ?? style.dpi;
  if (!(Number.isFinite(dpi) && dpi >= 10 && dpi <= 1200))
    throw new InvalidValueError('dpi', 'must be from 10 to 1200', String(dpi));
  // Matplotlib's figure is figsize x dpi, a fraction of a pixel over where that is not whole
  // (460.8 x 345.6 px at 72 dpi): SVG and PDF keep that size, a PNG its whole pixels (render.ts).
  const width =
    request.width === undefined
      ? style.figureWidthIn * dpi
      : checkInteger('width', request.width, 16, MAX_SIDE);
  const height =
    request.height === undefined
      ? style.figureHeightIn * dpi
      : checkInteger('height', request.height, 16, MAX_SIDE);
  if (Math.trunc(width) * Math.trunc(height) > MAX_AREA) {
    throw new UsageError(
      `a ${Math.trunc(width)}x${Math.trunc(height)} px figure is too large (at most ${MAX_AREA / 1e6} million ` +
        `pixels); lower the dpi, width or height`,
    );
  }
  const lineWidth = request.lineWidth ?? style.lineWidthPt;
  if (!(Number.isFinite(lineWidth) && lineWidth > 0 && lineWidth <= 100))
    throw new InvalidValueError('lineWidth', 'must be above 0 and at most 100 points', String(lineWidth));

  const legend =
    request.legend === undefined
      ? curves.length > 1
        ? 'best'
        : false
      : request.legend === true
        ? 'best'
        : request.legend;
  if (legend !== false && !(LEGEND_LOCATIONS as readonly string[]).includes(legend)) {
    throw new InvalidValueError('legend', `must be one of ${LEGEND_LOCATIONS.join(', ')}`, `'${legend}'`);
  }
  const title = request.title === true ? automaticTitle(curves) : request.title;
  return {
    curves,
    from,
    to,
    samples,
    width,
    height,
    dpi,
    format: request.format ?? 'png',
    grid: request.grid ?? false,
    legend,
    lineWidth,
    theme,
    transparent: request.transparent ?? false,
    ...(title === undefined ? {} : { title }),
    ...(request.xlabel === undefined ? {} : { xlabel: request.xlabel }),
    ...(request.ylabel === undefined ? {} : { ylabel: request.ylabel }),
    ...(request.xlim === undefined ? {} : { xlim: request.xlim }),
    ...(request.ylim === undefined ? {} : { ylim: request.ylim }),
  };
}
