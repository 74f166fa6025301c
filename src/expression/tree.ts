import type { Activation } from '../activations/activation.js';

/**
 * An expression in x as activ understands it, checked: every name is resolved, every call has
 * the arguments it needs. `column` (from 1) is where the node starts in the text as typed, for
 * messages that point at it.
 */
export type Tree =
  | { readonly kind: 'number'; readonly value: number; readonly column: number }
  | { readonly kind: 'x'; readonly column: number }
  /** A parameter of the expression, by its key (lower case, as flags and resolveParams take it). */
  | { readonly kind: 'parameter'; readonly name: string; readonly column: number }
  | { readonly kind: 'negate'; readonly argument: Tree; readonly column: number }
  | { readonly kind: 'not'; readonly argument: Tree; readonly column: number }
  | {
      readonly kind: 'arithmetic';
      readonly operator: ArithmeticOperator;
      readonly left: Tree;
      readonly right: Tree;
      readonly column: number;
    }
  | {
      readonly kind: 'compare';
      readonly operator: CompareOperator;
      readonly left: Tree;
      readonly right: Tree;
      readonly column: number;
    }
  | {
      readonly kind: 'logical';
      readonly operator: '&&' | '||';
      readonly left: Tree;
      readonly right: Tree;
      readonly column: number;
    }
  | {
      readonly kind: 'conditional';
      readonly test: Tree;
      readonly then: Tree;
      readonly otherwise: Tree;
      readonly column: number;
    }
  | {
      readonly kind: 'math';
      readonly name: MathFunction;
      readonly args: readonly Tree[];
      readonly column: number;
    }
  | {
      readonly kind: 'catalog';
      readonly activation: Activation;
      readonly argument: Tree;
      /** The later arguments, by parameter name: numbers (never depending on x) or a choice's word. */
      readonly params: readonly { readonly name: string; readonly value: Tree | string }[];
      readonly column: number;
    };

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '^';
export type CompareOperator = '<' | '>' | '<=' | '>=' | '==' | '!=';

/** The functions of the language besides the catalog's, with how many arguments each takes. */
export const MATH_FUNCTIONS = {
  abs: 1,
  sign: 1,
  floor: 1,
  ceil: 1,
  exp: 1,
  expm1: 1,
  log: 1,
  log1p: 1,
  sqrt: 1,
  sin: 1,
  cos: 1,
  tan: 1,
  sinh: 1,
  cosh: 1,
  erf: 1,
  erfc: 1,
  // min and max take two or more.
  min: 2,
  max: 2,
} as const;

export type MathFunction = keyof typeof MATH_FUNCTIONS;

/** Whether the tree's value depends on x (otherwise it is the same number everywhere). */
export function usesX(tree: Tree): boolean {
  switch (tree.kind) {
    case 'number':
    case 'parameter':
      return false;
    case 'x':
      return true;
    case 'negate':
    case 'not':
      return usesX(tree.argument);
    case 'arithmetic':
    case 'compare':
    case 'logical':
      return usesX(tree.left) || usesX(tree.right);
    case 'conditional':
      return usesX(tree.test) || usesX(tree.then) || usesX(tree.otherwise);
    case 'math':
      return tree.args.some(usesX);
    case 'catalog':
      return usesX(tree.argument);
  }
}
