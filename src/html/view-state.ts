/**
 * What an interactive page shows, as data: the figure's functions with every parameter value,
 * which curves and derivatives are on, the x range and the zoomed view. From this state come the
 * plot spec the page draws and the `activ plot` command that draws the same figure.
 *
 * The rule that keeps the page honest: whenever one command can draw the current view, the page
 * draws the spec of exactly that command (plotSpec of the request the command line parses to), so
 * what one sees is what `activ plot` with the copied line writes. Only a view no single command
 * can make (f′ on for some curves and off for others, say) is drawn from the curves directly,
 * and the page says why it has no command for it.
 *
 * Pure TypeScript: the page runs it in the browser, the tests in Node.
 */
import type { Activation, ParamSpec, ParamValue, ParamValues } from '../activations/activation.js';
import { findParam, resolveParams } from '../activations/params.js';
import { flagFor as flagName, inCommandLineWords } from '../arguments/flag-names.js';
import { resolveFunction } from '../functions.js';
import { UsageError } from '../errors.js';
import { parseColor } from '../look/colors.js';
import { THEMES } from '../look/themes.js';
import { formatDouble } from '../number-text.js';
import { automaticTitle, plotSpec, type CurveSpec, type PlotRequest, type PlotSpec } from '../plot-spec.js';

/** One function of the figure, with every parameter's values (several for a family). */
export interface FunctionState {
  /** As the request named it: an alias such as gelu_new stays one. */
  readonly name: string;
  readonly activation: Activation;
  /** Canonical parameter names in expansion order: the request's own order, then the rest. */
  readonly order: readonly string[];
  /** Each parameter's values; a list of several draws one curve per value. */
  readonly values: Map<string, ParamValue[]>;
  /** Parameters the request set, kept in the command even when they equal the default. */
  readonly given: Set<string>;
}

/** One curve of the family expansion, with its fixed colour and what of it is shown. */
export interface CurveState {
  /** `fn:i,j,...`: the function and the index of each parameter's value, in `order`. */
  readonly key: string;
  readonly fn: number;
  readonly indices: readonly number[];
  readonly color: string;
  value: boolean;
  derivative: boolean;
}

/** A parameter value the page offers a control for: function, parameter, position in its list. */
export interface ParamSlot {
  readonly fn: number;
  readonly param: ParamSpec;
  readonly index: number;
  readonly count: number;
}

/** What the page draws now, and the command that draws it (or why there is none). */
export interface View {
  readonly spec: PlotSpec;
  readonly command?: string;
  readonly argv?: readonly string[];
  readonly why?: string;
}

type Range = readonly [number, number];

/** The options of the original request that the page never changes, carried into every command. */
const KEPT: readonly (keyof PlotRequest)[] = [
  'samples',
  'width',
  'height',
  'dpi',
  'title',
  'xlabel',
  'ylabel',
  'grid',
  'legend',
  'lineWidth',
  'theme',
  'transparent',
];

