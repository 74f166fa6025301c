import { Command, Option } from 'commander';
import { findParam } from '../activations/params.js';
import { findActivation } from '../activations/registry.js';
import { UsageError } from '../errors.js';
import { DEFAULT_SAMPLES, plotSpec, type PlotRequest } from '../plot-spec.js';
import type { ImageFormat } from '../figure/render.js';
import { writeFileAtomic } from '../write-atomic.js';
import { parseInteger, parseNumber, parseRange } from './numbers.js';
import { paramFlags } from './param-flags.js';
import { writeStdout } from './stdout.js';

const FORMATS: readonly ImageFormat[] = ['png', 'svg'];

interface PlotOptions {
  from?: string;
  to?: string;
  range?: string;
  samples?: string;
  output?: string;
  format?: string;
  width?: string;
  height?: string;
  title?: string | true;
  xlabel?: string;
  ylabel?: string;
  [param: string]: string | true | undefined;
}

function extensionFormat(path: string): ImageFormat | undefined | 'unknown' {
  const match = /\.([^./\\]+)$/.exec(path);
  if (!match) return undefined;
  const ext = match[1]!.toLowerCase();
  return (FORMATS as readonly string[]).includes(ext) ? (ext as ImageFormat) : 'unknown';
}

/** Format and output path from --format and -o, which must agree. */
function resolveOutput(options: PlotOptions, name: string): { format: ImageFormat; output: string } {
  let format: ImageFormat | undefined;
  if (options.format !== undefined) {
    const f = options.format.toLowerCase();
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${options.format}'`);
    }
    format = f as ImageFormat;
  }
  const output = options.output;
  if (output === undefined || output === '-') {
    const chosen = format ?? 'png';
    return { format: chosen, output: output ?? `${name}.${chosen}` };
  }
  if (output === '') throw new UsageError('--output needs a file name (or - for standard output)');
  const fromExtension = extensionFormat(output);
  if (fromExtension === 'unknown') {
    if (format) return { format, output };
    throw new UsageError(`cannot tell the format of '${output}'; use a .png or .svg name, or --format`);
  }
  if (format && fromExtension && format !== fromExtension) {
    throw new UsageError(`--format ${format} clashes with the extension of '${output}'`);
  }
  return { format: format ?? fromExtension ?? 'png', output };
}

/** The plot request the options describe, with every string parsed and named in errors. */
export function plotRequest(name: string, options: PlotOptions, flags: ReturnType<typeof paramFlags>): PlotRequest & { output: string } {
  let from = options.from === undefined ? undefined : parseNumber(options.from, '--from');
  let to = options.to === undefined ? undefined : parseNumber(options.to, '--to');
  if (options.range !== undefined) {
    if (from !== undefined || to !== undefined) throw new UsageError('give either --range or --from/--to, not both');
    [from, to] = parseRange(options.range, '--range');
  }
  const activation = findActivation(name);
  const params: Record<string, number | string> = {};
  for (const flag of flags) {
    const text = options[flag.option.attributeName()];
    if (typeof text !== 'string') continue;
    const spec = activation ? findParam(activation, flag.paramName) : undefined;
    params[flag.paramName] = spec?.kind === 'choice' ? text : parseNumber(text, flag.option.long ?? flag.paramName);
  }
  const { format, output } = resolveOutput(options, activation?.name ?? name);
  const request: PlotRequest & { output: string } = {
    functions: [{ name, params }],
    format,
    output,
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    ...(options.samples === undefined ? {} : { samples: parseInteger(options.samples, '--samples') }),
    ...(options.width === undefined ? {} : { width: parseInteger(options.width, '--width') }),
    ...(options.height === undefined ? {} : { height: parseInteger(options.height, '--height') }),
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(options.xlabel === undefined ? {} : { xlabel: options.xlabel }),
    ...(options.ylabel === undefined ? {} : { ylabel: options.ylabel }),
  };
  return request;
}

export function plotCommand(): Command {
  const flags = paramFlags();
  const command = new Command('plot')
    .description('draw an activation function to a PNG or SVG figure in Matplotlib\'s look')
    .argument('<name>', "activation function (see 'activ list'); aliases and any case work")
    .option('--from <x>', 'start of the x range (default: the function\'s own range)')
    .option('--to <x>', 'end of the x range')
    .option('--range <from..to>', 'the x range in one go, e.g. -20..20')
    .option('--samples <n>', `evenly spaced samples, ends included; kinks and jumps are added exactly (default ${DEFAULT_SAMPLES})`)
    .option('-o, --output <file>', 'where to write the figure; - writes to standard output (default: <name>.png)')
    .option('--format <format>', 'png or svg (default: from the file extension, else png)')
    .option('--width <px>', 'figure width in pixels (default 640)')
    .option('--height <px>', 'figure height in pixels (default 480)')
    .option('--title [text]', 'a title above the axes; with no text, an automatic one such as "ELU (α = 1)"')
    .option('--xlabel <text>', 'label under the x axis')
    .option('--ylabel <text>', 'label beside the y axis');
  for (const flag of flags) command.addOption(flag.option);
  command.addOption(new Option('--debug', 'show stack traces for errors').hideHelp());
  command.addHelpText(
    'after',
    `
Parameters are flags in kebab-case; each function takes only its own (activ list shows them).

Examples:
  activ plot elu --alpha 1 --from -20 --to 20          writes elu.png
  activ plot prelu --alpha 0.05 --range -20..20 -o prelu.svg
  activ plot softmax --range -20..20 --title           softmax over the 1000 sampled points
  activ plot sigmoid --xlabel x --ylabel "σ(x)" -o - > sigmoid.png`,
  );
  command.action(async (name: string, options: PlotOptions) => {
    const request = plotRequest(name, options, flags);
    const spec = plotSpec(request);
    // Loaded here, not at start-up: `activ list` and `activ eval` never pay for Chart.js and Cairo.
    const { buildFigure } = await import('../figure/build-figure.js');
    const { renderFigure } = await import('../figure/render.js');
    const bytes = renderFigure(buildFigure(spec), spec.format);
    if (request.output === '-') await writeStdout(bytes);
    else writeFileAtomic(request.output, bytes);
  });
  return command;
}
