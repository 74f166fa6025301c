/**
 * Every option of `activ plot`, through the same parser the command line and batch use
 * (src/arguments/plot-arguments.ts), checked by the figure model it produces: not only that the
 * words are accepted, but that each one changes what is drawn the way it says. Expected values
 * come from the library's own evaluate/derivative (held to mpmath in references.test.ts) and
 * from Matplotlib's rules (5 % margins, 6.4 x 4.8 in at the dpi).
 */
import type { Command as UntypedCommand } from 'commander';
import { describe, expect, it } from 'vitest';
import { throwInsteadOfExiting } from '../src/arguments/describe-failure.js';
import { normalisePlotWords, plotArguments, plotCommandLine } from '../src/arguments/plot-arguments.js';
import { derivative, evaluate } from '../src/evaluation.js';
import { buildFigure } from '../src/figure/build-figure.js';
import type { FigureModel, Series } from '../src/figure/model.js';
import { plotSpec } from '../src/plot-spec.js';

function parse(words: readonly string[]) {
  const command = plotCommandLine();
  throwInsteadOfExiting(command as unknown as UntypedCommand);
  command.parse(normalisePlotWords(words), { from: 'user' });
  const [names] = command.processedArgs;
  return plotArguments(names, command);
}

function figureOf(words: readonly string[]): FigureModel {
  return buildFigure(plotSpec(parse(words).request));
}

/** The series' y at the sample whose x is exactly `x`. */
function yAt(series: Series, x: number): number {
  const i = series.x.indexOf(x);
  expect(i, `no sample at x = ${x}`).toBeGreaterThanOrEqual(0);
  return series.y[i]!;
}

const tested = new Set<string>();
/** A test of one option (or several that go together), recorded for the coverage check below. */
function option(flags: string[], name: string, body: () => void) {
  for (const flag of flags) tested.add(flag);
  it(`${flags.join(' ')}: ${name}`, body);
}

