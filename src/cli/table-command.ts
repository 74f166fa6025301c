import { Command, Option } from 'commander';
import { getActivation } from '../activations/registry.js';
import { resolveParams } from '../activations/params.js';
import { UsageError } from '../errors.js';
import { tabulate, type Table } from '../evaluation.js';
import { formatDouble, formatJsonDouble } from '../number-text.js';
import { DEFAULT_SAMPLES, gridSpec } from '../grid-spec.js';
import { writeFileAtomic } from '../write-atomic.js';
import { addGridOptions, addParamOptions, parseGridOptions, paramsOf, type RawOptions } from './shared-options.js';
import { writeStdout } from './stdout.js';

const FORMATS = ['csv', 'tsv', 'json'] as const;
type TableFormat = (typeof FORMATS)[number];

/** The table as CSV, TSV or JSON, numbers in shortest round-trip form (src/number-text.ts). */
export function formatTable(table: Table, format: TableFormat): string {
  const columns: [string, Float64Array][] = [['x', table.x], ['y', table.y]];
  if (table.dy) columns.push(['dy', table.dy]);
  const n = table.x.length;
  const rows = new Array<string>(n);
  if (format === 'json') {
    for (let i = 0; i < n; i++) rows[i] = `{${columns.map(([k, v]) => `"${k}":${formatJsonDouble(v[i]!)}`).join(',')}}`;
    return `[\n${rows.join(',\n')}\n]\n`;
  }
  const sep = format === 'csv' ? ',' : '\t';
  for (let i = 0; i < n; i++) rows[i] = columns.map(([, v]) => formatDouble(v[i]!)).join(sep);
  return `${columns.map(([k]) => k).join(sep)}\n${rows.join('\n')}\n`;
}

export function tableCommand(): Command {
  const command = new Command('table')
    .description('print the sampled grid as CSV, TSV or JSON: x, f(x) and, with --derivative, f\'(x)')
    .argument('<name>', "activation function (see 'activ list')");
  addGridOptions(command)
    .option('--derivative', "add a dy column with f'(x)")
    .option('--format <format>', 'csv, tsv or json', 'csv')
    .option('-o, --output <file>', 'write to a file instead of standard output');
  const flags = addParamOptions(command);
  command.addOption(new Option('--debug', 'show stack traces for errors').hideHelp());
  command.addHelpText(
    'after',
    `
The grid is --samples evenly spaced points (default ${DEFAULT_SAMPLES}), ends included, as numpy.linspace.

Examples:
  activ table elu --from -1 --to 1 --samples 5 --format csv
  activ table gelu --range -5..5 --derivative --format json -o gelu.json`,
  );
  command.action(async (name: string, options: RawOptions) => {
    const activation = getActivation(name);
    const format = String(options.format).toLowerCase();
    if (!(FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${options.format}'`);
    }
    const params = resolveParams(activation, paramsOf(activation, options, flags));
    const { from, to, samples } = gridSpec(activation, parseGridOptions(options));
    const text = formatTable(tabulate(activation, { from, to, samples, params, derivative: options.derivative === true }), format as TableFormat);
    if (typeof options.output === 'string' && options.output !== '-') writeFileAtomic(options.output, text);
    else await writeStdout(text);
  });
  return command;
}
