/**
 * An expression tree, with its parameters' values, compiled to a tape (tape.ts) that computes f
 * and, when asked, f' exactly by forward-mode automatic differentiation: each node's derivative
 * is built from its operands' values and derivatives by the chain rule, and a catalog function
 * inside contributes its own exact f' (so elu(x, 2)' is elu's f' with its convention at 0).
 *
 * Where the derivative does not exist, one side is taken, as the catalog does:
 * - a conditional c ? a : b takes the derivative of the branch c picks (x > 0 ? x : 0 has 0 at 0,
 *   x >= 0 ? x : 0 has 1), as PyTorch's where();
 * - min and max at a tie take the left-hand slope, so max(x, 0) has relu'(0) = 0 and
 *   max(x, 0.1*x) has leaky_relu'(0) = 0.1;
 * - abs'(0) = 0, as sign(0) = 0 in every framework; sign, floor, ceil and comparisons have f' = 0
 *   everywhere, their jumps included, as autograd has it (and as binary_step).
 *
 * The tape also records the expression's switches: each place where it stops being smooth, as a
 * quantity h = a − b whose sign change marks it (breakpoints.ts finds them inside a range).
 */
import type { ParamValues } from '../activations/activation.js';
import { resolveParams } from '../activations/params.js';
import { InvalidValueError, UsageError } from '../errors.js';
import { erf, erfc } from '../math/erf.js';
import { scaledExp, squareError } from '../math/double-double.js';
import { ExpressionError } from './errors.js';
import { isConstant, read, Tape, TapeBuilder, ZERO, constant, type Operand, type Step } from './tape.js';
import type { CompareOperator, MathFunction, Tree } from './tree.js';

/**
 * A place where the expression may stop being smooth: where h = a − b changes sign (for floor and
 * ceil: where h crosses a whole number). A kink keeps f continuous; a jump may not.
 */
export interface Switch {
  readonly kind: 'kink' | 'jump';
  readonly a: Operand;
  readonly b: Operand;
  /** h' = da − db, to find where h turns between two samples (only on a derivative tape). */
  readonly da: Operand;
  readonly db: Operand;
  /** 'sign': h crosses 0; 'floor' / 'ceil': h crosses a whole number (floor jumps at h = n, ceil just past it). */
  readonly levels: 'sign' | 'floor' | 'ceil';
}

export type ExpressionTape = Tape<{ readonly switches: readonly Switch[] }>;

/** A node's value and, on a derivative tape, its derivative. */
interface Dual {
  readonly v: Operand;
  readonly d: Operand;
}

/** All buffers of a tape together stay below this many doubles (16 MB), however long the expression. */
const BUFFER_BUDGET = 2 ** 21;
const MAX_CHUNK = 4096;
const MIN_CHUNK = 64;

function countNodes(tree: Tree): number {
  switch (tree.kind) {
    case 'number':
    case 'x':
    case 'parameter':
      return 1;
    case 'negate':
    case 'not':
      return 1 + countNodes(tree.argument);
    case 'arithmetic':
    case 'compare':
    case 'logical':
      return 1 + countNodes(tree.left) + countNodes(tree.right);
    case 'conditional':
      return 1 + countNodes(tree.test) + countNodes(tree.then) + countNodes(tree.otherwise);
    case 'math':
      return 1 + tree.args.reduce((n, a) => n + countNodes(a), 0);
    case 'catalog':
      return (
        1 +
        countNodes(tree.argument) +
        tree.params.reduce((n, p) => n + (typeof p.value === 'string' ? 0 : countNodes(p.value)), 0)
      );
  }
}

/** Samples per chunk: as many as fit the budget, with up to 6 buffers a node on a derivative tape. */
function chunkFor(tree: Tree): number {
  const fit = BUFFER_BUDGET / (6 * countNodes(tree));
  let chunk = MAX_CHUNK;
  while (chunk > MIN_CHUNK && chunk > fit) chunk /= 2;
  return chunk;
}

/**
 * The tape for `tree` with `params` (the expression's parameters, complete): f alone, or f and f'
 * (`withDerivative`), plus the switches (with h' only when `withDerivative`).
 */
export function compile(
  tree: Tree,
  params: ParamValues,
  text: string,
  withDerivative: boolean,
): ExpressionTape {
  const builder = new TapeBuilder(chunkFor(tree));
  const compiler = new Compiler(builder, params, text, withDerivative);
  const result = compiler.node(tree);
  return new Tape(
    builder.chunk,
    builder.input,
    builder.steps,
    result.v,
    withDerivative ? result.d : undefined,
    {
      switches: compiler.switches,
    },
  );
}

class Compiler {
  readonly switches: Switch[] = [];

