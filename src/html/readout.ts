/**
 * What the page says about its curves in words and numbers: the values under the pointer,
 * computed by the registry's own f and f′ (the code `activ eval` runs), and a text summary of
 * each curve for readers who do not see the figure. Pure TypeScript, shared by the page and tests.
 */
import type { Activation, ParamValues } from '../activations/activation.js';
import type { FigureModel } from '../figure/model.js';
import { geometryOf } from '../figure/style.js';
import { formatDouble } from '../number-text.js';
import type { PlotSpec } from '../plot-spec.js';
import { compute, linearGrid } from '../sampling.js';
import type { CurveState, FigureState } from './view-state.js';
import { roundestIn } from './view-state.js';

/** f and f′ of one curve at the readout's x. */
export interface ReadoutRow {
  readonly curve: CurveState;
  /** The function with all its parameters, e.g. "elu (α = 0.5)". */
  readonly name: string;
  readonly color: string;
  /** Where the values were taken: x itself, or for the softmax family the nearest grid sample. */
  readonly x: number;
  readonly value: number;
  readonly derivative: number;
}

/** A curve's name with every parameter: "elu (α = 0.5)", "gelu (approx = tanh)", "relu". */
export function curveName(activation: Activation, name: string, params: ParamValues): string {
  const shown = activation.params.map(
    (p) =>
      `${p.symbol} = ${typeof params[p.name] === 'number' ? formatDouble(params[p.name] as number) : params[p.name]}`,
  );
  return shown.length === 0 ? name : `${name} (${shown.join(', ')})`;
}

// The softmax family's values over a grid, kept while the grid and parameters stay the same.
const vectorCache = new Map<string, { x: Float64Array; value: Float64Array; derivative: Float64Array }>();

function overGrid(activation: Activation, params: ParamValues, spec: PlotSpec) {
  const key = JSON.stringify([activation.name, params, spec.from, spec.to, spec.samples]);
  let cached = vectorCache.get(key);
  if (!cached) {
    if (vectorCache.size > 20) vectorCache.clear();
    const x = linearGrid(spec.from, spec.to, spec.samples);
    cached = {
      x,
      value: compute(activation, x, params, 'value'),
      derivative: compute(activation, x, params, 'derivative'),
    };
    vectorCache.set(key, cached);
  }
  return cached;
}

