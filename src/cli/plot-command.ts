import { Command, Option } from 'commander';
import { findActivation } from '../activations/registry.js';
import { UsageError } from '../errors.js';
import type { ImageFormat } from '../figure/render.js';
import { plotSpec, type PlotRequest } from '../plot-spec.js';
import { writeFileAtomic } from '../write-atomic.js';
import { parseInteger } from './numbers.js';
import type { ParamFlag } from './param-flags.js';
import { addGridOptions, addParamOptions, parseGridOptions, parseParamOptions, type RawOptions } from './shared-options.js';
import { writeStdout } from './stdout.js';

const FORMATS: readonly ImageFormat[] = ['png', 'svg'];

function extensionFormat(path: string): ImageFormat | undefined | 'unknown' {
  const match = /\.([^./\\]+)$/.exec(path);
  if (!match) return undefined;
  const ext = match[1]!.toLowerCase();
  return (FORMATS as readonly string[]).includes(ext) ? (ext as ImageFormat) : 'unknown';
}

/** Format and output path from --format and -o, which must agree. */
function resolveOutput(options: RawOptions, name: string): { format: ImageFormat; output: string } {
  let format: ImageFormat | undefined;
  if (typeof options.format === 'string') {
    const f = options.format.toLowerCase();
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${options.format}'`);
    }
    format = f as ImageFormat;
  }
  const output = typeof options.output === 'string' ? options.output : undefined;
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

function text(options: RawOptions, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' ? value : undefined;
}

/** The plot request the options describe, every string parsed and named in errors. */
export function plotRequest(name: string, options: RawOptions, flags: readonly ParamFlag[]): PlotRequest & { output: string } {
  const activation = findActivation(name);
  const params = parseParamOptions(options, flags, activation);
  const { format, output } = resolveOutput(options, activation?.name ?? name);
  const width = text(options, 'width');
  const height = text(options, 'height');
  const { title, xlabel, ylabel } = options;
  return {
    functions: [{ name, params }],
    format,
    output,
    ...parseGridOptions(options),
    ...(width === undefined ? {} : { width: parseInteger(width, '--width') }),
    ...(height === undefined ? {} : { height: parseInteger(height, '--height') }),
    ...(title === undefined || title === false ? {} : { title }),
    ...(typeof xlabel === 'string' ? { xlabel } : {}),
    ...(typeof ylabel === 'string' ? { ylabel } : {}),
  };
}

export function plotCommand(): Command {
  const command = new Command('plot')
    .description("draw an activation function to a PNG or SVG figure in Matplotlib's look")
    .argument('<name>', "activation function (see 'activ list'); aliases and any case work");
  addGridOptions(command)
    .option('-o, --output <file>', 'where to write the figure; - writes to standard output (default: <name>.png)')
    .option('--format <format>', 'png or svg (default: from the file extension, else png)')
    .option('--width <px>', 'figure width in pixels (default 640)')
    .option('--height <px>', 'figure height in pixels (default 480)')
    .option('--title [text]', 'a title above the axes; with no text, an automatic one such as "ELU (α = 1)"')
    .option('--xlabel <text>', 'label under the x axis')
    .option('--ylabel <text>', 'label beside the y axis');
  const flags = addParamOptions(command);
  command.addOption(new Option('--debug', 'show stack traces for errors').hideHelp());
  command.addHelpText(
    'after',
    `
Parameters are flags in kebab-case; each function takes only its own ('activ list' shows them).
Kinks and jumps inside the range are sampled exactly, so corners stay sharp and steps vertical.

Examples:
  activ plot elu --alpha 1 --from -20 --to 20          writes elu.png
  activ plot prelu --alpha 0.05 --range -20..20 -o prelu.svg
  activ plot softmax --range -20..20 --title           softmax over the 1000 sampled points
  activ plot sigmoid --xlabel x --ylabel "σ(x)" -o - > sigmoid.png`,
  );
  command.action(async (name: string, options: RawOptions) => {
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