function sameValues(a: readonly ParamValue[], b: readonly ParamValue[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

function sameParams(activation: Activation, a: ParamValues, b: ParamValues): boolean {
  return activation.params.every((p) => Object.is(a[p.name], b[p.name]));
}

/** Every combination of indices, the first parameter outermost, as plot-spec's expandFamily orders curves. */
function combinations(lengths: readonly number[]): number[][] {
  let combos: number[][] = [[]];
  for (const n of lengths) combos = combos.flatMap((c) => Array.from({ length: n }, (_, i) => [...c, i]));
  return combos;
}

/**
 * A word as a POSIX shell (and `activ batch`, through shell-quote's parse) reads it back: bare
 * when it has nothing either treats specially, else in single quotes. By hand rather than
 * shell-quote's quote(), which backslash-escapes commas and colons that need no escaping
 * ("0.5\,1", "tab\:orange") and would make the copied line harder to read and edit.
 */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_.,:+\-=/@%^]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const TAB10_NAMES: Record<string, string> = {
  '#1f77b4': 'tab:blue',
  '#ff7f0e': 'tab:orange',
  '#2ca02c': 'tab:green',
  '#d62728': 'tab:red',
  '#9467bd': 'tab:purple',
  '#8c564b': 'tab:brown',
  '#e377c2': 'tab:pink',
  '#7f7f7f': 'tab:gray',
  '#bcbd22': 'tab:olive',
  '#17becf': 'tab:cyan',
};

const rangeText = ([a, b]: Range) => `${formatDouble(a)}..${formatDouble(b)}`;

export class FigureState {
  readonly functions: FunctionState[];
  readonly curves: CurveState[];
  from: number;
  to: number;
  xlim: Range | undefined;
  ylim: Range | undefined;
  /** The colour names the request used, so a command keeps the user's own spelling. */
  private readonly colorNames = new Map<string, string>();

  constructor(readonly request: PlotRequest) {
    const initial = plotSpec(request);
    this.functions = request.functions.map(({ name, params = {} }) => {
      const activation = resolveFunction(name);
      const values = new Map<string, ParamValue[]>();
      const given = new Set<string>();
      for (const [key, value] of Object.entries(params)) {
        const param = findParam(activation, key);
        if (!param) continue; // plotSpec above has already refused it
        values.delete(param.name); // a later spelling of the same parameter wins, as in resolveParams
        values.set(
          param.name,
          Array.isArray(value) ? [...(value as readonly ParamValue[])] : [value as ParamValue],
        );
        given.add(param.name);
      }
      for (const p of activation.params) if (!values.has(p.name)) values.set(p.name, [p.default]);
      return { name, activation, order: [...values.keys()], values, given };
    });
    const shown = { value: request.derivative !== 'only', derivative: request.derivative !== undefined };
    // The colours of the first figure stay with their curves whatever is hidden later.
    const colors = initial.curves
      .filter((c) => request.derivative !== 'add' || c.quantity === 'value')
      .map((c) => c.color);
    this.curves = this.functions.flatMap((f, fn) =>
      combinations(f.order.map((p) => f.values.get(p)!.length)).map((indices) => ({
        key: `${fn}:${indices.join(',')}`,
        fn,
        indices,
        color: '',
        ...shown,
      })),
    );
    this.curves.forEach((c, i) => Object.assign(c, { color: colors[i % colors.length] }));
    for (const name of request.colors ?? []) this.colorNames.set(parseColor(name), name);
    this.from = initial.from;
    this.to = initial.to;
    this.xlim = request.xlim;
    this.ylim = request.ylim;
  }

  /** Every parameter value the page offers a control for, function by function. */
  slots(): ParamSlot[] {
    return this.functions.flatMap((f, fn) =>
      f.activation.params.flatMap((param) => {
        const count = f.values.get(param.name)!.length;
        return Array.from({ length: count }, (_, index) => ({ fn, param, index, count }));
      }),
    );
  }

  valueAt(slot: ParamSlot): ParamValue {
    return this.functions[slot.fn]!.values.get(slot.param.name)![slot.index]!;
  }

  /** The complete parameters of a curve. */
  paramsOf(curve: CurveState): ParamValues {
    const f = this.functions[curve.fn]!;
    return resolveParams(
      f.activation,
      Object.fromEntries(f.order.map((p, k) => [p, f.values.get(p)![curve.indices[k]!]!])),
    );
  }

  /** The curves that take the value in `slot`. */
  curvesOf(slot: ParamSlot): CurveState[] {
    const k = this.functions[slot.fn]!.order.indexOf(slot.param.name);
    return this.curves.filter((c) => c.fn === slot.fn && c.indices[k] === slot.index);
  }

  /**
   * Set one parameter value. Every curve that takes it is checked as the command line checks it
   * (bounds, choices, and checks across parameters such as hardtanh's min_val < max_val); a value
   * any of them refuses is a UsageError and changes nothing.
   */
  setParam(slot: ParamSlot, value: ParamValue): void {
    const f = this.functions[slot.fn]!;
    const list = f.values.get(slot.param.name)!;
    const old = list[slot.index]!;
    list[slot.index] = value;
    try {
      for (const curve of this.curvesOf(slot)) this.paramsOf(curve);
    } catch (error) {
      list[slot.index] = old;
      throw error;
    }
    f.given.add(slot.param.name);
  }

  /** Show or hide a curve's f or f′. */
  setShown(curve: CurveState, quantity: 'value' | 'derivative', on: boolean): void {
    curve[quantity] = on;
  }

  /** A new x range, as --range: sampled from..to, the view fitting the curves again. */
  setRange(from: number, to: number): void {
    if (!(Number.isFinite(from) && Number.isFinite(to) && from < to))
      throw new UsageError(`the x range must go from low to high, not ${from}..${to}`);
    [this.from, this.to, this.xlim, this.ylim] = [from, to, undefined, undefined];
  }

  /** A zoomed or panned view, as --xlim and --ylim: the samples span exactly what is shown. */
  setView(xlim: Range, ylim: Range): void {
    [this.from, this.to, this.xlim, this.ylim] = [xlim[0], xlim[1], xlim, ylim];
  }

  /** Back to the request's own range and limits. */
  resetView(): void {
    const initial = plotSpec(this.request);
    [this.from, this.to, this.xlim, this.ylim] = [
      initial.from,
      initial.to,
      this.request.xlim,
      this.request.ylim,
    ];
  }

  /** The options every request the page makes shares with the original one. */
  private common(): PlotRequest {
    const kept = Object.fromEntries(
      KEPT.filter((k) => this.request[k] !== undefined).map((k) => [k, this.request[k]]),
    );
    const sampled =
      this.xlim && this.from === this.xlim[0] && this.to === this.xlim[1]
        ? {}
        : { from: this.from, to: this.to };
    return {
      functions: [],
      ...kept,
      ...sampled,
      ...(this.xlim ? { xlim: this.xlim } : {}),
      ...(this.ylim ? { ylim: this.ylim } : {}),
    };
  }

  /** The figure to draw now and the command that draws it. */
  view(): View {
    const wanted = this.wantedCurves();
    if (wanted.length === 0) throw new UsageError('at least one curve must be shown');
    const candidate = this.command();
    if ('request' in candidate) {
      try {
        const spec = plotSpec(candidate.request);
        if (this.matches(spec.curves, wanted))
          return {
            spec,
            argv: candidate.argv,
            command: ['activ', 'plot', ...candidate.argv].map(shellWord).join(' '),
          };
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        return { spec: this.directSpec(wanted), why: inCommandLineWords(error) };
      }
      return { spec: this.directSpec(wanted), why: 'no single command draws exactly these curves' };
    }
    return { spec: this.directSpec(wanted), why: candidate.why };
  }

  /** The shown curves with their quantity, in drawing order: f, then f′ of each curve. */
  private wantedCurves(): { curve: CurveState; quantity: 'value' | 'derivative'; dashed: boolean }[] {
    return this.curves.flatMap((curve) => [
      ...(curve.value ? [{ curve, quantity: 'value' as const, dashed: false }] : []),
      ...(curve.derivative ? [{ curve, quantity: 'derivative' as const, dashed: curve.value }] : []),
    ]);
  }

  private matches(curves: readonly CurveSpec[], wanted: ReturnType<FigureState['wantedCurves']>): boolean {
    return (
      curves.length === wanted.length &&
      curves.every((c, i) => {
        const w = wanted[i]!;
        const f = this.functions[w.curve.fn]!;
        return (
          c.activation.name === f.activation.name &&
          c.quantity === w.quantity &&
          c.color === w.curve.color &&
          c.dashed === w.dashed &&
          sameParams(f.activation, c.params, this.paramsOf(w.curve))
        );
      })
    );
  }

  /**
   * The arguments of `activ plot` for the shown curves, and the request the command line parses
   * them into (as plot-command's plotRequest and shared-options' paramsPerFunction do: each flag
   * goes to every function that takes it, flags in name order), or why there are none.
   */
  command(): { argv: string[]; request: PlotRequest } | { why: string } {
    const visible = this.curves.filter((c) => c.value || c.derivative);
    if (visible.length === 0) return { why: 'no curve is shown' };
    const both = visible.every((c) => c.value && c.derivative);
    const onlyValue = visible.every((c) => c.value && !c.derivative);
    const onlyDerivative = visible.every((c) => !c.value && c.derivative);
    if (!both && !onlyValue && !onlyDerivative)
      return {
        why: 'one command draws f′ for every curve or for none: show or hide f′ for all of them alike',
      };
    const derivative = both ? 'add' : onlyDerivative ? 'only' : undefined;

    // Per function drawn: the values of each parameter that its shown curves use.
    const used = [...new Set(visible.map((c) => c.fn))];
    const lists = new Map<number, Map<string, ParamValue[]>>();
    for (const fn of used) {
      const f = this.functions[fn]!;
      const mine = visible.filter((c) => c.fn === fn);
      const indexSets = f.order.map((_, k) =>
        [...new Set(mine.map((c) => c.indices[k]!))].sort((a, b) => a - b),
      );
      // One command draws every combination of the listed values, so the shown curves must be all of them.
      if (indexSets.reduce((n, s) => n * s.length, 1) !== mine.length) {
        return {
          why: `one command draws every combination of ${f.name}'s listed values: show all of them, or hide a whole value`,
        };
      }
      lists.set(fn, new Map(f.order.map((p, k) => [p, indexSets[k]!.map((i) => f.values.get(p)![i]!)])));
    }

    // A flag for each parameter that is not at its default (or that the request gave), chosen so
    // that every drawn function taking the flag gets exactly its own values from it.
    const flags = new Map<string, ParamValue[]>();
    const covered = new Set<string>();
    for (const fn of used) {
      const f = this.functions[fn]!;
      for (const p of f.activation.params) {
        const list = lists.get(fn)!.get(p.name)!;
        const atDefault = list.length === 1 && Object.is(list[0], p.default);
        if (covered.has(`${fn}:${p.name}`) || (atDefault && !f.given.has(p.name))) continue;
        const flag = [p.name, ...(p.aliases ?? [])].find((name) =>
          used.every((g) => {
            const taken = findParam(this.functions[g]!.activation, name);
            return taken === undefined || sameValues(lists.get(g)!.get(taken.name)!, list);
          }),
        );
        if (flag === undefined) {
          const others = used
            .filter((g) => g !== fn && findParam(this.functions[g]!.activation, p.name))
            .map((g) => this.functions[g]!.name);
          return {
            why: `${[f.name, ...others].join(' and ')} all take ${flagName(p.name)}, and one command gives them the same values`,
          };
        }
        flags.set(flag, list);
        for (const g of used) {
          const taken = findParam(this.functions[g]!.activation, flag);
          if (taken) covered.add(`${g}:${taken.name}`);
        }
      }
    }
    const flagOrder = [...flags.keys()].sort((a, b) => (a < b ? -1 : 1));

    const common = this.common();
    const functions = used.map((fn) => {
      const activation = this.functions[fn]!.activation;
      const params = Object.fromEntries(
        flagOrder.filter((flag) => findParam(activation, flag)).map((flag) => [flag, flags.get(flag)!]),
      );
      return { name: this.functions[fn]!.name, params };
    });

    // Colours stay with their curves: name them when the default cycle would give others.
    const cycle =
      this.request.colors?.map(parseColor) ?? THEMES[this.request.theme ?? 'matplotlib'].colorCycle;
    const ordered = used.flatMap((fn) => visible.filter((c) => c.fn === fn));
    const recolor = ordered.some((c, i) => c.color !== cycle[i % cycle.length]);
    const colors = recolor ? ordered.map((c) => c.color) : this.request.colors?.map(parseColor);

    const request: PlotRequest = {
      ...common,
      functions,
      ...(derivative ? { derivative } : {}),
      ...(colors ? { colors } : {}),
    };
    const argv = [...functions.map((f) => f.name)];
    if (derivative === 'add') argv.push('--derivative');
    if (derivative === 'only') argv.push('--derivative-only');
    if (common.from !== undefined && common.to !== undefined)
      argv.push('--range', rangeText([common.from, common.to]));
    if (common.xlim) argv.push('--xlim', rangeText(common.xlim));
    if (common.ylim) argv.push('--ylim', rangeText(common.ylim));
    for (const flag of flagOrder)
      argv.push(
        flagName(flag),
        flags
          .get(flag)!
          .map((v) => (typeof v === 'number' ? formatDouble(v) : v))
          .join(','),
      );
    if (colors)
      argv.push('--color', colors.map((c) => this.colorNames.get(c) ?? TAB10_NAMES[c] ?? c).join(','));
    argv.push(...this.optionWords());
    return { argv, request };
  }

  /** The unchanged options of the request as command-line words. */
  private optionWords(): string[] {
    const r = this.request;
    const words: string[] = [];
    if (r.samples !== undefined) words.push('--samples', String(r.samples));
    if (r.theme !== undefined && r.theme !== 'matplotlib') words.push('--theme', r.theme);
    if (r.grid) words.push('--grid');
    if (r.legend === false) words.push('--no-legend');
    else if (r.legend === true) words.push('--legend');
    else if (r.legend !== undefined) words.push('--legend', r.legend.replace(/ /g, '-'));
    if (r.lineWidth !== undefined) words.push('--line-width', formatDouble(r.lineWidth));
    if (r.dpi !== undefined) words.push('--dpi', formatDouble(r.dpi));
    if (r.width !== undefined) words.push('--width', String(r.width));
    if (r.height !== undefined) words.push('--height', String(r.height));
    if (r.transparent) words.push('--transparent');
    if (r.xlabel !== undefined) words.push('--xlabel', r.xlabel);
    if (r.ylabel !== undefined) words.push('--ylabel', r.ylabel);
    // Last: a bare --title takes the next word as its text when there is one.
    if (r.title === true) words.push('--title');
    else if (r.title !== undefined) words.push('--title', r.title);
    return words;
  }

  /**
   * The spec for a view no single command draws: every curve of the family with f, and with f′,
   * in the colours they have had all along, cut down to what is shown. f′ is dashed beside its f
   * and solid alone, as --derivative and --derivative-only draw it.
   */
  private directSpec(wanted: ReturnType<FigureState['wantedCurves']>): PlotSpec {
    const functions = this.functions.map((f) => ({
      name: f.name,
      params: Object.fromEntries(f.order.map((p) => [p, f.values.get(p)!])),
    }));
    const full = {
      ...this.common(),
      functions,
      colors: this.curves.map((c) => c.color),
      legend: undefined,
      title: undefined,
    };
    const base = plotSpec(full);
    const derivatives = plotSpec({ ...full, derivative: 'only' }).curves;
    const curves = wanted.map((w) => {
      const i = this.curves.indexOf(w.curve);
      return { ...(w.quantity === 'value' ? base.curves[i]! : derivatives[i]!), dashed: w.dashed };
    });
    const legend =
      this.request.legend === undefined
        ? curves.length > 1
          ? 'best'
          : false
        : this.request.legend === true
          ? 'best'
          : this.request.legend;
    const title = this.request.title === true ? automaticTitle(curves) : this.request.title;
    const { title: _untitled, ...rest } = base;
    return { ...rest, curves, legend, ...(title === undefined ? {} : { title }) };
  }
}

/**
 * The shortest decimal in [lo, hi]: what the pointer's pixel column stands for. Any x in the
 * column is as good as another to the eye, so the page reads out the roundest one, and the column
 * holding −1 reads exactly x = −1.
 */
export function roundestIn(lo: number, hi: number): number {
  if (!(lo <= hi)) return lo;
  if (lo <= 0 && hi >= 0) return 0;
  for (
    let exponent = Math.ceil(Math.log10(Math.max(Math.abs(lo), Math.abs(hi)))) + 1;
    exponent > -330;
    exponent--
  ) {
    const step = 10 ** exponent;
    const first = Math.ceil(lo / step);
    // Parsed from decimal text: first·10^e computed in doubles may miss the decimal by an ulp.
    for (const n of [first - 1, first, first + 1]) {
      const candidate = Number(`${n}e${exponent}`);
      if (candidate >= lo && candidate <= hi) return candidate;
    }
  }
  return (lo + hi) / 2;
}

/**
 * A zoomed or panned view rounded to three significant digits of its width, so the command line
 * reads --xlim -2.31..4.07 rather than seventeen digits of where a wheel stopped.
 */
export function roundedLimits(lo: number, hi: number): [number, number] {
  const width = hi - lo;
  if (!(width > 0) || !Number.isFinite(width)) return [lo, hi];
  const exponent = Math.floor(Math.log10(width)) - 2;
  const round = (v: number) => Number(`${Math.round(v / 10 ** exponent)}e${exponent}`);
  const [a, b] = [round(lo), round(hi)];
  return a < b && Number.isFinite(a) && Number.isFinite(b) ? [a, b] : [lo, hi];
}
