import { Command as UntypedCommand, Option } from 'commander';
import type { Activation, ParamSpec, ParamValue } from '../activations/activation.js';
import { catalog } from '../activations/catalog.js';
import { findParam, noSuchParam } from '../activations/params.js';
import { allFlavorFunctions } from '../flavors/registry.js';
import { checkExpressionParams, expressionParamFlags } from './expression-flags.js';
import { flagFor } from './flag-names.js';
import { parseList, parseNumber } from './numbers.js';

/** One command-line flag that sets a parameter of one or more functions (--alpha, --beta, ...). */
export interface ParamFlag {
  readonly option: Option;
  /** The spelling in snake case, as resolveParams takes it. */
  readonly paramName: string;
}

function describe(users: { fn: string; p: ParamSpec }[]): string {
  return users
    .map(({ fn, p }) => {
      const choices = p.kind === 'choice' ? ` (${p.choices.join('|')})` : '';
      return `${fn}: ${p.description}${choices}, default ${p.default}`;
    })
    .join('; ');
}

let memo: ParamFlag[] | undefined;

/**
 * Every parameter flag any function takes, generated from the registry so help and parsing
 * cannot drift from it. Their names come from the registry at run time, so they are not part of
 * a command's typed options: `paramsPerFunction` reads them back.
 */
export function paramFlags(): ParamFlag[] {
  // Built once: every command that takes parameters shares the same flags.
  if (memo) return memo;
  const byFlag = new Map<string, { fn: string; p: ParamSpec }[]>();
  // The frameworks' own parameters too (Keras relu's max_value), flavored functions named as `relu@keras`.
  const catalogParams = new Set(catalog.flatMap((a) => a.params));
  for (const activation of [...catalog, ...allFlavorFunctions()]) {
    const fn = activation.flavor === undefined ? activation.name : `${activation.name}@${activation.flavor}`;
    for (const p of activation.params) {
      // A flavor that keeps the catalog's parameter as it is adds nothing to say about the flag.
      if (activation.flavor !== undefined && catalogParams.has(p)) continue;
      for (const name of [p.name, ...(p.aliases ?? [])]) {
        const users = byFlag.get(name) ?? [];
        users.push({ fn, p });
        byFlag.set(name, users);
      }
    }
  }
  memo = [...byFlag.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1)) // not localeCompare: its collator costs 10 ms to start
    .map(([name, users]) => ({
      option: new Option(`${flagFor(name)} <value>`, describe(users)),
      paramName: name,
    }));
  return memo;
}

/** Add every parameter flag to `command` (typed or not: these are read back by name). */
export function addParamFlags<C>(command: C): C {
  for (const flag of paramFlags()) (command as unknown as UntypedCommand).addOption(flag.option);
  return command;
}

/**
 * The parameters given on the command line, for each function named: numbers for numeric
 * parameters, words for choices. Each flag goes to every function that takes it (so
 * `plot relu silu --beta 2` sets silu's beta); a flag none of them takes is an error. An
 * expression's parameters come in through flags of their own (expression-flags.ts). With
 * `lists`, a comma list gives several values (a family); without, a value is one item.
 */
export function paramsPerFunction(
  activations: readonly Activation[],
  command: { getOptionValue(key: string): unknown },
  { lists }: { lists: boolean },
): Record<string, ParamValue[]>[] {
  const perFunction: Record<string, ParamValue[]>[] = activations.map(() => ({}));
  checkExpressionParams(activations, command);
  for (const flag of [...paramFlags(), ...expressionParamFlags(command)]) {
    const raw = command.getOptionValue(flag.option.attributeName());
    if (typeof raw !== 'string') continue;
    const name = flag.option.long ?? flag.paramName;
    const takers = activations.map((a) => findParam(a, flag.paramName));
    if (takers.every((p) => p === undefined)) throw noSuchParam(activations[0]!, flag.paramName);
    const items = lists ? parseList(raw, name) : [raw];
    takers.forEach((spec, i) => {
      if (spec)
        perFunction[i]![flag.paramName] =
          spec.kind === 'choice' ? items : items.map((v) => parseNumber(v, name));
    });
  }
  return perFunction;
}

/** The parameters given for one function, one value each (eval and table). */
export function paramsOf(
  activation: Activation,
  command: { getOptionValue(key: string): unknown },
): Record<string, ParamValue> {
  const [given] = paramsPerFunction([activation], command, { lists: false });
  return Object.fromEntries(Object.entries(given!).map(([name, values]) => [name, values[0]!]));
}