describe('activ plot options, each checked by the figure it draws', () => {
  option(['--from', '--to'], 'the sampled range, and a view 5 % wider on each side', () => {
    const figure = figureOf(['sigmoid', '--from', '-3', '--to', '5']);
    expect([figure.series[0]!.x[0], figure.series[0]!.x.at(-1)]).toEqual([-3, 5]);
    expect([figure.x.min, figure.x.max]).toEqual([-3.4, 5.4]);
  });

  option(['--range'], 'the same as --from and --to', () => {
    const a = figureOf(['sigmoid', '--range', '-3..5']);
    const b = figureOf(['sigmoid', '--from', '-3', '--to', '5']);
    expect([...a.series[0]!.x]).toEqual([...b.series[0]!.x]);
  });

  option(['--samples'], 'that many evenly spaced samples, ends included', () => {
    const figure = figureOf(['sigmoid', '--range', '-2..2', '--samples', '5']);
    expect([...figure.series[0]!.x]).toEqual([-2, -1, 0, 1, 2]);
  });

  option(['--derivative'], "adds f', dashed, in the curve's colour, after it", () => {
    const figure = figureOf(['elu', '--alpha', '2', '--range', '-2..2', '--samples', '5', '--derivative']);
    const [f, df] = figure.series;
    expect([f!.label, df!.label, df!.dashed, df!.color === f!.color]).toEqual(['elu', "elu'", true, true]);
    expect(yAt(df!, -1)).toBe(derivative('elu', [-1], { alpha: 2 })[0]);
  });

  option(['--derivative-only'], "draws f' alone, solid", () => {
    const figure = figureOf(['tanh', '--range', '-2..2', '--samples', '5', '--derivative-only']);
    expect(figure.series).toHaveLength(1);
    expect(figure.series[0]!.dashed).toBe(false);
    expect(yAt(figure.series[0]!, 1)).toBe(derivative('tanh', [1])[0]);
  });

  option(['-o', '--output', '--format'], 'the file, and its format from the extension or --format', () => {
    expect(parse(['elu', '-o', 'a.svg'])).toMatchObject({ output: 'a.svg', format: 'svg' });
    expect(parse(['elu', '--output', 'a.pdf'])).toMatchObject({ output: 'a.pdf', format: 'pdf' });
    expect(parse(['elu', '-o', 'A.HTM'])).toMatchObject({ output: 'A.HTM', format: 'html' });
    expect(() => parse(['elu', '-o', 'a.htm', '--format', 'svg'])).toThrow(/--format svg clashes/);
    expect(() => parse(['elu', '-o', 'a.constructor'])).toThrow(/cannot tell the format/);
    expect(parse(['elu', '--format', 'svg', '-o', 'figure'])).toMatchObject({
      output: 'figure',
      format: 'svg',
    });
    expect(parse(['relu', 'gelu'])).toMatchObject({ output: 'relu-gelu.png', format: 'png' });
  });

  option(['--dpi'], 'the 6.4 x 4.8 in figure at that dpi', () => {
    const figure = figureOf(['elu', '--dpi', '200']);
    expect([figure.width, figure.height, figure.dpi]).toEqual([1280, 960, 200]);
  });

  option(['--width', '--height'], 'the size in pixels', () => {
    const figure = figureOf(['elu', '--width', '800', '--height', '300']);
    expect([figure.width, figure.height]).toEqual([800, 300]);
  });

  option(['--xlim', '--ylim'], 'the view, whatever the data', () => {
    const figure = figureOf(['elu', '--xlim', '-1..3', '--ylim', '-0.5..2']);
    expect([figure.x.min, figure.x.max, figure.y.min, figure.y.max]).toEqual([-1, 3, -0.5, 2]);
  });

  option(['--grid'], 'a grid', () => {
    expect(figureOf(['elu']).grid).toBe(false);
    expect(figureOf(['elu', '--grid']).grid).toBe(true);
  });

  option(['--legend', '--no-legend'], 'a legend where asked, in any spelling; none with --no-legend', () => {
    expect(figureOf(['relu', 'gelu']).legend).toBe('best');
    expect(figureOf(['elu']).legend).toBe(false);
    expect(figureOf(['elu', '--legend']).legend).toBe('best');
    expect(figureOf(['relu', 'gelu', '--legend', 'lower', 'left']).legend).toBe('lower left');
    expect(figureOf(['relu', 'gelu', '--legend', 'Upper_Right']).legend).toBe('upper right');
    expect(figureOf(['relu', 'gelu', '--legend', '3']).legend).toBe('lower left');
    expect(figureOf(['relu', 'gelu', '--no-legend']).legend).toBe(false);
  });

  option(['--color'], 'the curves take the colours in turn', () => {
    const figure = figureOf(['relu', 'gelu', 'silu', '--color', 'k,tab:red']);
    expect(figure.series.map((s) => s.color)).toEqual(['#000000', '#d62728', '#000000']);
  });

  option(['--line-width'], 'the curves are that many points wide', () => {
    expect(figureOf(['elu', '--line-width', '3']).lineWidth).toBe(3);
  });

  option(['--theme'], "Matplotlib's dark_background", () => {
    const figure = figureOf(['elu', 'relu', '--theme', 'dark']);
    expect([figure.style.background, figure.style.foreground]).toEqual(['#000000', '#ffffff']);
    expect(figure.series[0]!.color).toBe('#8dd3c7');
  });

  option(['--transparent'], 'no background', () => {
    expect(figureOf(['elu']).transparent).toBe(false);
    expect(figureOf(['elu', '--transparent']).transparent).toBe(true);
  });

  option(['--title'], 'the text given, an automatic one alone, and never a function name', () => {
    expect(figureOf(['elu', '--title', 'My ELU']).title).toBe('My ELU');
    expect(figureOf(['elu', '--alpha', '2', '--title']).title).toBe('ELU (α = 2)');
    const both = figureOf(['--title', 'relu', 'gelu']);
    expect(both.series.map((s) => s.label)).toEqual(['relu', 'gelu']);
    expect(both.title).toBe('ReLU, GELU (approx = none)');
    expect(figureOf(['--title=relu', 'gelu']).title).toBe('relu');
  });

  option(['--xlabel', '--ylabel'], 'the axis labels', () => {
    const figure = figureOf(['elu', '--xlabel', 'x', '--ylabel', 'σ(x)']);
    expect([figure.xlabel, figure.ylabel]).toEqual(['x', 'σ(x)']);
  });

  option(['--flavor'], "each framework's own definition, one curve per flavor, labelled by it", () => {
    const figure = figureOf([
      'hard_sigmoid',
      '--flavor',
      'torch,tf-keras',
      '--range',
      '-2..2',
      '--samples',
      '5',
    ]);
    expect(figure.series.map((s) => s.label)).toEqual(['hardsigmoid (torch)', 'hard_sigmoid (tf-keras)']);
    // PyTorch: relu6(x + 3)/6; Keras 2 and tf.keras: clip(0.2x + 0.5, 0, 1).
    expect(yAt(figure.series[0]!, -1)).toBe(evaluate('hardsigmoid', [-1])[0]);
    expect(yAt(figure.series[1]!, -1)).toBeCloseTo(0.3, 15);
  });

  option(['--label'], "the legend's name for each function in turn, an expression as typed otherwise", () => {
    const figure = figureOf(['x*sigmoid(1.702*x)', 'gelu', '--label', 'quick GELU', '--derivative']);
    expect(figure.series.map((s) => s.label)).toEqual(['quick GELU', "quick GELU'", 'gelu', "gelu'"]);
    expect(figureOf(['x*sigmoid(1.702*x)', 'gelu']).series.map((s) => s.label)).toEqual([
      'x*sigmoid(1.702*x)',
      'gelu',
    ]);
  });

  it('every option the plot command declares is tested here (parameter flags are tested below)', () => {
    const declared = plotCommandLine()
      .options.filter((o) => !o.hidden && !/<value>$/.test(o.flags))
      .flatMap((o) => [o.short, o.long].filter((f): f is string => f !== undefined));
    expect(declared.filter((f) => !tested.has(f))).toEqual([]);
  });
});

