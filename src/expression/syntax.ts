/**
 * Text to a checked expression tree (tree.ts). The parsing itself is jsep's, a small, maintained
 * expression parser with no dependencies (about 3 ms to load, against 200-600 ms for mathjs or
 * 15 ms for a bundle of mathjs's parser alone; the README says more). It is loaded on the first
 * expression only, so a figure of catalog functions never pays for it, and loaded synchronously
 * (require), because resolving a function name is synchronous everywhere it happens.
 *
 * jsep parses JavaScript's expression syntax. activ takes a small, mathematical part of it:
 * `^` is the power (right-associative, binding tighter than unary minus, so -x^2 is −(x²));
 * everything else jsep accepts (properties, indexing, arrays, strings outside a choice argument,
 * bitwise operators, `this`) is refused here with the column it is at. Nothing is ever run as
 * JavaScript: the tree is compiled by compile.ts into loops over arrays.
 */
import { createRequire } from 'node:module';
import type { Activation } from '../activations/activation.js';
import { findActivation, suggestNames } from '../activations/registry.js';
import { ExpressionError } from './errors.js';
import { MATH_FUNCTIONS, usesX, type MathFunction, type Tree } from './tree.js';

/** The shapes of jsep's nodes that this module reads. */
interface JsepNode {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly raw?: string;
  readonly operator?: string;
  readonly argument?: JsepNode;
  readonly left?: JsepNode;
  readonly right?: JsepNode;
  readonly test?: JsepNode;
  readonly consequent?: JsepNode;
  readonly alternate?: JsepNode;
  readonly callee?: JsepNode;
  readonly arguments?: readonly JsepNode[];
  readonly object?: JsepNode;
  readonly computed?: boolean;
  readonly body?: readonly JsepNode[];
  readonly expressions?: readonly JsepNode[];
  readonly elements?: readonly JsepNode[];
}

interface Jsep {
  (text: string): JsepNode;
  addBinaryOp(operator: string, precedence: number, rightAssociative?: boolean): unknown;
  removeBinaryOp(operator: string): unknown;
  readonly binary_ops: Readonly<Record<string, number>>;
  readonly right_associative: ReadonlySet<string>;
}

/** A jsep parse failure: `index` counts from 0, `description` is the bare complaint. */
interface JsepError {
  readonly index: number;
  readonly description: string;
}

let loaded: Jsep | undefined;

/**
 * jsep's parse, with ^ as the power. JavaScript's ^ is exclusive or, at a precedence below
 * comparisons; here it is the power, at the precedence of ** and like it right-associative
 * (2^3^2 = 2^9). jsep's operators are one table for the whole process, so the change is made for
 * this parse only and undone after it: another user of jsep in the same program keeps its ^.
 */
function jsepParse(text: string): JsepNode {
  const parser = (loaded ??= createRequire(import.meta.url)('jsep') as Jsep);
  const had = Object.hasOwn(parser.binary_ops, '^')
    ? { precedence: parser.binary_ops['^']!, right: parser.right_associative.has('^') }
    : undefined;
  parser.addBinaryOp('^', 11, true);
  try {
    return parser(text);
  } finally {
    if (had) parser.addBinaryOp('^', had.precedence, had.right);
    else parser.removeBinaryOp('^');
  }
}

/** Longer than any formula a person types; past it, a file of them is more likely a mistake. */
export const MAX_EXPRESSION_LENGTH = 4000;
/**
 * Operations inside one another (a sum of 1000 terms is 1000 deep): more is not a formula either,
 * and every pass over the tree recurses, so this keeps far inside Node's stack.
 */
export const MAX_DEPTH = 1000;