  constructor(
    private readonly t: TapeBuilder,
    private readonly params: ParamValues,
    private readonly text: string,
    private readonly withDerivative: boolean,
  ) {}

  /** The derivative, or ZERO when this tape computes none (then no derivative step is emitted). */
  private d(make: () => Operand): Operand {
    return this.withDerivative ? make() : ZERO;
  }

  private addSwitch(kind: Switch['kind'], a: Dual, b: Dual, levels: Switch['levels'] = 'sign'): void {
    // A switch of something that does not depend on x never changes sides.
    if (isConstant(a.v) && isConstant(b.v)) return;
    this.switches.push({ kind, a: a.v, b: b.v, da: a.d, db: b.d, levels });
  }

  node(tree: Tree): Dual {
    const t = this.t;
    switch (tree.kind) {
      case 'number':
        return { v: constant(tree.value), d: ZERO };
      case 'x':
        return { v: t.x, d: constant(1) };
      case 'parameter':
        return { v: constant(this.params[tree.name] as number), d: ZERO };
      case 'negate': {
        const a = this.node(tree.argument);
        return { v: t.negate(a.v), d: this.d(() => t.negate(a.d)) };
      }
      case 'not': {
        const a = this.node(tree.argument);
        this.truthSwitch(tree.argument, a);
        return { v: this.logic(a.v, a.v, 'not'), d: ZERO };
      }
      case 'arithmetic':
        return this.arithmetic(tree.operator, this.node(tree.left), this.node(tree.right));
      case 'compare': {
        const a = this.node(tree.left);
        const b = this.node(tree.right);
        this.addSwitch('jump', a, b);
        return { v: this.compare(tree.operator, a.v, b.v), d: ZERO };
      }
      case 'logical': {
        const a = this.node(tree.left);
        const b = this.node(tree.right);
        this.truthSwitch(tree.left, a);
        this.truthSwitch(tree.right, b);
        return { v: this.logic(a.v, b.v, tree.operator === '&&' ? 'and' : 'or'), d: ZERO };
      }
      case 'conditional': {
        const test = this.node(tree.test);
        this.truthSwitch(tree.test, test);
        const a = this.node(tree.then);
        const b = this.node(tree.otherwise);
        return {
          v: this.select(test.v, a.v, b.v),
          d: this.d(() =>
            a.d.kind === 'zero' && b.d.kind === 'zero' ? ZERO : this.select(test.v, a.d, b.d),
          ),
        };
      }
      case 'math':
        return this.math(
          tree.name,
          tree.args.map((a) => this.node(a)),
        );
      case 'catalog':
        return this.catalog(tree);
    }
  }

  /**
   * A number read as true or false (a condition, !, &&, ||) switches where it crosses 0, unless it
   * is already a truth value, whose own switches are recorded where it is made.
   */
  private truthSwitch(tree: Tree, dual: Dual): void {
    if (tree.kind === 'compare' || tree.kind === 'logical' || tree.kind === 'not') return;
    this.addSwitch('jump', dual, { v: constant(0), d: ZERO });
  }

  private arithmetic(operator: string, a: Dual, b: Dual): Dual {
    const t = this.t;
    switch (operator) {
      case '+':
        return { v: t.add(a.v, b.v), d: this.d(() => t.dAdd(a.d, b.d)) };
      case '-':
        return { v: t.subtract(a.v, b.v), d: this.d(() => t.dSubtract(a.d, b.d)) };
      case '*':
        return {
          v: t.multiply(a.v, b.v),
          d: this.d(() => t.dAdd(t.dMultiply(a.d, b.v), t.dMultiply(a.v, b.d))),
        };
      case '/': {
        const v = t.divide(a.v, b.v);
        // (a/b)' = (a' − (a/b)·b') / b
        return { v, d: this.d(() => t.dDivide(t.dSubtract(a.d, t.dMultiply(v, b.d)), b.v)) };
      }
      default: {
        const v = t.power(a.v, b.v);
        return {
          v,
          d: this.d(() => {
            // (a^b)' = b·a^(b−1)·a' + a^b·ln(a)·b'; the second term only where b depends on x, so
            // that x^2 has a derivative at x < 0, where ln is NaN.
            const base =
              a.d.kind === 'zero'
                ? ZERO
                : t.dMultiply(t.multiply(b.v, t.power(a.v, t.subtract(b.v, constant(1)))), a.d);
            const exponent =
              b.d.kind === 'zero' ? ZERO : t.dMultiply(t.multiply(v, t.map(a.v, Math.log)), b.d);
            return t.dAdd(base, exponent);
          }),
        };
      }
    }
  }