/** Index of the grid point nearest to x (the grid is sorted). */
function nearest(grid: Float64Array, x: number): number {
  let lo = 0;
  let hi = grid.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (grid[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(grid[hi]! - x) < Math.abs(x - grid[lo]!) ? hi : lo;
}

/**
 * f(x) and f′(x) of every shown curve. A pointwise function is evaluated at x exactly; the
 * softmax family depends on the whole sampled grid, so its row is the grid sample nearest x.
 */
export function readout(state: FigureState, spec: PlotSpec, x: number): ReadoutRow[] {
  return state.curves
    .filter((c) => c.value || c.derivative)
    .map((curve) => {
      const f = state.functions[curve.fn]!;
      const params = state.paramsOf(curve);
      const name = curveName(f.activation, f.name, params);
      if (f.activation.overVector) {
        const grid = overGrid(f.activation, params, spec);
        const i = nearest(grid.x, x);
        return {
          curve,
          name,
          color: curve.color,
          x: grid.x[i]!,
          value: grid.value[i]!,
          derivative: grid.derivative[i]!,
        };
      }
      const at = Float64Array.of(x);
      return {
        curve,
        name,
        color: curve.color,
        x,
        value: compute(f.activation, at, params, 'value')[0]!,
        derivative: compute(f.activation, at, params, 'derivative')[0]!,
      };
    });
}

/** The axes box of a figure in canvas pixels. */
export function axesBox(figure: FigureModel) {
  return geometryOf(figure).box;
}

/** The x a canvas pixel position stands for, in data units (halves keep ±1e308 views finite). */
export function dataX(figure: FigureModel, px: number): number {
  const box = axesBox(figure);
  const t = (px - box.left) / (box.right - box.left);
  return 2 * (figure.x.min / 2 + t * (figure.x.max / 2 - figure.x.min / 2));
}

export function dataY(figure: FigureModel, py: number): number {
  const box = axesBox(figure);
  const t = (box.bottom - py) / (box.bottom - box.top);
  return 2 * (figure.y.min / 2 + t * (figure.y.max / 2 - figure.y.min / 2));
}

/** The canvas pixel position of a data x or y. */
export function pixelX(figure: FigureModel, x: number): number {
  const box = axesBox(figure);
  return (
    box.left + ((x / 2 - figure.x.min / 2) / (figure.x.max / 2 - figure.x.min / 2)) * (box.right - box.left)
  );
}

export function pixelY(figure: FigureModel, y: number): number {
  const box = axesBox(figure);
  return (
    box.bottom - ((y / 2 - figure.y.min / 2) / (figure.y.max / 2 - figure.y.min / 2)) * (box.bottom - box.top)
  );
}

/**
 * The x of the pixel column that holds canvas position `px`: the roundest number in it, so
 * pointing anywhere in the column of −1 reads x = −1 exactly. Undefined outside the axes box.
 */
export function columnX(figure: FigureModel, px: number): number | undefined {
  const box = axesBox(figure);
  if (px < box.left || px > box.right) return undefined;
  const column = Math.floor(px);
  const [a, b] = [dataX(figure, column), dataX(figure, column + 1)];
  return roundestIn(Math.max(Math.min(a, b), figure.x.min), Math.min(Math.max(a, b), figure.x.max));
}

const TAB10: Record<string, string> = {
  '#1f77b4': 'blue',
  '#ff7f0e': 'orange',
  '#2ca02c': 'green',
  '#d62728': 'red',
  '#9467bd': 'purple',
  '#8c564b': 'brown',
  '#e377c2': 'pink',
  '#7f7f7f': 'grey',
  '#bcbd22': 'olive',
  '#17becf': 'cyan',
  '#000000': 'black',
  '#ffffff': 'white',
};

/** A number to read, not to copy: four significant digits, a true minus sign. */
function readable(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : v < 0 ? '−∞' : 'not a number';
  return String(Number(v.toPrecision(4))).replace(/-/g, '−');
}

/**
 * One sentence per drawn line (its colour and style, where it starts and ends, its lowest and
 * highest point, its corners and jumps) after one about the axes: what a screen reader reads in
 * place of the figure.
 */
export function summary(figure: FigureModel, spec: PlotSpec): string[] {
  const sentences = [
    `The x axis runs from ${readable(figure.x.min)} to ${readable(figure.x.max)}, the y axis from ${readable(figure.y.min)} to ${readable(figure.y.max)}.`,
  ];
  figure.series.forEach((s, i) => {
    const curve = spec.curves[i]!;
    const finite: number[] = [];
    for (let k = 0; k < s.y.length; k++) if (Number.isFinite(s.y[k]!)) finite.push(k);
    const of = curve.quantity === 'derivative' ? `, the derivative of ${curve.activation.name}` : '';
    const line = `${s.label} (${TAB10[s.color] ?? s.color} ${s.dashed ? 'dashed' : 'solid'} line${of})`;
    if (finite.length === 0) {
      sentences.push(`${line} has no finite value in this range.`);
      return;
    }
    const [first, last] = [finite[0]!, finite[finite.length - 1]!];
    let [lo, hi] = [first, first];
    for (const k of finite) {
      if (s.y[k]! < s.y[lo]!) lo = k;
      if (s.y[k]! > s.y[hi]!) hi = k;
    }
    const inRange = (v: number) => v > spec.from && v < spec.to;
    // A kink of f is a jump of f′ (sampling.ts treats it so too).
    const kinks = curve.activation.kinks(curve.params).filter(inRange);
    const jumps = curve.activation.jumps(curve.params).filter(inRange);
    const [corners, steps] =
      curve.quantity === 'value'
        ? [kinks, jumps]
        : [[], [...new Set([...jumps, ...kinks])].sort((a, b) => a - b)];
    const where = (what: string, xs: readonly number[]) =>
      xs.length === 0
        ? []
        : [
            `${xs.length === 1 ? `a ${what}` : `${what}s`} at x = ${xs.length === 1 ? readable(xs[0]!) : `${xs.slice(0, -1).map(readable).join(', ')} and ${readable(xs[xs.length - 1]!)}`}`,
          ];
    const extra = [...where('corner', corners), ...where('jump', steps)];
    sentences.push(
      `${line}: from ${readable(s.y[first]!)} at x = ${readable(s.x[first]!)} to ${readable(s.y[last]!)} at x = ${readable(s.x[last]!)}; ` +
        `lowest ${readable(s.y[lo]!)} at x = ${readable(s.x[lo]!)}, highest ${readable(s.y[hi]!)} at x = ${readable(s.x[hi]!)}` +
        `${extra.length > 0 ? `; ${extra.join(', ')}` : ''}.`,
    );
  });
  return sentences;
}