/** jsep's complaint in activ's words. */
function reword(description: string): string {
  let m: RegExpExecArray | null;
  if (description === 'Unclosed (') return "expected ')'";
  if (description === 'Unclosed [') return "expected ']'";
  if ((m = /^Expected (.)$/.exec(description))) return `expected '${m[1]}'`;
  if (description === 'Expected comma') return "expected ','";
  if ((m = /^Unexpected "(.*)"$/.exec(description)) || (m = /^Unexpected token (.*)$/.exec(description)))
    return `unexpected '${m[1]}'`;
  if (description === 'Unexpected period') return "unexpected '.'";
  if ((m = /^Expected expression after (.*)$/.exec(description))) return `expected a term after '${m[1]}'`;
  if (description === 'Expected expression' || description === 'missing unaryOp argument')
    return 'expected a term';
  if ((m = /^Variable names cannot start with a number \((.*)(.)\)$/.exec(description)))
    return `expected an operator between '${m[1]}' and '${m[2]}' (write ${m[1]}*${m[2]}, not ${m[1]}${m[2]})`;
  if (description.startsWith('Expected exponent')) return 'expected the digits of an exponent';
  if (description.startsWith('Unclosed quote')) return 'unclosed quote';
  return description.charAt(0).toLowerCase() + description.slice(1);
}

/** What parsing found: the tree, and each parameter with the column it first appears at. */
export interface Parsed {
  readonly text: string;
  readonly tree: Tree;
  readonly parameters: readonly { readonly name: string; readonly column: number }[];
  readonly usesX: boolean;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Where each token is: jsep's nodes carry no positions, but they are visited here in the order
 * their tokens appear in the text, so each is the next occurrence after the one before.
 */
class Cursor {
  private at = 0;
  constructor(private readonly text: string) {}

  /** The column of the next `token` (a whole word when it is a name or number), moving past it. */
  next(token: string): number {
    const word = /^[\w.$]/.test(token);
    let from = this.at;
    for (;;) {
      const index = this.text.indexOf(token, from);
      if (index < 0) return this.at + 1;
      const before = this.text.charAt(index - 1);
      const after = this.text.charAt(index + token.length);
      if (!word || (!/[\w$.]/.test(before) && !/[\w$]/.test(after))) {
        this.at = index + token.length;
        return index + 1;
      }
      from = index + 1;
    }
  }
}

/** Parse `text` as an expression; a mistake is an ExpressionError that points at its column. */
export function parseExpression(text: string): Parsed {
  if (text.length > MAX_EXPRESSION_LENGTH)
    throw new ExpressionError(
      `an expression is at most ${MAX_EXPRESSION_LENGTH} characters; this one goes on`,
      MAX_EXPRESSION_LENGTH + 1,
      text,
    );
  let root: JsepNode;
  try {
    root = jsepParse(text);
  } catch (error) {
    if (error instanceof RangeError) throw new ExpressionError('parentheses nested too deeply', 1, text);
    const { index, description } = error as JsepError;
    if (typeof index !== 'number' || typeof description !== 'string') throw error;
    throw new ExpressionError(reword(description), index + 1, text);
  }
  if (root.type === 'Compound' && (root.body?.length ?? 0) === 0)
    throw new ExpressionError('expected an expression', 1, text);
  return new Converter(text).convert(root);
}

/** jsep's tree to a checked Tree, refusing what the language does not have. */
class Converter {
  private readonly cursor: Cursor;
  private readonly parameters = new Map<string, { name: string; column: number }>();

  constructor(private readonly text: string) {
    this.cursor = new Cursor(text);
  }

  convert(root: JsepNode): Parsed {
    const tree = this.node(root, 0);
    return { text: this.text, tree, parameters: [...this.parameters.values()], usesX: usesX(tree) };
  }

  private fail(problem: string, column: number): never {
    throw new ExpressionError(problem, column, this.text);
  }