  private compare(operator: CompareOperator, a: Operand, b: Operand): Operand {
    const test = COMPARISONS[operator];
    if (isConstant(a) && isConstant(b)) return constant(compareValue(test, read(a, 0), read(b, 0)));
    return this.t.emit((o) => compareStep(o, a, b, test));
  }

  private logic(a: Operand, b: Operand, operator: 'and' | 'or' | 'not'): Operand {
    if (isConstant(a) && isConstant(b)) return constant(logicValue(operator, read(a, 0), read(b, 0)));
    return this.t.emit((o) => (n) => {
      for (let i = 0; i < n; i++) o[i] = logicValue(operator, read(a, i), read(b, i));
    });
  }

  private select(test: Operand, a: Operand, b: Operand): Operand {
    if (isConstant(test)) {
      const c = read(test, 0);
      return c !== c ? constant(NaN) : c !== 0 ? a : b;
    }
    return this.t.emit((o) => (n) => {
      const tb = (test as { buffer: Float64Array }).buffer;
      for (let i = 0; i < n; i++) {
        const c = tb[i]!;
        o[i] = c !== c ? c : c !== 0 ? read(a, i) : read(b, i);
      }
    });
  }

  private math(name: MathFunction, args: readonly Dual[]): Dual {
    const t = this.t;
    const a = args[0]!;
    const chain = (make: () => Operand): Operand => this.d(() => t.dMultiply(make(), a.d));
    switch (name) {
      case 'abs':
        this.addSwitch('kink', a, ZERO_DUAL);
        return { v: t.map(a.v, Math.abs), d: chain(() => t.map(a.v, Math.sign)) };
      case 'sign':
        this.addSwitch('jump', a, ZERO_DUAL);
        return { v: t.map(a.v, Math.sign), d: ZERO };
      case 'floor':
        this.addSwitch('jump', a, ZERO_DUAL, 'floor');
        return { v: t.map(a.v, Math.floor), d: ZERO };
      case 'ceil':
        this.addSwitch('jump', a, ZERO_DUAL, 'ceil');
        return { v: t.map(a.v, Math.ceil), d: ZERO };
      case 'exp': {
        const v = t.map(a.v, Math.exp);
        return { v, d: chain(() => v) };
      }
      case 'expm1':
        return { v: t.map(a.v, Math.expm1), d: chain(() => t.map(a.v, Math.exp)) };
      case 'log':
        return { v: t.map(a.v, Math.log), d: this.d(() => t.dDivide(a.d, a.v)) };
      case 'log1p':
        return { v: t.map(a.v, Math.log1p), d: this.d(() => t.dDivide(a.d, t.add(a.v, constant(1)))) };
      case 'sqrt': {
        const v = t.map(a.v, Math.sqrt);
        return { v, d: this.d(() => t.dDivide(a.d, t.multiply(v, constant(2)))) };
      }
      case 'sin':
        return { v: t.map(a.v, Math.sin), d: chain(() => t.map(a.v, Math.cos)) };
      case 'cos':
        return { v: t.map(a.v, Math.cos), d: chain(() => t.negate(t.map(a.v, Math.sin))) };
      case 'tan': {
        const v = t.map(a.v, Math.tan);
        return { v, d: chain(() => t.add(constant(1), t.multiply(v, v))) };
      }
      case 'sinh':
        return { v: t.map(a.v, Math.sinh), d: chain(() => t.map(a.v, Math.cosh)) };
      case 'cosh':
        return { v: t.map(a.v, Math.cosh), d: chain(() => t.map(a.v, Math.sinh)) };
      case 'erf':
        return { v: t.map(a.v, erf), d: chain(() => t.map(a.v, erfSlope)) };
      case 'erfc':
        return { v: t.map(a.v, erfc), d: chain(() => t.negate(t.map(a.v, erfSlope))) };
      case 'min':
      case 'max':
        return this.extremum(name, args);
    }
  }

  /** min or max of two or more operands, with the left-hand slope at a tie. */
  private extremum(name: 'min' | 'max', args: readonly Dual[]): Dual {
    // As a chain of pairs, max(a, b, c) = max(max(a, b), c): the same value and the same left-hand
    // slope at any tie, and one switch per operand rather than one per pair of them.
    return args.slice(1).reduce((left, right) => this.pair(name, [left, right]), args[0]!);
  }

