import { Command, Option } from '@commander-js/extra-typings';
import { resolveParams } from '../activations/params.js';
import { resolveFunction } from '../functions.js';
import { gridRequest, withGridOptions } from '../arguments/grid-options.js';
import { addParamFlags, paramsOf } from '../arguments/param-flags.js';
import { flavorOption } from '../arguments/flavor-option.js';
import { tabulateInSlices } from '../evaluation.js';
import { DEFAULT_SAMPLES, gridSpec } from '../grid-spec.js';
import { checkOutputPath, openOutputStream, type OutputStream } from '../output-file.js';
import { TABLE_FORMATS, TableText } from '../table-text.js';
import { writeStdout } from './stdout.js';

export function tableCommand() {
  const command = withGridOptions(
    new Command('table')
      .description("print the sampled grid as CSV, TSV or JSON: x, f(x) and, with --derivative, f'(x)")
      .argument('<name>', "activation function (see 'activ list'), or an expression in x"),
  )
    .option('--derivative', "add a dy column with f'(x)")
    .addOption(new Option('--format <format>', 'the format').choices(TABLE_FORMATS).default('csv' as const))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addOption(flavorOption());
  addParamFlags(command);
  command.addHelpText(
    'after',
    `
The grid is --samples evenly spaced points (default ${DEFAULT_SAMPLES}), ends included, as numpy.linspace.

Examples:
  activ table elu --from -1 --to 1 --samples 5 --format csv
  activ table gelu --range -5..5 --derivative --format json -o gelu.json`,
  );
  return command.action(async (name, options) => {
    const activation = resolveFunction(name, { flavor: options.flavor });
    const params = resolveParams(activation, paramsOf(activation, command));
    const { from, to, samples } = gridSpec(activation, gridRequest(options));
    const derivative = options.derivative === true;
    const toFile = options.output !== undefined && options.output !== '-' ? options.output : undefined;
    if (toFile !== undefined) checkOutputPath(toFile);
    // Rows stream out a slice at a time: ten million of them need no more memory than ten.
    const file: OutputStream | undefined = toFile === undefined ? undefined : await openOutputStream(toFile);
    const write = (chunk: string | Uint8Array) => (file ? file.write(chunk) : writeStdout(chunk));
    const text = new TableText(options.format, derivative);
    try {
      await write(text.header());
      await tabulateInSlices(activation, { from, to, samples, params, derivative }, (rows) =>
        write(text.rows(rows)),
      );
      await write(text.footer());
      await file?.commit();
    } catch (error) {
      await file?.abort();
      throw error;
    }
  });
}
