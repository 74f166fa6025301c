import { Command, Option } from 'commander';
import { catalog } from '../activations/catalog.js';
import { getActivation } from '../activations/registry.js';
import { UsageError } from '../errors.js';
import { LEGEND_LOCATIONS, plotSpec, type FigureFormat, type LegendLocation, type PlotRequest } from '../plot-spec.js';
import { checkOutputPath, writeOutputFile } from '../output-file.js';
import { parseInteger, parseNumber, parseRange } from './numbers.js';
import type { ParamFlag } from './param-flags.js';
import { addGridOptions, addParamOptions, commaList, paramsPerFunction, parseGridOptions, type RawOptions } from './shared-options.js';
import { writeStdout } from './stdout.js';

const FORMATS: readonly FigureFormat[] = ['png', 'svg', 'pdf', 'html', 'term'];
const FILE_FORMATS: readonly string[] = ['png', 'svg', 'pdf', 'html'];

function text(options: RawOptions, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' ? value : undefined;
}

/** Format and output path from --format and -o, which must agree. */
function resolveOutput(options: RawOptions, baseName: string): { format: FigureFormat; output: string } {
  let format: FigureFormat | undefined;
  const given = text(options, 'format');
  if (given !== undefined) {
    const f = given.toLowerCase();
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${given}'`);
    format = f as FigureFormat;
  }
  const output = text(options, 'output');
  if (output === '') throw new UsageError('--output needs a file name (or - for standard output)');
  if (output === undefined || output === '-') {
    // On a terminal, "-o -" draws in the terminal rather than pouring PNG bytes onto it.
    const chosen = format ?? (output === '-' && process.stdout.isTTY ? 'term' : 'png');
    return { format: chosen, output: output ?? (chosen === 'term' ? '-' : `${baseName}.${chosen}`) };
  }
  const ext = /\.([^./\\]+)$/.exec(output)?.[1]?.toLowerCase();
  if (format === 'term') throw new UsageError('--format term draws on standard output; leave out -o or use -o -');
  if (ext !== undefined && FILE_FORMATS.includes(ext)) {
    if (format && format !== ext) throw new UsageError(`--format ${format} clashes with the extension of '${output}'`);
    return { format: ext as FigureFormat, output };
  }
  if (format) return { format, output };
  // No extension at all (figure, /dev/null, /dev/stdout): PNG, as documented. An extension activ
  // does not write (.jpg) is more likely a mistake than a wish for PNG bytes under that name.
  if (ext === undefined) return { format: 'png', output };
  throw new UsageError(`cannot tell the format of '${output}'; use a .png, .svg, .pdf or .html name, or --format`);
}

/** Wider than any real terminal: the braille drawing's memory grows with the square of this. */
const MAX_TERMINAL_COLUMNS = 2000;

