/**
 * The interactive page's state, in Node: the command line it offers for a view must draw exactly
 * that view. Each case changes the state as the page's controls do, then runs the command through
 * the real `activ plot` and compares its PNG byte for byte with the PNG of the spec the page
 * draws (the renderer is deterministic: the same spec gives the same bytes).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'shell-quote';
import { describe, expect, it } from 'vitest';
import { renderPlot } from '../src/figure/render.js';
import { FigureState, roundedLimits, roundestIn, shellWord } from '../src/html/view-state.js';
import type { PlotRequest } from '../src/plot-spec.js';
import { activ, emptyFolder } from './support/run-cli.js';

/** The words of a command line as the shell would pass them. */
function words(command: string): string[] {
  return parse(command).map((token) => {
    if (typeof token !== 'string') throw new Error(`unexpected shell token in ${command}`);
    return token;
  });
}

/** The command's PNG from the real CLI equals the PNG of the spec the page draws. */
async function expectCommandDrawsView(state: FigureState): Promise<string> {
  const view = state.view();
  expect(view.why).toBeUndefined();
  const argv = words(view.command!);
  expect(argv.slice(0, 2)).toEqual(['activ', 'plot']);
  const dir = emptyFolder();
  const run = activ([...argv.slice(1), '-o', 'view.png'], { cwd: dir });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const fromCli = readFileSync(join(dir, 'view.png'));
  expect(fromCli.equals(await renderPlot(view.spec, 'png'))).toBe(true);
  return view.command!;
}

const eluGelu: PlotRequest = {
  functions: [
    { name: 'elu', params: { alpha: [0.5, 1] } },
    { name: 'gelu', params: {} },
  ],
};

describe('the command line of a view', () => {
  it('is the request itself at first', async () => {
    const command = await expectCommandDrawsView(new FigureState(eluGelu));
    expect(command).toBe('activ plot elu gelu --range -5..5 --alpha 0.5,1');
  });

  it('follows a parameter moved on one curve of a family', async () => {
    const state = new FigureState(eluGelu);
    state.setParam(state.slots()[0]!, 2);
    expect(await expectCommandDrawsView(state)).toBe('activ plot elu gelu --range -5..5 --alpha 2,1');
  });

  it('keeps the colours of the curves still shown when one is hidden', async () => {
    const state = new FigureState(eluGelu);
    state.setShown(state.curves[0]!, 'value', false);
    expect(await expectCommandDrawsView(state)).toBe(
      'activ plot elu gelu --range -5..5 --alpha 1 --color tab:orange,tab:green',
    );
  });

  it('adds --derivative when every curve shows f′, and --derivative-only when only f′ is on', async () => {
    const state = new FigureState(eluGelu);
    for (const curve of state.curves) state.setShown(curve, 'derivative', true);
    expect(await expectCommandDrawsView(state)).toBe(
      'activ plot elu gelu --derivative --range -5..5 --alpha 0.5,1',
    );
    for (const curve of state.curves) state.setShown(curve, 'value', false);
    expect(await expectCommandDrawsView(state)).toBe(
      'activ plot elu gelu --derivative-only --range -5..5 --alpha 0.5,1',
    );
  });

  it('gives a zoomed view as --xlim and --ylim, sampled over what is shown, and resets', async () => {
    const state = new FigureState({
      ...eluGelu,
      from: -20,
      to: 20,
      title: true,
      legend: 'upper left',
      grid: true,
    });
    state.setView([-2.5, 1.25], [-1.1, 1.3]);
    expect(await expectCommandDrawsView(state)).toBe(
      'activ plot elu gelu --xlim -2.5..1.25 --ylim -1.1..1.3 --alpha 0.5,1 --grid --legend upper-left --title',
    );
    state.resetView();
    expect(state.view().command).toBe(
      'activ plot elu gelu --range -20..20 --alpha 0.5,1 --grid --legend upper-left --title',
    );
  });

  it('carries choices, aliases that fix parameters, colours, themes and sizes', async () => {
    const state = new FigureState({
      functions: [
        { name: 'gelu_new' },
        { name: 'silu', params: { beta: [1, 2] } },
        { name: 'gelu', params: { approximate: 'tanh' } },
      ],
      colors: ['k', '#d62728'],
      theme: 'dark',
      samples: 200,
      width: 500,
      height: 300,
      lineWidth: 1,
      xlabel: 'x',
      ylabel: "f(x) isn't σ",
    });
    const command = await expectCommandDrawsView(state);
    expect(command).toBe(
      `activ plot gelu_new silu gelu --range -4..4 --approximate tanh --beta 1,2 --color 'k,#d62728' --samples 200 --theme dark --line-width 1 --width 500 --height 300 --xlabel x --ylabel 'f(x) isn'\\''t σ'`,
    );
    state.setParam(
      state.slots().find((s) => s.param.name === 'approximate')!,
      'none',
    );
    await expectCommandDrawsView(state);
  });

  it('names a flag every function shares once, and says when one flag cannot serve them all', async () => {
    const state = new FigureState({
      functions: [
        { name: 'elu', params: { alpha: 0.5 } },
        { name: 'celu', params: { alpha: 0.5 } },
        { name: 'leaky_relu', params: { alpha: 0.5 } },
      ],
    });
    expect(await expectCommandDrawsView(state)).toBe(
      'activ plot elu celu leaky_relu --range -5..5 --alpha 0.5',
    );
    state.setParam(state.slots()[0]!, 2);
    const view = state.view();
    expect(view.command).toBeUndefined();
    expect(view.why).toBe(
      'elu and celu and leaky_relu all take --alpha, and one command gives them the same values',
    );
    // The figure is still drawn, from the curves themselves.
    expect(view.spec.curves.map((c) => c.params)).toEqual([
      { alpha: 2 },
      { alpha: 0.5 },
      { negative_slope: 0.5 },
    ]);
  });

  it('has no command for f′ on some curves only, and draws them dashed beside their f', () => {
    const state = new FigureState(eluGelu);
    state.setShown(state.curves[1]!, 'derivative', true);
    const view = state.view();
    expect(view.command).toBeUndefined();
    expect(view.why).toMatch(/f′ for every curve or for none/);
    expect(view.spec.curves.map((c) => [c.label, c.quantity, c.dashed, c.color])).toEqual([
      ['elu (α=0.5)', 'value', false, '#1f77b4'],
      ['elu (α=1)', 'value', false, '#ff7f0e'],
      ["elu' (α=1)", 'derivative', true, '#ff7f0e'],
      ['gelu', 'value', false, '#2ca02c'],
    ]);
  });

  it('refuses a value a curve cannot take, and keeps the old one', () => {
    const state = new FigureState({
      functions: [{ name: 'hardtanh' }, { name: 'softplus', params: { beta: 2 } }],
    });
    const [minVal, , beta] = state.slots();
    expect(() => state.setParam(minVal!, 3)).toThrow('hardtanh: min_val (3) must be less than max_val (1)');
    // In the library's words; the page shows it in the command line's (inCommandLineWords).
    expect(() => state.setParam(beta!, 0)).toThrow('softplus: beta must be > 0, not 0');
    expect(state.view().command).toBe('activ plot hardtanh softplus --range -3..3 --beta 2');
  });

  it('will not hide the last curve', () => {
    const state = new FigureState({ functions: [{ name: 'relu' }] });
    state.setShown(state.curves[0]!, 'value', false);
    expect(() => state.view()).toThrow('at least one curve must be shown');
  });
});

