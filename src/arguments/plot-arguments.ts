/**
 * The words of an `activ plot` as a checked plot request: the command line's `plot` and every
 * batch line go through this one parser, so a batch line means exactly what the same words mean
 * after `activ plot`. Parsing and wording only; drawing and writing are for the callers.
 */
import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';
import { catalog } from '../activations/catalog.js';
import { findActivation } from '../activations/registry.js';
import { isFunctionReference, resolveFunction } from '../functions.js';
import { UsageError } from '../errors.js';
import { LEGEND_LOCATIONS, type LegendLocation } from '../look/legend.js';
import { THEMES, type ThemeName } from '../look/themes.js';
import type { FigureFormat, PlotRequest } from '../plot-spec.js';
import { gridRequest, withGridOptions } from './grid-options.js';
import { integerArgument, listArgument, numberArgument, rangeArgument } from './numbers.js';
import { addParamFlags, paramsPerFunction } from './param-flags.js';
import { flavoredReferences, flavorsOption } from './flavor-option.js';

export const FIGURE_FORMATS = [
  'png',
  'svg',
  'pdf',
  'html',
  'term',
] as const satisfies readonly FigureFormat[];
/** The file formats an -o name's extension selects; .htm as well as .html, as browsers and servers take both. */
const FORMAT_OF_EXTENSION: ReadonlyMap<string, FigureFormat> = new Map([
  ['png', 'png'],
  ['svg', 'svg'],
  ['pdf', 'pdf'],
  ['html', 'html'],
  ['htm', 'html'],
]);
const THEME_NAMES = Object.keys(THEMES) as ThemeName[];

// Matplotlib's integer codes for legend locations (legend(loc=2)), in LEGEND_LOCATIONS' order.
const LEGEND_CODES = new Map(LEGEND_LOCATIONS.map((loc, code) => [String(code), loc]));

/** A legend location in any spelling people type: "upper left", upper-left, UpperLeft, 2. */
export function parseLegendLocation(text: string): LegendLocation {
  const squeezed = text.toLowerCase().replace(/[-_\s]+/g, '');
  const found =
    LEGEND_CODES.get(text.trim()) ?? LEGEND_LOCATIONS.find((loc) => loc.replace(/ /g, '') === squeezed);
  if (found === undefined)
    throw new InvalidArgumentError(`--legend must be one of ${LEGEND_LOCATIONS.join(', ')}, not '${text}'`);
  return found;
}

/** The functions taken over the whole grid, named from the registry so the help cannot drift. */
function overVectorNote(): string {
  const names = catalog.filter((a) => a.overVector).map((a) => a.name);
  return `${names.join(', ')} are taken over the whole sampled grid: their values depend on --samples.`;
}

