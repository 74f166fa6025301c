import { UsageError } from '../src/errors.js';
import { describe, expect, it } from 'vitest';
import { buildFigure } from '../src/figure/build-figure.js';
import type { FigureModel, Series } from '../src/figure/model.js';
import { renderTerminal } from '../src/figure/terminal.js';
import { plotSpec } from '../src/plot-spec.js';

type Fn = { name: string; params?: Record<string, number> };

function figure(functions: Fn[], from: number, to: number, samples?: number): FigureModel {
  return buildFigure(plotSpec({ functions, from, to, ...(samples === undefined ? {} : { samples }) }));
}

/** The figure with its view set by hand (the built one has Matplotlib's 5 % margins). */
function withView(fig: FigureModel, x: [number, number], y: [number, number]): FigureModel {
  return { ...fig, x: { ...fig.x, min: x[0], max: x[1] }, y: { ...fig.y, min: y[0], max: y[1] } };
}

const BITS = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
] as const;

/** The braille cells between the frame of an uncoloured rendering, read back as dots. */
function plotArea(text: string) {
  const lines = text.split('\n');
  const top = lines.findIndex((l) => l.includes('┌'));
  const bottom = lines.findIndex((l) => l.includes('└'));
  expect(top).toBeGreaterThanOrEqual(0);
  expect(bottom).toBeGreaterThan(top + 1);
  const cells = lines.slice(top + 1, bottom).map((l) => {
    const chars = [...l];
    const left = chars.indexOf('│');
    const right = chars.lastIndexOf('│');
    expect(right).toBeGreaterThan(left);
    return chars.slice(left + 1, right);
  });
  const rows = cells.length;
  const cols = cells[0]!.length;
  for (const row of cells) expect(row.length).toBe(cols);
  const bits = (r: number, c: number): number => {
    const ch = cells[r]![c]!;
    if (ch === ' ') return 0;
    const code = ch.codePointAt(0)!;
    expect(code).toBeGreaterThanOrEqual(0x2800);
    expect(code).toBeLessThanOrEqual(0x28ff);
    return code - 0x2800;
  };
  return {
    rows,
    cols,
    dotsWide: cols * 2,
    dotsHigh: rows * 4,
    /** Any dot in cell (row r, column c)? */
    cell: (r: number, c: number): boolean => bits(r, c) !== 0,
    /** Is dot (x rightwards, y downwards) set? */
    dot: (x: number, y: number): boolean => (bits(y >> 2, x >> 1) & BITS[x & 1]![y & 3]!) !== 0,
  };
}

/** Dot index of `v` on a view [min, max] spread over `dots` dots, as the renderer maps it. */
function dotOf(v: number, min: number, max: number, dots: number): number {
  return Math.round(((v - min) / (max - min)) * (dots - 1));
}

const ALLOWED = /^[\u0020-\u007e\u2500-\u257f\u2800-\u28ff−]*$/u;

