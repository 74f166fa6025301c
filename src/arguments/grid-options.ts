import { Option, type Command } from '@commander-js/extra-typings';
import type { OptionValues } from 'commander';
import { DEFAULT_SAMPLES } from '../grid-spec.js';
import { integerArgument, numberArgument, rangeArgument } from './numbers.js';

/** --from, --to, --range and --samples, shared by plot and table. */
export function withGridOptions<
  Args extends unknown[],
  Opts extends OptionValues,
  Globals extends OptionValues,
>(command: Command<Args, Opts, Globals>) {
  return command
    .addOption(
      new Option('--from <x>', "start of the x range (default: the function's own range)").argParser(
        numberArgument('--from'),
      ),
    )
    .addOption(new Option('--to <x>', 'end of the x range').argParser(numberArgument('--to')))
    .addOption(
      new Option('--range <from..to>', 'the x range in one go, e.g. -20..20')
        .argParser(rangeArgument('--range'))
        .conflicts(['from', 'to']),
    )
    .addOption(
      new Option(
        '--samples <n>',
        `evenly spaced samples, ends included (default ${DEFAULT_SAMPLES})`,
      ).argParser(integerArgument('--samples')),
    );
}

export interface GridRequest {
  from?: number;
  to?: number;
  samples?: number;
}

/** The grid the options ask for; what is not given is left for gridSpec's defaults. */
export function gridRequest(options: {
  from?: number;
  to?: number;
  range?: [number, number];
  samples?: number;
}): GridRequest {
  const [from, to] = options.range ?? [options.from, options.to];
  return {
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(options.samples === undefined ? {} : { samples: options.samples }),
  };
}