  private node(node: JsepNode, depth: number): Tree {
    if (depth > MAX_DEPTH)
      this.fail(`more than ${MAX_DEPTH} operations inside one another`, this.cursor.next(''));
    const deeper = depth + 1;
    switch (node.type) {
      case 'Literal':
        return this.literal(node);
      case 'Identifier':
        return this.identifier(node.name!);
      case 'UnaryExpression': {
        const column = this.cursor.next(node.operator!);
        const argument = this.node(node.argument!, deeper);
        if (node.operator === '-') return { kind: 'negate', argument, column };
        if (node.operator === '+') return argument;
        if (node.operator === '!') return { kind: 'not', argument, column };
        return this.fail(`'${node.operator}' is not an operator of activ's expressions`, column);
      }
      case 'BinaryExpression':
        return this.binary(node, deeper);
      case 'ConditionalExpression': {
        const test = this.node(node.test!, deeper);
        const column = this.cursor.next('?');
        const then = this.node(node.consequent!, deeper);
        this.cursor.next(':');
        const otherwise = this.node(node.alternate!, deeper);
        return { kind: 'conditional', test, then, otherwise, column };
      }
      case 'CallExpression':
        return this.call(node, deeper);
      case 'MemberExpression': {
        this.node(node.object!, deeper);
        const column = this.cursor.next(node.computed ? '[' : '.');
        return this.fail(
          node.computed
            ? "'[' (indexing) is not part of an expression"
            : "'.' (a property) is not part of an expression",
          column,
        );
      }
      case 'Compound':
      case 'SequenceExpression': {
        const parts = node.body ?? node.expressions ?? [];
        this.node(parts[0]!, deeper);
        return this.fail('one expression only: this is a second one', this.cursor.next('') + 1);
      }
      case 'ArrayExpression':
        return this.fail("'[' (a list) is not part of an expression", this.cursor.next('['));
      case 'ThisExpression':
        return this.fail("'this' is not part of an expression", this.cursor.next('this'));
      default:
        return this.fail(`a ${node.type} is not part of an expression`, this.cursor.next(''));
    }
  }

  private literal(node: JsepNode): Tree {
    const column = this.cursor.next(node.raw!);
    if (typeof node.value === 'number') {
      if (!Number.isFinite(node.value)) this.fail(`${node.raw} is beyond the doubles`, column);
      return { kind: 'number', value: node.value, column };
    }
    if (typeof node.value === 'string')
      return this.fail(
        'a word in quotes is only a choice of a catalog function, as in gelu(x, "tanh")',
        column,
      );
    return this.fail(`'${node.raw}' is not a number`, column);
  }

  private identifier(name: string): Tree {
    const column = this.cursor.next(name);
    if (name === 'x') return { kind: 'x', column };
    if (name === 'pi') return { kind: 'number', value: Math.PI, column };
    if (name === 'e') return { kind: 'number', value: Math.E, column };
    if (isFunctionName(name)) this.fail(`${name} is a function: call it, as in ${name}(x)`, column);
    if (!IDENTIFIER.test(name))
      this.fail(
        `'${name}' cannot name a parameter: use letters, digits and _, starting with a letter`,
        column,
      );
    // Parameters are flags, found as catalog parameters are: in any case, with - or _.
    const key = name.toLowerCase();
    if (key === 'x' || key === 'pi' || key === 'e')
      this.fail(
        `'${name}' is not ${key}: names are case-sensitive here, and ${key} is written ${key}`,
        column,
      );
    // Named after what every JavaScript object has, it would be looked up there by mistake somewhere.
    if (key in Object.prototype) this.fail(`'${name}' cannot name a parameter; choose another name`, column);
    const seen = this.parameters.get(key);
    if (seen && seen.name !== name)
      this.fail(
        `'${name}' and '${seen.name}' would be the same parameter (--${key}); use one spelling`,
        column,
      );
    if (!seen) this.parameters.set(key, { name, column });
    return { kind: 'parameter', name: key, column };
  }

  private binary(node: JsepNode, depth: number): Tree {
    const operator = node.operator!;
    // jsep binds a unary sign tighter than any binary operator; in mathematics -x^2 is −(x²).
    if ((operator === '^' || operator === '**') && node.left!.type === 'UnaryExpression') {
      const unary = node.left!;
      const column = this.cursor.next(unary.operator!);
      const power = this.node({ ...node, left: unary.argument! }, depth);
      if (unary.operator === '-') return { kind: 'negate', argument: power, column };
      if (unary.operator === '+') return power;
      if (unary.operator === '!') return { kind: 'not', argument: power, column };
      return this.fail(`'${unary.operator}' is not an operator of activ's expressions`, column);
    }
    const left = this.node(node.left!, depth);
    const column = this.cursor.next(operator);
    const right = this.node(node.right!, depth);
    switch (operator) {
      case '+':
      case '-':
      case '*':
      case '/':
      case '^':
        return { kind: 'arithmetic', operator, left, right, column };
      case '**':
        return { kind: 'arithmetic', operator: '^', left, right, column };
      case '<':
      case '>':
      case '<=':
      case '>=':
      case '==':
      case '!=':
        // (0 < x) < 1 compares a truth value with 1: never what 0 < x < 1 means in mathematics.
        if (left.kind === 'compare' || right.kind === 'compare')
          this.fail(`a comparison of a comparison; write a < x && x < b for a range`, column);
        return { kind: 'compare', operator, left, right, column };
      case '&&':
      case '||':
        return { kind: 'logical', operator, left, right, column };
      case '===':
      case '!==':
        return this.fail(`'${operator}' is not an operator here; write ${operator.slice(0, 2)}`, column);
      default:
        return this.fail(`'${operator}' is not an operator of activ's expressions`, column);
    }
  }

