import type { Command } from 'commander';
import type { Activation } from '../activations/activation.js';
import { findParam } from '../activations/params.js';
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

/**
 * The parameters given on the command line, parsed: numbers for numeric parameters, words for
 * choices. Which parameters the function takes is checked later, by resolveParams.
 */
export function parseParamOptions(options: RawOptions, flags: readonly ParamFlag[], activation: Activation | undefined): Record<string, number | string> {
  const params: Record<string, number | string> = {};
  for (const flag of flags) {
    const text = options[flag.option.attributeName()];
    if (typeof text !== 'string') continue;
    const spec = activation ? findParam(activation, flag.paramName) : undefined;
    params[flag.paramName] = spec?.kind === 'choice' ? text : parseNumber(text, flag.option.long ?? flag.paramName);
  }
  return params;
}
