/**
 * Flags for the parameters of expressions: `activ plot 'x*sigmoid(b*x)' --b 1,1.702,4`.
 *
 * The registry's parameter flags are known before any parsing (param-flags.ts), but an
 * expression's parameters are whatever names it uses. Commander must know every option before it
 * parses, so the words are looked at first: each word that is not a catalog name and uses x is a
 * candidate expression, and every name in it that is not a call gets a hidden `--name <value>`
 * option on the command. This is lexical and loose on purpose (a title that mentions x adds a
 * flag nobody gives, which is harmless); which names really are parameters is known once the
 * expression is parsed, and paramsPerFunction hands each flag only to the functions that take it.
 * Letting commander accept unknown options instead would have put them among the function names
 * and lost its suggestions for misspelt options; lines without an expression see no change at all.
 */
import { Option, type Command } from 'commander';
import type { Activation } from '../activations/activation.js';
import { catalog } from '../activations/catalog.js';
import { findActivation } from '../activations/registry.js';
import { UsageError } from '../errors.js';
import { flagFor } from './flag-names.js';

/** A flag added for an expression's parameter, in param-flags.ts's shape. */
interface ExpressionFlag {
  readonly option: Option;
  readonly paramName: string;
}

interface Added {
  readonly flags: ExpressionFlag[];
  /** Names an expression may use whose flag is already one of the command's own (--width). */
  readonly shadowed: Set<string>;
}

const added = new WeakMap<object, Added>();

const TOKEN = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[A-Za-z_$][\w$]*(\s*\()?/g;

/** Whether a word may be an expression (is not a catalog name and uses x as a name). */
function mayBeExpression(word: string): boolean {
  return !word.startsWith('-') && /(?<![\w$.])x(?![\w$])/.test(word) && findActivation(word) === undefined;
}

/** The names a candidate expression uses other than x, pi, e and the functions it calls. */
function namesIn(word: string): string[] {
  const names: string[] = [];
  for (const match of word.matchAll(TOKEN)) {
    const token = match[0];
    if (!/^[A-Za-z]/.test(token) || match[1] !== undefined) continue;
    if (token !== 'x' && token !== 'pi' && token !== 'e') names.push(token.toLowerCase());
  }
  return names;
}

/** The words that may be expressions (after a bare `--` too: plot's names may come there). */
export function expressionCandidates(words: readonly string[]): string[] {
  return words.filter(mayBeExpression);
}

/** activ's options on every command: commander's own and the program's --debug. */
const ALWAYS_TAKEN = new Set(['--help', '--version', '--debug']);

const catalogParams = new Set(
  catalog.flatMap((a) => a.params.flatMap((p) => [p.name, ...(p.aliases ?? [])])),
);

/**
 * Give `command` a hidden flag for every name the candidate expressions among `words` use.
 * A name the catalog's functions also have (alpha, beta) keeps the registry's flag, which then
 * goes to the expression too; a name that is one of the command's own options is remembered,
 * and an error if an expression really takes it (see checkExpressionParams).
 */
export function addExpressionParamFlags(command: unknown, words: readonly string[]): void {
  const candidates = expressionCandidates(words);
  if (candidates.length === 0) return;
  const untyped = command as Command;
  const record: Added = added.get(untyped) ?? { flags: [], shadowed: new Set() };
  added.set(untyped, record);
  for (const name of new Set(candidates.flatMap(namesIn))) {
    if (!/^[a-z][a-z0-9_]*$/.test(name) || catalogParams.has(name)) continue;
    const long = flagFor(name);
    const taken =
      ALWAYS_TAKEN.has(long) ||
      [untyped, untyped.parent].some((c) => c?.options.some((o) => o.long === long));
    // Commander reads --no-name as turning an option off, never as taking a value.
    if (taken || name.startsWith('no_')) {
      record.shadowed.add(name);
      continue;
    }
    const option = new Option(`${long} <value>`).hideHelp();
    untyped.addOption(option);
    record.flags.push({ option, paramName: name });
  }
}

/** The flags addExpressionParamFlags gave `command`. */
export function expressionParamFlags(command: object): readonly ExpressionFlag[] {
  return added.get(command)?.flags ?? [];
}

/** An expression parameter whose flag is one of the command's own options cannot be given. */
export function checkExpressionParams(activations: readonly Activation[], command: object): void {
  const shadowed = added.get(command)?.shadowed;
  if (!shadowed || shadowed.size === 0) return;
  for (const activation of activations) {
    const clash = activation.params.find((p) => shadowed.has(p.name));
    if (!clash) continue;
    const why = clash.name.startsWith('no_')
      ? 'would read as turning an option off'
      : 'is already an option of activ';
    throw new UsageError(
      `${activation.name} has a parameter '${clash.name}', but ${flagFor(clash.name)} ${why}; ` +
        'name the parameter otherwise',
    );
  }
}