  private call(node: JsepNode, depth: number): Tree {
    const callee = node.callee!;
    if (callee.type !== 'Identifier') {
      this.node(callee, depth);
      return this.fail('only functions can be called', this.cursor.next('('));
    }
    const name = callee.name!;
    const column = this.cursor.next(name);
    const args = node.arguments ?? [];
    const activation = findActivation(name);
    if (activation) return this.catalogCall(activation, name, args, column, depth);
    const lower = name.toLowerCase();
    if (Object.hasOwn(MATH_FUNCTIONS, lower)) {
      const math = lower as MathFunction;
      const converted = args.map((a) => this.node(a, depth));
      const least = MATH_FUNCTIONS[math];
      const most = least === 1 ? 1 : Infinity;
      if (converted.length < least || converted.length > most) {
        const count =
          most === least ? `${least} argument${least === 1 ? '' : 's'}` : `${least} or more arguments`;
        this.fail(`${math} takes ${count}, not ${converted.length}`, column);
      }
      return { kind: 'math', name: math, args: converted, column };
    }
    if (name === 'x') this.fail('x is the variable, not a function: write x*(…) to multiply', column);
    const hint = /^[A-Za-z][\w]*$/.test(name) ? suggestNames(name) : [];
    return this.fail(
      `unknown function '${name}'` +
        (hint.length > 0 ? ` (did you mean ${hint.map((n) => `'${n}'`).join(' or ')}?)` : ''),
      column,
    );
  }

  private catalogCall(
    activation: Activation,
    name: string,
    args: readonly JsepNode[],
    column: number,
    depth: number,
  ): Tree {
    if (activation.overVector)
      this.fail(
        `${activation.name} is taken over a whole vector, not a point: it cannot be part of an expression`,
        column,
      );
    if (args.length === 0) this.fail(`${name} needs its argument, as in ${name}(x)`, column);
    const argument = this.node(args[0]!, depth);
    const params: { name: string; value: Tree | string }[] = [];
    if (args.length - 1 > activation.params.length) {
      const takes =
        activation.params.length === 0
          ? 'no parameters'
          : `the parameters ${activation.params.map((p) => p.name).join(', ')} in that order`;
      this.fail(`${name} takes its argument and ${takes}, not ${args.length - 1} more`, column);
    }
    args.slice(1).forEach((arg, i) => {
      const spec = activation.params[i]!;
      if (spec.kind === 'choice') {
        const at = this.cursor.next(arg.raw ?? arg.name ?? '');
        if (arg.type !== 'Literal' || typeof arg.value !== 'string')
          this.fail(
            `${name}'s ${spec.name} is one of ${spec.choices.join(', ')}, in quotes: "${spec.choices.at(-1)}"`,
            at,
          );
        params.push({ name: spec.name, value: arg.value });
        return;
      }
      const value = this.node(arg, depth);
      if (usesX(value)) this.fail(`${name}'s ${spec.name} cannot depend on x`, value.column);
      params.push({ name: spec.name, value });
    });
    return { kind: 'catalog', activation, argument, params, column };
  }
}

function isFunctionName(name: string): boolean {
  return Object.hasOwn(MATH_FUNCTIONS, name.toLowerCase()) || findActivation(name) !== undefined;
}
