/**
 * An expression in x as an Activation, so that everything that takes a function (plot, eval,
 * table, batch, the library) takes an expression the same way: its parameters are the names it
 * uses, its kinks and jumps are found inside the range asked for (breakpoints.ts), and it has no
 * turning points to declare, so a dense figure evaluates every sample of it.
 */
import type { Activation, NumberParam, ParamValues, Quantity } from '../activations/activation.js';
import { UsageError } from '../errors.js';
import { findBreakpoints, type Breakpoints } from './breakpoints.js';
import { compile, type ExpressionTape } from './compile.js';
import { MissingParameterError } from './errors.js';
import { parseExpression, type Parsed } from './syntax.js';

/** The x range when none is asked for, as most of the catalog's. */
export const EXPRESSION_RANGE: readonly [number, number] = [-5, 5];
/** A legend entry longer than this is cut, with an ellipsis. */
export const LABEL_LENGTH = 40;

/** Tapes and breakpoints kept per expression, for the last few parameter sets (a family's curves). */
const KEPT = 16;

/** A small cache that forgets its oldest entry when full. */
class Recent<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly size: number) {}
  get(key: string, make: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) return found;
    const made = make();
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, made);
    return made;
  }
}

/**
 * Whether a reference tries to be an expression: it uses x as a name (or as 2x, which gets told
 * how to write it), or calls something. Any other text that is no catalog name (elux,
 * binary-stepp, 2*3) is reported as an unknown name, with the catalog's nearest names, as always.
 */
export function triesExpression(reference: string): boolean {
  return /(?:^|[^\w$.])[\d.]*x(?![\w$])/.test(reference) || reference.includes('(');
}

const resolved = new Recent<Activation>(64);

/**
 * The expression `reference` as an Activation, or undefined when it does not try to be one (the
 * caller reports an unknown name). A mistake in an expression is an ExpressionError that points
 * at it; an expression that does not use x is a UsageError.
 */
export function expressionFunction(reference: string): Activation | undefined {
  if (!triesExpression(reference)) return undefined;
  return resolved.get(reference, () => {
    const parsed = parseExpression(reference);
    if (!parsed.usesX)
      throw new UsageError(
        `unknown activation '${reference.trim()}': not a name in the catalog, and as an expression it does not use x`,
      );
    return expressionActivation(parsed);
  });
}

function expressionActivation(parsed: Parsed): Activation {
  const flat = parsed.text.trim().replace(/\s+/g, ' ');
  const shown = flat.length > LABEL_LENGTH ? `${flat.slice(0, LABEL_LENGTH - 1)}…` : flat;
  const params: NumberParam[] = parsed.parameters.map(({ name, column }) => ({
    kind: 'number',
    name: name.toLowerCase(),
    // No default: a parameter nobody gave is reported by check().
    default: NaN,
    symbol: name,
    description: `a parameter of the expression, first at column ${column}`,
  }));
  const keyOf = (p: ParamValues) => params.map((spec) => String(p[spec.name])).join(',');
  const tapes = new Recent<ExpressionTape>(KEPT);
  const tape = (p: ParamValues, withDerivative: boolean) =>
    tapes.get(`${withDerivative ? 'd' : 'v'}:${keyOf(p)}`, () =>
      compile(parsed.tree, p, parsed.text, withDerivative),
    );
  const breakpoints = new Recent<Breakpoints>(KEPT);
  const breakpointsOf = (p: ParamValues, within = EXPRESSION_RANGE) =>
    breakpoints.get(`${keyOf(p)}:${within[0]}:${within[1]}`, () =>
      findBreakpoints(tape(p, true), within[0], within[1], shown),
    );
  const run = (x: Float64Array, p: ParamValues, quantity: Quantity, out: Float64Array) =>
    tape(p, quantity === 'derivative').evaluate(x, quantity, out);

  return {
    name: shown,
    label: shown,
    aliases: [],
    presets: [],
    description: `the expression ${flat}`,
    formula: flat,
    params,
    range: EXPRESSION_RANGE,
    overVector: false,
    derivativeConvention:
      'exact, by automatic differentiation; where it does not exist, the branch a condition picks, ' +
      "the left-hand slope of min and max, abs'(0) = 0, and each catalog function's own convention",
    kinks: (p, within) => breakpointsOf(p, within).kinks,
    jumps: (p, within) => breakpointsOf(p, within).jumps,
    check: (p) => {
      for (const [i, spec] of params.entries()) {
        if (Number.isNaN(p[spec.name]))
          throw new MissingParameterError(spec.name, parsed.parameters[i]!.column, parsed.text);
      }
      // Compiling checks what depends on the values: a catalog function's parameters given here.
      tape(p, false);
      return undefined;
    },
    turningPoints: () => undefined,
    evaluate: (x, p, out = new Float64Array(x.length)) => run(x, p, 'value', out),
    derivative: (x, p, out = new Float64Array(x.length)) => run(x, p, 'derivative', out),
    // eslint-disable-next-line require-yield -- one step, as a pointwise catalog entry
    *computeSteps(x, p, quantity, out = new Float64Array(x.length)) {
      return run(x, p, quantity, out);
    },
  };
}
