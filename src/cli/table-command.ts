import { Command, Option } from 'commander';
import { getActivation } from '../activations/registry.js';
import { resolveParams } from '../activations/params.js';
import { UsageError } from '../errors.js';
import { tabulateInSlices } from '../evaluation.js';
import { DEFAULT_SAMPLES, gridSpec } from '../grid-spec.js';
import { checkOutputPath, openOutputStream, type OutputStream } from '../output-file.js';
import { TABLE_FORMATS, TableText, type TableFormat } from '../table-text.js';
import { addGridOptions, addParamOptions, parseGridOptions, paramsOf, type RawOptions } from './shared-options.js';
import { writeStdout } from './stdout.js';

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
    if (!(TABLE_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${TABLE_FORMATS.join(', ')}, not '${options.format}'`);
    }
    const params = resolveParams(activation, paramsOf(activation, options, flags));
    const { from, to, samples } = gridSpec(activation, parseGridOptions(options));
    const derivative = options.derivative === true;
    const toFile = typeof options.output === 'string' && options.output !== '-' ? options.output : undefined;
    if (toFile !== undefined) checkOutputPath(toFile);
    // Rows stream out a slice at a time: ten million of them need no more memory than ten.
    const file: OutputStream | undefined = toFile === undefined ? undefined : await openOutputStream(toFile);
    const write = (chunk: string | Uint8Array) => (file ? file.write(chunk) : writeStdout(chunk));
    const text = new TableText(format as TableFormat, derivative);
    try {
      await write(text.header());
      await tabulateInSlices(activation, { from, to, samples, params, derivative }, (rows) => write(text.rows(rows)));
      await write(text.footer());
      await file?.commit();
    } catch (error) {
      await file?.abort();
      throw error;
    }
  });
  return command;
}