/** `activ plot`'s arguments and options, typed, without an action (the caller adds its own). */
export function plotCommandLine() {
  const command = withGridOptions(
    new Command('plot')
      .description(
        "draw activation functions to a PNG, SVG or PDF figure in Matplotlib's look, or in the terminal",
      )
      .argument(
        '<names...>',
        "activation functions to overlay (see 'activ list'); aliases and any case work; or " +
          "expressions in x, such as 'x*sigmoid(1.702*x)'",
      ),
  )
    .option('--derivative', "add f' to each curve (dashed, in the curve's colour)")
    .addOption(flavorsOption())
    .addOption(new Option('--derivative-only', "draw f' alone").conflicts('derivative'))
    .option(
      '-o, --output <file>',
      'where to write: .png, .svg, .pdf or .html (an interactive page); - writes to standard ' +
        'output (default: <names>.png)',
    )
    .addOption(
      new Option(
        '--format <format>',
        'the format (default: from the file extension, else png; term draws braille in the terminal)',
      ).choices(FIGURE_FORMATS),
    )
    .addOption(
      new Option(
        '--dpi <n>',
        "dots per inch, as Matplotlib's savefig: the 6.4x4.8 in figure at N dpi (default 100)",
      ).argParser(numberArgument('--dpi')),
    )
    .addOption(
      new Option('--width <px>', 'figure width in pixels (default 6.4 in at the dpi: 640)').argParser(
        integerArgument('--width'),
      ),
    )
    .addOption(
      new Option('--height <px>', 'figure height in pixels (default 4.8 in at the dpi: 480)').argParser(
        integerArgument('--height'),
      ),
    )
    .addOption(
      new Option('--xlim <a..b>', 'x view limits (default: the range plus 5 % margins)').argParser(
        rangeArgument('--xlim'),
      ),
    )
    .addOption(
      new Option('--ylim <a..b>', 'y view limits (default: the data plus 5 % margins)').argParser(
        rangeArgument('--ylim'),
      ),
    )
    .option('--grid', "dashed grid at the ticks, as in PyTorch's documentation figures")
    .addOption(
      new Option(
        '--legend [location]',
        `show a legend: ${LEGEND_LOCATIONS.join(', ')}, or Matplotlib's codes 0-10 (default: ` +
          `best, when there are two curves or more)`,
      ).argParser(parseLegendLocation),
    )
    .option('--no-legend', 'never show a legend')
    .addOption(
      new Option(
        '--color <colors>',
        'curve colours, comma-separated: #rrggbb, tab:orange, k, CSS names (default: tab10)',
      ).argParser(listArgument('--color')),
    )
    .addOption(
      new Option('--line-width <pt>', 'curve width in points (default 1.5)').argParser(
        numberArgument('--line-width'),
      ),
    )
    .addOption(
      new Option('--theme <name>', "matplotlib (default) or dark (Matplotlib's dark_background)").choices(
        THEME_NAMES,
      ),
    )
    .option('--transparent', 'no background: the figure and axes are transparent')
    .option(
      '--title [text]',
      'a title above the axes; alone, an automatic one such as "ELU (α = 1)" (a function ' +
        'name after it is a function: use --title=relu for that title)',
    )
    .option(
      '--label <text>',
      "the legend's name for a function, once for each in the order named (default: its name, " +
        'or the expression as typed)',
      (text: string, previous: string[]) => [...previous, text],
      [] as string[],
    )
    .option('--xlabel <text>', 'label under the x axis')
    .option('--ylabel <text>', 'label beside the y axis')
    // Set by normalisePlotWords for a bare --title followed by a function name.
    .addOption(new Option('--automatic-title').hideHelp());
  addParamFlags(command);
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
  activ plot 'x*sigmoid(1.702*x)' gelu                 an expression in x beside GELU
  activ plot 'x*sigmoid(b*x)' --b 1,1.702,4            a family over an expression's parameter
  activ plot prelu --alpha 0.05 --range -20..20 -o prelu.pdf --dpi 200
  activ plot tanh --format term                        braille in the terminal
  activ plot hard_sigmoid --flavor torch,tf-keras      one name as two frameworks define it
  activ plot sigmoid --xlabel x --ylabel "σ(x)" -o - > sigmoid.png`,
  );
  return command;
}

export type PlotCommandLine = ReturnType<typeof plotCommandLine>;
export type PlotOptions = ReturnType<PlotCommandLine['opts']>;

/**
 * The words as commander should see them. Two things people type that an optional-value option
 * would misread: `--title relu gelu` (the bare --title would take "relu" as its text) and
 * `--legend upper left` (it would take "upper" and leave "left" as a function name).
 */
export function normalisePlotWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (
      word === '--title' &&
      next !== undefined &&
      (findActivation(next) !== undefined || isFunctionReference(next))
    ) {
      out.push('--automatic-title');
      continue;
    }
    if (word === '--legend' && next !== undefined && words[i + 2] !== undefined) {
      const pair = `${next} ${words[i + 2]}`.toLowerCase();
      if ((LEGEND_LOCATIONS as readonly string[]).includes(pair)) {
        out.push(`--legend=${pair}`);
        i += 2;
        continue;
      }
    }
    out.push(word);
  }
  return out;
}

/** What a plot's words ask for: the request, where it goes, and in which format. */
export interface PlotArguments {
  readonly request: PlotRequest;
  /** A file name, or '-' for standard output. */
  readonly output: string;
  readonly format: FigureFormat;
}

/** Format and output path from --format and -o, which must agree. */
function resolveOutput(
  options: PlotOptions,
  baseName: string,
  stdoutIsTerminal: boolean,
): { format: FigureFormat; output: string } {
  const format = options.format;
  const output = options.output;
  if (output === '') throw new UsageError('--output needs a file name (or - for standard output)');
  if (output === undefined || output === '-') {
    // On a terminal, "-o -" draws in the terminal rather than pouring PNG bytes onto it.
    const chosen = format ?? (output === '-' && stdoutIsTerminal ? 'term' : 'png');
    return { format: chosen, output: output ?? (chosen === 'term' ? '-' : `${baseName}.${chosen}`) };
  }
  const ext = /\.([^./\\]+)$/.exec(output)?.[1]?.toLowerCase();
  if (format === 'term')
    throw new UsageError('--format term draws on standard output; leave out -o or use -o -');
  const formatOfExtension = ext === undefined ? undefined : FORMAT_OF_EXTENSION.get(ext);
  if (formatOfExtension !== undefined) {
    if (format && format !== formatOfExtension)
      throw new UsageError(`--format ${format} clashes with the extension of '${output}'`);
    return { format: formatOfExtension, output };
  }
  if (format) return { format, output };
  // No extension at all (figure, /dev/null, /dev/stdout): PNG, as documented. An extension activ
  // does not write (.jpg) is more likely a mistake than a wish for PNG bytes under that name.
  if (ext === undefined) return { format: 'png', output };
  throw new UsageError(
    `cannot tell the format of '${output}'; use a .png, .svg, .pdf or .html name, or --format`,
  );
}

/**
 * A function's name as part of the default file name: a catalog name as it is, an expression with
 * its operators and spaces as _ (x*sigmoid(1.702*x) → x_sigmoid_1.702_x.png), never a / or a
 * leading dot or dash.
 */
function fileStem(name: string): string {
  const stem = name
    .replace(/[^A-Za-z0-9.+-]+/g, '_')
    .replace(/^[._+-]+|[._+-]+$/g, '')
    .slice(0, 60);
  return stem === '' ? 'expression' : stem;
}

/** The plot request the parsed words describe. */
export function plotArguments(
  names: readonly string[],
  command: PlotCommandLine,
  { stdoutIsTerminal = false } = {},
): PlotArguments {
  const options = command.opts();
  // Each name with each --flavor; a label goes with every curve its name gives.
  const expanded = names.flatMap((name, i) =>
    flavoredReferences([name], options.flavor).map((reference) => ({ reference, from: i })),
  );
  const activations = expanded.map(({ reference }) => resolveFunction(reference));
  const given = paramsPerFunction(activations, command, { lists: true });
  const labels = options.label;
  if (labels.length > names.length)
    throw new UsageError(
      `${labels.length} labels for ${names.length} function${names.length === 1 ? '' : 's'}: ` +
        'give one --label per function, in order',
    );
  const functions = expanded.map(({ reference, from }, i) => ({
    name: reference,
    params: given[i]!,
    ...(labels[from] === undefined ? {} : { label: labels[from] }),
  }));
  const { format, output } = resolveOutput(
    options,
    activations.map((a) => (a.flavor ? `${a.name}@${a.flavor}` : fileStem(a.name))).join('-'),
    stdoutIsTerminal,
  );
  const title = options.automaticTitle === true || options.title === true ? true : options.title;
  const request: PlotRequest = {
    functions,
    format,
    ...gridRequest(options),
    ...(options.width === undefined ? {} : { width: options.width }),
    ...(options.height === undefined ? {} : { height: options.height }),
    ...(options.dpi === undefined ? {} : { dpi: options.dpi }),
    ...(options.lineWidth === undefined ? {} : { lineWidth: options.lineWidth }),
    ...(options.xlim === undefined ? {} : { xlim: options.xlim }),
    ...(options.ylim === undefined ? {} : { ylim: options.ylim }),
    ...(options.color === undefined ? {} : { colors: options.color }),
    // --no-legend gives false; a bare --legend true; neither, undefined (the default rule).
    ...(options.legend === undefined ? {} : { legend: options.legend }),
    ...(options.derivativeOnly
      ? { derivative: 'only' as const }
      : options.derivative
        ? { derivative: 'add' as const }
        : {}),
    ...(options.grid ? { grid: true } : {}),
    ...(options.transparent ? { transparent: true } : {}),
    ...(options.theme === undefined ? {} : { theme: options.theme }),
    ...(title === undefined ? {} : { title }),
    ...(options.xlabel === undefined ? {} : { xlabel: options.xlabel }),
    ...(options.ylabel === undefined ? {} : { ylabel: options.ylabel }),
  };
  return { request, output, format };
}
