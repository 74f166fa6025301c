import type { Command } from 'commander';
import type { Activation, ParamValue } from '../activations/activation.js';
import { findParam, noSuchParam } from '../activations/params.js';
import { UsageError } from '../errors.js';
import { DEFAULT_SAMPLES } from '../grid-spec.js';
import { parseInteger, parseNumber, parseRange } from './numbers.js';
import { paramFlags, type ParamFlag } from './param-flags.js';

/** Options as commander hands them over: strings, or true for a flag given without a value. */
export type RawOptions = Record<string, string | boolean | undefined>;

/** --from, --to, --range and --samples, shared by plot and table. */
export function addGridOptions(command: Command): Command {
  return command
    .option('--from <x>', "start of the x range (default: the function's own range)")
    .option('--to <x>', 'end of the x range')
    .option('--range <from..to>', 'the x range in one go, e.g. -20..20')
    .option('--samples <n>', `evenly spaced samples, ends included (default ${DEFAULT_SAMPLES})`);
}

export interface GridOptions {
  from?: number;
  to?: number;
  samples?: number;
}

export function parseGridOptions(options: RawOptions): GridOptions {
  let from = typeof options.from === 'string' ? parseNumber(options.from, '--from') : undefined;
  let to = typeof options.to === 'string' ? parseNumber(options.to, '--to') : undefined;
  if (typeof options.range === 'string') {
    if (from !== undefined || to !== undefined) throw new UsageError('give either --range or --from/--to, not both');
    [from, to] = parseRange(options.range, '--range');
  }
  const samples = typeof options.samples === 'string' ? parseInteger(options.samples, '--samples') : undefined;
  return {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(samples === undefined ? {} : { samples }),
  };
}

/** Every parameter flag of the registry (--alpha, --beta, ...) on `command`. */
export function addParamOptions(command: Command): ParamFlag[] {
  const flags = paramFlags();
  for (const flag of flags) command.addOption(flag.option);
  return flags;
}

/** Items of a comma list, each non-empty ("0.5,1,2"). */
export function commaList(value: string, what: string): string[] {
  const items = value.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new UsageError(`${what} has an empty item in '${value}'`);
  return items;
}

/**
 * The parameters given on the command line, for each function named: numbers for numeric
 * parameters, words for choices. Each flag goes to every function that takes it (so
 * `plot relu silu --beta 2` sets silu's beta); a flag none of them takes is an error. With
 * `lists`, a comma list gives several values (a family); without, a value is one item.
 */
export function paramsPerFunction(
  activations: readonly Activation[],
  options: RawOptions,
  flags: readonly ParamFlag[],
  { lists }: { lists: boolean },
): Record<string, ParamValue[]>[] {
  const perFunction: Record<string, ParamValue[]>[] = activations.map(() => ({}));
  for (const flag of flags) {
    const raw = options[flag.option.attributeName()];
    if (typeof raw !== 'string') continue;
    const flagName = flag.option.long ?? flag.paramName;
    const takers = activations.map((a) => findParam(a, flag.paramName));
    if (takers.every((p) => p === undefined)) throw noSuchParam(activations[0]!, flag.paramName);
    const items = lists ? commaList(raw, flagName) : [raw];
    takers.forEach((spec, i) => {
      if (spec) perFunction[i]![flag.paramName] = spec.kind === 'choice' ? items : items.map((v) => parseNumber(v, flagName));
    });
  }
  return perFunction;
}

/** The parameters given for one function, one value each (eval and table). */
export function paramsOf(activation: Activation, options: RawOptions, flags: readonly ParamFlag[]): Record<string, ParamValue> {
  const [given] = paramsPerFunction([activation], options, flags, { lists: false });
  return Object.fromEntries(Object.entries(given!).map(([name, values]) => [name, values[0]!]));
}