describe('renderTerminal', () => {
  const elu = figure([{ name: 'elu', params: { alpha: 1 } }], -20, 20);
  const relu = figure([{ name: 'relu' }], -20, 20);
  const relu3 = figure([{ name: 'relu' }], -3, 3);
  const tanh3 = figure([{ name: 'tanh' }], -3, 3);
  const overlay: FigureModel = {
    ...relu3,
    series: [...relu3.series, { ...tanh3.series[0]!, color: '#ff7f0e' }],
    y: { ...relu3.y, min: -1.2, max: 3.2 },
  };

  for (const columns of [80, 40]) {
    it(`keeps every line within ${columns} columns, in braille, box drawing, ASCII and '−'`, () => {
      for (const fig of [elu, overlay, { ...elu, title: 'ELU alpha 1' }]) {
        const text = renderTerminal(fig, { columns, color: false });
        expect(text.endsWith('\n')).toBe(true);
        const lines = text.slice(0, -1).split('\n');
        expect(lines.length).toBeGreaterThan(10);
        for (const line of lines) {
          expect([...line].length).toBeLessThanOrEqual(columns);
          expect(line).toMatch(ALLOWED);
          expect(line).not.toMatch(/ $/);
        }
        // The plot area uses nearly the whole width and is at least 8 rows high.
        const area = plotArea(text);
        expect(area.cols).toBeGreaterThan(columns - 12);
        expect(area.rows).toBeGreaterThanOrEqual(8);
      }
    });
  }

  it('shows the y view at the left, the x view underneath, the title above', () => {
    const text = renderTerminal({ ...elu, title: 'ELU' }, { columns: 80, color: false });
    const lines = text.split('\n');
    expect(lines[0]!.trim()).toBe('ELU');
    const top = lines.findIndex((l) => l.includes('┌'));
    const bottom = lines.findIndex((l) => l.includes('└'));
    // elu over −20..20 spans −1..20; the view adds 5 % of the span on each side.
    expect(lines[top + 1]!.trimStart().startsWith('21.05 │')).toBe(true);
    expect(lines[bottom - 1]!.trimStart().startsWith('−2.05 │')).toBe(true);
    const under = lines[bottom + 1]!;
    expect(under.trim().split(/ +/)).toEqual(['−22', '22']);
    // Left label starts under the left frame corner, right label ends under the right one.
    expect(under.indexOf('−22')).toBe(lines[bottom]!.indexOf('└'));
    expect([...under].length).toBe([...lines[bottom]!].length);
    // A single series has no legend.
    expect(text).not.toContain('━━');
  });

  it('draws relu from the bottom-left corner to the top-right one, nothing at the top left', () => {
    const fig = withView(figure([{ name: 'relu' }], -1, 1), [-1, 1], [0, 1]);
    const area = plotArea(renderTerminal(fig, { columns: 80, color: false }));
    expect(area.cell(area.rows - 1, 0)).toBe(true);
    expect(area.cell(0, area.cols - 1)).toBe(true);
    expect(area.cell(0, 0)).toBe(false);
    expect(area.dot(0, area.dotsHigh - 1)).toBe(true);
    expect(area.dot(area.dotsWide - 1, 0)).toBe(true);
    // The left half is the flat part: only the bottom row has dots there.
    for (let r = 0; r < area.rows - 1; r++) {
      for (let c = 0; c < area.cols / 2 - 1; c++) expect(area.cell(r, c)).toBe(false);
    }
  });

  it('keeps the steep part of the line continuous: one dot in every dot row', () => {
    const fig = withView(relu, [-20, 20], [0, 20]);
    const area = plotArea(renderTerminal(fig, { columns: 40, color: false }));
    for (let y = 0; y < area.dotsHigh; y++) {
      let any = false;
      for (let x = 0; x < area.dotsWide; x++) any ||= area.dot(x, y);
      expect(any, `dot row ${y}`).toBe(true);
    }
  });

  it('clips points outside the view instead of wrapping or clamping them', () => {
    // relu over −1..1 seen through y 0..0.5: the line leaves the top at x = 0.5.
    const fig = withView(figure([{ name: 'relu' }], -1, 1), [-1, 1], [0, 0.5]);
    const area = plotArea(renderTerminal(fig, { columns: 80, color: false }));
    const exit = dotOf(0.5, -1, 1, area.dotsWide);
    expect(area.dot(exit, 0)).toBe(true);
    for (let x = exit + 2; x < area.dotsWide; x++) {
      for (let y = 0; y < area.dotsHigh; y++) expect(area.dot(x, y), `dot ${x},${y}`).toBe(false);
    }
  });

  it('draws a full vertical dot line at the jump of binary_step', () => {
    const fig = figure([{ name: 'binary_step' }], -1, 1, 50);
    const area = plotArea(renderTerminal(fig, { columns: 80, color: false }));
    const x0 = dotOf(0, fig.x.min, fig.x.max, area.dotsWide);
    const yOne = dotOf(fig.y.max - 1, 0, fig.y.max - fig.y.min, area.dotsHigh); // rows go downwards
    const yZero = dotOf(fig.y.max - 0, 0, fig.y.max - fig.y.min, area.dotsHigh);
    expect(yZero - yOne).toBeGreaterThan(area.dotsHigh * 0.8);
    for (let y = yOne; y <= yZero; y++) expect(area.dot(x0, y), `dot row ${y}`).toBe(true);
    // Nothing else in that column: the line is not smeared sideways.
    expect(area.dot(x0, yOne - 1)).toBe(false);
    expect(area.dot(x0, yZero + 1)).toBe(false);
  });

  it('leaves a gap where y is NaN or infinite', () => {
    const base = figure([{ name: 'identity' }], -1, 1);
    const s = base.series[0]!;
    const y = Float64Array.from(s.y, (v, i) => {
      const x = s.x[i]!;
      return x > -0.5 && x < -0.1 ? NaN : x > 0.1 && x < 0.5 ? Infinity : v;
    });
    const gapped: FigureModel = { ...base, series: [{ ...s, y }] };
    const whole = plotArea(renderTerminal(base, { columns: 80, color: false }));
    const holed = plotArea(renderTerminal(gapped, { columns: 80, color: false }));
    const columnHasDots = (area: typeof whole, x: number): boolean => {
      for (let yy = 0; yy < area.dotsHigh; yy++) if (area.dot(x, yy)) return true;
      return false;
    };
    for (const [lo, hi] of [
      [-0.45, -0.15],
      [0.15, 0.45],
    ] as const) {
      const from = dotOf(lo, base.x.min, base.x.max, whole.dotsWide);
      const to = dotOf(hi, base.x.min, base.x.max, whole.dotsWide);
      expect(to - from).toBeGreaterThan(5);
      for (let x = from; x <= to; x++) {
        expect(columnHasDots(whole, x), `dot column ${x} without gap`).toBe(true);
        expect(columnHasDots(holed, x), `dot column ${x} in the gap`).toBe(false);
      }
    }
    // Outside the gaps the line is still there.
    expect(columnHasDots(holed, dotOf(0, base.x.min, base.x.max, holed.dotsWide))).toBe(true);
    expect(columnHasDots(holed, dotOf(0.9, base.x.min, base.x.max, holed.dotsWide))).toBe(true);
  });

  it('writes no escape sequence without colour, 24-bit colours with it', () => {
    const plain = renderTerminal(overlay, { columns: 80, color: false });
    expect(plain).not.toContain('\x1b');
    const coloured = renderTerminal(overlay, { columns: 80, color: true });
    expect(coloured).toContain('\x1b[38;2;31;119;180m'); // #1f77b4
    expect(coloured).toContain('\x1b[38;2;255;127;14m'); // #ff7f0e
    expect(coloured).toContain('\x1b[0m');
    // Without the escapes it is the same picture.
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain);
    // Every colour is reset before the end of its line.
    for (const line of coloured.split('\n')) {
      const last = line.lastIndexOf('\x1b[');
      if (last >= 0) expect(line.slice(last)).toMatch(/^\x1b\[0m/);
    }
  });

  it('gives a shared cell the colour of the last series drawn there', () => {
    const a = figure([{ name: 'relu' }], -1, 1);
    const b = figure([{ name: 'identity' }], -1, 1);
    const fig: FigureModel = { ...a, series: [a.series[0]!, { ...b.series[0]!, color: '#ff0000' }] };
    const lines = renderTerminal(fig, { columns: 80, color: true }).split('\n');
    const top = lines.findIndex((l) => l.includes('┌'));
    // Near the top only x > 0 is drawn, where relu and identity are the same line.
    const row = lines[top + 2]!;
    expect(row).toContain('\x1b[38;2;255;0;0m');
    expect(row).not.toContain('\x1b[38;2;31;119;180m');
  });

  it("stacks a family as Matplotlib does: the last curve on top, the legend in the figure's order", () => {
    // elu with α = 0.5, 1, 2 over 0..5 is one line, y = x: Matplotlib shows it all tab:green.
    const family = buildFigure(
      plotSpec({ functions: [{ name: 'elu', params: { alpha: [0.5, 1, 2] } }], from: 0, to: 5 }),
    );
    const lines = renderTerminal(family, { columns: 80, color: true }).split('\n');
    const [top, bottom] = [lines.findIndex((l) => l.includes('┌')), lines.findIndex((l) => l.includes('└'))];
    const plot = lines.slice(top + 1, bottom).join('\n');
    expect(plot).toContain('\x1b[38;2;44;160;44m'); // tab:green
    expect(plot).not.toContain('\x1b[38;2;31;119;180m'); // tab:blue
    expect(plot).not.toContain('\x1b[38;2;255;127;14m'); // tab:orange
    const legend = lines.slice(bottom + 2).filter((l) => l.includes('━━'));
    expect(legend.map((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim())).toEqual([
      '━━ elu (α=0.5)',
      '━━ elu (α=1)',
      '━━ elu (α=2)',
    ]);
  });

  it('adds a legend for several series, dashed ones with ╍╍, coloured when asked', () => {
    const dashed: Series = { ...overlay.series[1]!, dashed: true };
    const fig: FigureModel = { ...overlay, series: [overlay.series[0]!, dashed] };
    const plain = renderTerminal(fig, { columns: 40, color: false }).split('\n');
    expect(plain.some((l) => l.trim() === '━━ relu')).toBe(true);
    expect(plain.some((l) => l.trim() === '╍╍ tanh')).toBe(true);
    const coloured = renderTerminal(fig, { columns: 40, color: true });
    expect(coloured).toContain('\x1b[38;2;31;119;180m━━ relu\x1b[0m');
    expect(coloured).toContain('\x1b[38;2;255;127;14m╍╍ tanh\x1b[0m');
  });

  it('draws a dashed series with holes in it', () => {
    const base = withView(figure([{ name: 'identity' }], -1, 1), [-1, 1], [-1, 1]);
    const dashed: FigureModel = { ...base, series: [{ ...base.series[0]!, dashed: true }] };
    const count = (fig: FigureModel): number => {
      const area = plotArea(renderTerminal(fig, { columns: 80, color: false }));
      let n = 0;
      for (let x = 0; x < area.dotsWide; x++) for (let y = 0; y < area.dotsHigh; y++) if (area.dot(x, y)) n++;
      return n;
    };
    const solid = count(base);
    const holes = count(dashed);
    expect(holes).toBeLessThan(solid * 0.8);
    expect(holes).toBeGreaterThan(solid * 0.4);
  });

  it('copes with a view as wide as the doubles and refuses a too narrow terminal', () => {
    const fig = withView(elu, [-1.7e308, 1.7e308], [-1.7e308, 1.7e308]);
    const text = renderTerminal(fig, { columns: 40, color: false });
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(40);
    expect(text).toContain('−1.7e308');
    expect(() => renderTerminal(elu, { columns: 10, color: false })).toThrow(UsageError);
  });
});

describe('terminal height', () => {
  it('fits the drawing in the lines given, with one to spare', () => {
    const elu = buildFigure(plotSpec({ functions: [{ name: 'elu' }], from: -20, to: 20 }));
    const text = renderTerminal(elu, { columns: 80, color: false, lines: 24 });
    expect(text.split('\n').filter((l, i, all) => i < all.length - 1).length).toBeLessThanOrEqual(23);
    const tall = renderTerminal(elu, { columns: 80, color: false });
    expect(tall.split('\n').length).toBeGreaterThan(24);
  });
});