describe('numbers the page shows', () => {
  it('reads the pointer as the roundest number in its pixel column', () => {
    expect(roundestIn(-1.0123, -0.9912)).toBe(-1);
    expect(roundestIn(0.123456, 0.123499)).toBe(0.12346);
    expect(roundestIn(-0.01, 0.02)).toBe(0);
    expect(roundestIn(1234.5, 1236)).toBe(1235);
    expect(roundestIn(1.5e-300, 3e-300)).toBe(2e-300);
    // Whatever the column, the answer lies in it and is no longer than its ends.
    for (let i = 0; i < 2000; i++) {
      const lo = (Math.random() - 0.5) * 10 ** (Math.random() * 20 - 10);
      const hi = lo + Math.abs(lo) * 10 ** (-Math.random() * 12) + Number.MIN_VALUE;
      const x = roundestIn(lo, hi);
      expect(x >= lo && x <= hi, `${x} in ${lo}..${hi}`).toBe(true);
      expect(String(x).replace(/^-/, '').length).toBeLessThanOrEqual(
        Math.max(String(lo).replace(/^-/, '').length, String(hi).replace(/^-/, '').length),
      );
    }
  });

  it('rounds a zoomed view to three digits of its width', () => {
    expect(roundedLimits(-2.3456789, 4.0712345)).toEqual([-2.35, 4.07]);
    expect(roundedLimits(0.000123456, 0.000127891)).toEqual([0.00012346, 0.00012789]);
  });

  it('quotes words for the shell only where it must', () => {
    expect(
      ['--alpha', '0.5,1', '-20..20', 'tab:orange', 'upper-left', '#d62728', 'σ(x)', "it's"].map(shellWord),
    ).toEqual([
      '--alpha',
      '0.5,1',
      '-20..20',
      'tab:orange',
      'upper-left',
      "'#d62728'",
      "'σ(x)'",
      "'it'\\''s'",
    ]);
  });
});