  private pair(name: 'min' | 'max', args: readonly [Dual, Dual]): Dual {
    this.addSwitch('kink', args[0], args[1]);
    const values = args.map((a) => a.v);
    const pick = name === 'max' ? Math.max : Math.min;
    const v = values.every(isConstant)
      ? constant(pick(...values.map((o) => read(o, 0))))
      : this.t.emit((o) => (n) => {
          for (let i = 0; i < n; i++) {
            let m = read(values[0]!, i);
            for (let k = 1; k < values.length; k++) m = pick(m, read(values[k]!, i));
            o[i] = m;
          }
        });
    const d = this.d(() => {
      const slopes = args.map((a) => a.d);
      if (slopes.every((s) => s.kind === 'zero')) return ZERO;
      // Left of a tie, the operand on top of a max is the one with the smaller slope (of a min,
      // the larger): that slope is the left-hand derivative.
      const better =
        name === 'max' ? (s: number, best: number) => s < best : (s: number, best: number) => s > best;
      return this.t.emit((o) => (n) => {
        for (let i = 0; i < n; i++) {
          const m = read(v, i);
          if (m !== m) {
            o[i] = m;
            continue;
          }
          let slope = NaN;
          for (let k = 0; k < values.length; k++) {
            if (read(values[k]!, i) !== m) continue;
            const s = read(slopes[k]!, i);
            if (slope !== slope || better(s, slope)) slope = s;
          }
          o[i] = slope;
        }
      });
    });
    return { v, d };
  }

  private catalog(tree: Extract<Tree, { kind: 'catalog' }>): Dual {
    const { activation, column } = tree;
    const given: Record<string, number | string> = {};
    for (const p of tree.params) {
      if (typeof p.value === 'string') {
        given[p.name] = p.value;
        continue;
      }
      const value = this.node(p.value).v;
      given[p.name] = read(value, 0);
    }
    let params: ParamValues;
    try {
      params = resolveParams(activation, given);
    } catch (error) {
      if (error instanceof InvalidValueError)
        throw new ExpressionError(
          `${activation.name}'s ${error.subject} ${error.requirement}, not ${error.value}`,
          column,
          this.text,
        );
      if (error instanceof UsageError) throw new ExpressionError(error.message, column, this.text);
      throw error;
    }
    const a = this.node(tree.argument);
    for (const k of activation.kinks(params)) this.addSwitch('kink', a, { v: constant(k), d: ZERO });
    for (const j of activation.jumps(params)) this.addSwitch('jump', a, { v: constant(j), d: ZERO });
    const apply = (quantity: 'value' | 'derivative'): Operand => {
      const run = (x: Float64Array, p: ParamValues, out?: Float64Array) =>
        quantity === 'value' ? activation.evaluate(x, p, out) : activation.derivative(x, p, out);
      if (a.v.kind !== 'buffer') return constant(run(Float64Array.of(read(a.v, 0)), params)[0]!);
      const input = a.v.buffer;
      return this.t.emit((o) => catalogStep(o, input, (x, out) => run(x, params, out)));
    };
    return { v: apply('value'), d: this.d(() => this.t.dMultiply(apply('derivative'), a.d)) };
  }
}

const ZERO_DUAL: Dual = { v: constant(0), d: ZERO };

const COMPARISONS: Record<CompareOperator, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** 1 or 0; NaN when either side is NaN, so a comparison passes NaN on rather than deciding it. */
function compareValue(test: (a: number, b: number) => boolean, a: number, b: number): number {
  if (a !== a || b !== b) return NaN;
  return test(a, b) ? 1 : 0;
}

function compareStep(o: Float64Array, a: Operand, b: Operand, test: (a: number, b: number) => boolean): Step {
  return (n) => {
    for (let i = 0; i < n; i++) o[i] = compareValue(test, read(a, i), read(b, i));
  };
}

/** Truth as numbers: 0 is false, anything else true, NaN stays NaN. */
function logicValue(operator: 'and' | 'or' | 'not', a: number, b: number): number {
  if (a !== a || b !== b) return NaN;
  if (operator === 'not') return a === 0 ? 1 : 0;
  if (operator === 'and') return a !== 0 && b !== 0 ? 1 : 0;
  return a !== 0 || b !== 0 ? 1 : 0;
}

/** A catalog function over one chunk; its arrays are views of the chunk's first n samples. */
function catalogStep(
  o: Float64Array,
  input: Float64Array,
  run: (x: Float64Array, out: Float64Array) => void,
): Step {
  const whole = [input, o] as const;
  return (n) => {
    if (n === input.length) run(whole[0], whole[1]);
    else run(input.subarray(0, n), o.subarray(0, n));
  };
}

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** erf'(x) = 2/√π·e^(−x²), with x² carried exactly: rounding it would cost |x|²·2⁻⁵³ relative. */
function erfSlope(x: number): number {
  if (Math.abs(x) > 27.3) return 0; // x² > 745: below the smallest subnormal
  const p = x * x;
  return scaledExp(TWO_OVER_SQRT_PI, -p, -squareError(x, p));
}