describe('parameter flags, for every function of an overlay', () => {
  it("sets each function's own parameter, the second function's as much as the first's", () => {
    const figure = figureOf([
      'elu',
      'leaky_relu',
      '--alpha',
      '2',
      '--negative-slope',
      '0.3',
      '--range',
      '-2..2',
      '--samples',
      '5',
    ]);
    expect(yAt(figure.series[0]!, -1)).toBe(evaluate('elu', [-1], { alpha: 2 })[0]);
    expect(yAt(figure.series[1]!, -1)).toBe(-0.3);
  });

  it('gives a flag to every function that takes it, and to no other', () => {
    const figure = figureOf([
      'relu',
      'silu',
      'softplus',
      '--beta',
      '2',
      '--range',
      '-2..2',
      '--samples',
      '5',
    ]);
    expect(yAt(figure.series[1]!, 1)).toBe(evaluate('silu', [1], { beta: 2 })[0]);
    expect(yAt(figure.series[2]!, 1)).toBe(evaluate('softplus', [1], { beta: 2 })[0]);
    expect(yAt(figure.series[0]!, 1)).toBe(1);
  });

  it('draws a family per list, labelled by what varies, for each function', () => {
    const figure = figureOf(['elu', 'celu', '--alpha', '0.5,2', '--range', '-2..2', '--samples', '5']);
    expect(figure.series.map((s) => s.label)).toEqual([
      'elu (α=0.5)',
      'elu (α=2)',
      'celu (α=0.5)',
      'celu (α=2)',
    ]);
    expect(yAt(figure.series[3]!, -1)).toBe(evaluate('celu', [-1], { alpha: 2 })[0]);
  });

  it('reads an alias of a parameter (leaky_relu --alpha) and a choice (gelu --approximate)', () => {
    const figure = figureOf([
      'leaky_relu',
      'gelu',
      '--alpha',
      '0.2',
      '--approximate',
      'tanh',
      '--range',
      '-2..2',
      '--samples',
      '5',
    ]);
    expect(yAt(figure.series[0]!, -1)).toBe(-0.2);
    expect(yAt(figure.series[1]!, 1)).toBe(evaluate('gelu', [1], { approximate: 'tanh' })[0]);
  });
});