/** The terminal's size for the braille drawing, from COLUMNS and LINES or the terminal itself. */
function terminalSize(): { columns: number; lines?: number } {
  const fromEnv = (name: string) => {
    const text = process.env[name];
    if (text === undefined) return undefined;
    const value = Number(text);
    // Shells and CI runners sometimes export 0 or junk: ignored, as other tools ignore it.
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const columns = fromEnv('COLUMNS') ?? process.stdout.columns ?? 80;
  if (columns > MAX_TERMINAL_COLUMNS) {
    throw new UsageError(`COLUMNS=${columns} is wider than the terminal drawing allows (${MAX_TERMINAL_COLUMNS}); set COLUMNS lower`);
  }
  // A height beyond the width's third changes nothing (the drawing is at most a third as tall as wide).
  const lines = fromEnv('LINES') ?? process.stdout.rows;
  return { columns, ...(lines ? { lines: Math.min(lines, MAX_TERMINAL_COLUMNS) } : {}) };
}

function parseLegend(value: string | boolean | undefined): LegendLocation | boolean | undefined {
  if (typeof value !== 'string') return value;
  const loc = value.toLowerCase().replace(/[-_]/g, ' ');
  if (!(LEGEND_LOCATIONS as readonly string[]).includes(loc)) {
    throw new UsageError(`--legend must be one of ${LEGEND_LOCATIONS.join(', ')}, not '${value}'`);
  }
  return loc as LegendLocation;
}

/** The plot request the options describe, every string parsed and named in errors. */
export function plotRequest(names: readonly string[], options: RawOptions, flags: readonly ParamFlag[]): PlotRequest & { output: string } {
  const activations = names.map((n) => getActivation(n));
  const given = paramsPerFunction(activations, options, flags, { lists: true });
  const functions = names.map((name, i) => ({ name, params: given[i]! }));
  const baseName = activations.map((a) => a.name).join('-');
  const { format, output } = resolveOutput(options, baseName);
  const num = (key: string, flag: string) => (text(options, key) === undefined ? undefined : parseNumber(text(options, key)!, flag));
  const int = (key: string, flag: string) => (text(options, key) === undefined ? undefined : parseInteger(text(options, key)!, flag));
  const range = (key: string, flag: string) => (text(options, key) === undefined ? undefined : parseRange(text(options, key)!, flag));
  const fields: Partial<Record<keyof PlotRequest, unknown>> = {
    ...parseGridOptions(options),
    width: int('width', '--width'),
    height: int('height', '--height'),
    dpi: num('dpi', '--dpi'),
    lineWidth: num('lineWidth', '--line-width'),
    xlim: range('xlim', '--xlim'),
    ylim: range('ylim', '--ylim'),
    colors: text(options, 'color') === undefined ? undefined : commaList(text(options, 'color')!, '--color'),
    legend: parseLegend(options.legend),
    derivative: options.derivativeOnly ? 'only' : options.derivative ? 'add' : undefined,
    grid: options.grid === true ? true : undefined,
    transparent: options.transparent === true ? true : undefined,
    theme: text(options, 'theme'),
    title: options.title === true ? true : text(options, 'title'),
    xlabel: text(options, 'xlabel'),
    ylabel: text(options, 'ylabel'),
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { functions, format, output, ...defined } as PlotRequest & { output: string };
}

/** The functions taken over the whole grid, named from the registry so the help cannot drift. */
function overVectorNote(): string {
  const names = catalog.filter((a) => a.overVector).map((a) => a.name);
  return `${names.join(', ')} are taken over the whole sampled grid: their values depend on --samples.`;
}

/**
 * `activ plot`. In a batch (`inBatch`) figures must go to files: several workers writing to
 * standard output at once would interleave their bytes.
 */
export function plotCommand({ inBatch = false }: { inBatch?: boolean } = {}): Command {
  const command = new Command('plot')
    .description("draw activation functions to a PNG, SVG or PDF figure in Matplotlib's look, or in the terminal")
    .argument('<names...>', "activation functions to overlay (see 'activ list'); aliases and any case work");
  addGridOptions(command)
    .option('--derivative', "add f' to each curve (dashed, in the curve's colour)")
    .option('--derivative-only', "draw f' alone")
    .option('-o, --output <file>', 'where to write: .png, .svg, .pdf or .html; - writes to standard output (default: <names>.png)')
    .option('--format <format>', `${FORMATS.join(', ')} (default: from the file extension, else png; html is an interactive page; term draws braille in the terminal)`)
    .option('--dpi <n>', "dots per inch, as Matplotlib's savefig: the 6.4x4.8 in figure at N dpi (default 100)")
    .option('--width <px>', 'figure width in pixels (default 6.4 in at the dpi: 640)')
    .option('--height <px>', 'figure height in pixels (default 4.8 in at the dpi: 480)')
    .option('--xlim <a..b>', 'x view limits (default: the range plus 5 % margins)')
    .option('--ylim <a..b>', 'y view limits (default: the data plus 5 % margins)')
    .option('--grid', 'dashed grid at the ticks, as in PyTorch\'s documentation figures')
    .option('--legend [location]', `show a legend: ${LEGEND_LOCATIONS.join(', ')} (default: best, when there are two curves or more)`)
    .option('--no-legend', 'never show a legend')
    .option('--color <colors>', 'curve colours, comma-separated: #rrggbb, tab:orange, k, CSS names (default: tab10)')
    .option('--line-width <pt>', 'curve width in points (default 1.5)')
    .option('--theme <name>', "matplotlib (default) or dark (Matplotlib's dark_background)")
    .option('--transparent', 'no background: the figure and axes are transparent')
    .option('--title [text]', 'a title above the axes; with no text, an automatic one such as "ELU (α = 1)"')
    .option('--xlabel <text>', 'label under the x axis')
    .option('--ylabel <text>', 'label beside the y axis');
  const flags = addParamOptions(command);
  command.addOption(new Option('--debug', 'show stack traces for errors').hideHelp());
  command.addHelpText(
    'after',
    `
Parameters are flags in kebab-case ('activ list' shows each function's); a comma list draws one
curve per value (a family). Kinks and jumps are sampled exactly: corners stay sharp, steps vertical.
${overVectorNote()}

Examples:
  activ plot elu --alpha 1 --from -20 --to 20          writes elu.png
  activ plot relu gelu silu --range -4..4              three curves, tab10 colours, a legend
  activ plot elu --alpha 0.5,1,2 --derivative          a family, each with its dashed f'
  activ plot prelu --alpha 0.05 --range -20..20 -o prelu.pdf --dpi 200
  activ plot elu gelu --alpha 0.5,1 -o f.html          an interactive page, offline
  activ plot tanh --format term                        braille in the terminal
  activ plot sigmoid --xlabel x --ylabel "σ(x)" -o - > sigmoid.png`,
  );
  command.action(async (names: string[], options: RawOptions) => {
    const request = plotRequest(names, options, flags);
    const spec = plotSpec(request);
    if (inBatch && (spec.format === 'term' || request.output === '-')) {
      throw new UsageError('a batch line must write a file: give -o FILE (not -o - or --format term)');
    }
    if (spec.format === 'term') {
      // Loaded here, not at start-up: only the command that draws pays for drawing.
      const { renderTerminal } = await import('../figure/terminal.js');
      const { buildFigureInterruptibly } = await import('../figure/build-figure.js');
      const size = terminalSize();
      const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
      await writeStdout(renderTerminal(await buildFigureInterruptibly(spec), { ...size, color }));
      return;
    }
    // Before the work: a folder, a socket or a missing folder is reported without drawing first.
    if (request.output !== '-') checkOutputPath(request.output);
    let bytes: Buffer | string;
    if (spec.format === 'html') {
      // Loaded only for a page: a PNG's start-up never reads the page's code.
      const { htmlPage } = await import('../html/write-page.js');
      bytes = htmlPage(request);
    } else {
      const { renderPlot } = await import('../figure/render.js');
      bytes = await renderPlot(spec, spec.format);
    }
    if (request.output === '-') await writeStdout(bytes);
    else await writeOutputFile(request.output, bytes);
  });
  return command;
}
