/**
 * Every kind of figure activ draws, against golden PNGs that were looked at and approved
 * (fixtures/golden/; regenerate after an intended change with UPDATE_GOLDEN=1 npm test, then
 * look at them again). The comparison is pixelmatch with a per-pixel colour threshold and a
 * small budget of differing pixels, so a change in a library's anti-aliasing passes while a
 * moved axis or curve does not (the last test proves the budget catches a 2 px shift).
 * Properties the issue names are asserted on the pixels directly, independent of the goldens.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderPlot } from '../src/figure/render.js';
import { plotSpec, type PlotRequest } from '../src/plot-spec.js';

const golden = new URL('../fixtures/golden/', import.meta.url);
const TAB10 = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
];

async function png(request: PlotRequest): Promise<PNG> {
  return PNG.sync.read(await renderPlot(plotSpec(request), 'png'));
}

/** Pixels that differ beyond pixelmatch's colour threshold. */
function differing(a: PNG, b: PNG): number {
  return pixelmatch(a.data, b.data, undefined, a.width, a.height, { threshold: 0.1 });
}

const BUDGET = 0.002; // of all pixels: anti-aliasing noise only

const cases: Record<string, PlotRequest> = {
  'overlay-relu-gelu-silu': {
    functions: [{ name: 'relu' }, { name: 'gelu' }, { name: 'silu' }],
    from: -4,
    to: 4,
  },
  'family-elu-derivative': {
    functions: [{ name: 'elu', params: { alpha: [0.5, 1, 2] } }],
    derivative: 'add',
  },
  'derivative-only-tanh': { functions: [{ name: 'tanh' }], derivative: 'only', title: true },
  'step-50-samples': { functions: [{ name: 'binary_step' }], samples: 50 },
  'dark-grid-title': {
    functions: [{ name: 'tanh' }, { name: 'relu' }],
    theme: 'dark',
    grid: true,
    title: true,
    xlabel: 'x',
    ylabel: 'f(x)',
  },
  'hardshrink-jumps-legend-lower-right': {
    functions: [{ name: 'hardshrink', params: { lambda: [0.5, 1] } }],
    from: -2,
    to: 2,
    legend: 'lower right',
  },
  'colors-linewidth-limits': {
    functions: [{ name: 'sigmoid' }, { name: 'tanh' }],
    colors: ['k', 'tab:red'],
    lineWidth: 3,
    xlim: [-3, 3],
    ylim: [-1.5, 1.5],
  },
};

describe('golden figures', () => {
  for (const [name, request] of Object.entries(cases)) {
    it(name, async () => {
      const ours = await png(request);
      const file = new URL(`${name}.png`, golden);
      // Goldens are made on purpose, looked at, and committed; a test run never writes one unasked.
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, PNG.sync.write(ours));
      else if (!existsSync(file)) {
        throw new Error(
          `no golden ${name}.png: make it with UPDATE_GOLDEN=1 npx vitest run test/figures.test.ts, look at it, commit it`,
        );
      }
      const expected = PNG.sync.read(readFileSync(file));
      expect([ours.width, ours.height]).toEqual([expected.width, expected.height]);
      expect(differing(ours, expected)).toBeLessThanOrEqual(BUDGET * ours.width * ours.height);
    });
  }

  it('catches a figure moved by 2 px', () => {
    const expected = PNG.sync.read(readFileSync(new URL('overlay-relu-gelu-silu.png', golden)));
    const moved = new PNG({ width: expected.width, height: expected.height });
    moved.data.fill(255);
    PNG.bitblt(expected, moved, 0, 0, expected.width - 2, expected.height, 2, 0);
    expect(differing(moved, expected)).toBeGreaterThan(BUDGET * expected.width * expected.height);
  });
});

function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** Pixels within a small distance of a colour: the solid middle of a curve of that colour. */
function countColor(image: PNG, hex: string): number {
  const [r, g, b] = rgb(hex);
  let n = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (
      Math.abs(image.data[i]! - r) + Math.abs(image.data[i + 1]! - g) + Math.abs(image.data[i + 2]! - b) <
      30
    )
      n++;
  }
  return n;
}

describe('what the figures show', () => {
  it('an overlay of three functions uses the first three tab10 colours', async () => {
    const image = await png(cases['overlay-relu-gelu-silu']!);
    for (const color of TAB10.slice(0, 3)) expect(countColor(image, color), color).toBeGreaterThan(300);
    expect(countColor(image, TAB10[3]!)).toBeLessThan(20);
  });

  it('a family of three alphas uses three tab10 colours, and --derivative adds visible curves', async () => {
    const plain = await png({ functions: [{ name: 'elu', params: { alpha: [0.5, 1, 2] } }] });
    const withDerivative = await png(cases['family-elu-derivative']!);
    for (const color of TAB10.slice(0, 3)) {
      expect(countColor(plain, color), color).toBeGreaterThan(300);
      expect(countColor(withDerivative, color), color).toBeGreaterThan(countColor(plain, color) + 100);
    }
  });

  it('a binary step sampled at 50 points jumps in a vertical line, not a slope', async () => {
    const image = await png(cases['step-50-samples']!);
    // Default range -5..5 → view -5.5..5.5 across x = 80..576; x = 0 is at pixel 328.
    const blueAt = (x: number, y: number) => {
      const i = 4 * (y * image.width + x);
      return image.data[i + 2]! - image.data[i]! > 60;
    };
    const column = (x: number) => [...Array(200).keys()].filter((k) => blueAt(x, 140 + k)).length;
    expect(column(328) + column(327) + column(329)).toBeGreaterThan(190); // the jump, top to bottom
    for (const x of [320, 324, 332, 336]) expect(column(x), `x=${x}`).toBeLessThan(3); // no slope beside it
  });

  it('--dpi 200 gives 1280x960 with everything scaled, like savefig', async () => {
    const image = await png({ functions: [{ name: 'elu' }], dpi: 200 });
    expect([image.width, image.height]).toEqual([1280, 960]);
    const small = await png({ functions: [{ name: 'elu' }] });
    // Twice the size in each direction: about twice the curve's pixels per unit length, four times in area.
    const ratio = countColor(image, TAB10[0]!) / countColor(small, TAB10[0]!);
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(5.5);
  });

  it('--transparent leaves the background transparent', async () => {
    const image = await png({ functions: [{ name: 'elu' }], transparent: true });
    expect(image.data[3]).toBe(0);
  });
});

describe('vector output', () => {
  it('PDF is a 460.8 x 345.6 pt page with no raster image, and the same bytes twice', async () => {
    const spec = plotSpec({ functions: [{ name: 'elu' }], from: -20, to: 20 });
    const bytes = await renderPlot(spec, 'pdf');
    // The page box, [x0 y0 x1 y1] (poppler reads it too: test/pdf-page.test.ts).
    const box = /\/MediaBox \[ ([\d. ]+) \]/.exec(bytes.toString('latin1'))![1]!.split(' ').map(Number);
    expect([box[2]! - box[0]!, box[3]! - box[1]!].map((v) => Number(v.toFixed(3)))).toEqual([460.8, 345.6]);
    expect(bytes.toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    expect(bytes.toString('latin1')).not.toMatch(/CreationDate/);
    expect((await renderPlot(spec, 'pdf')).equals(bytes)).toBe(true);
  });

  it('SVG is 460.8pt wide at any dpi, its viewBox the exact figure in pixels', async () => {
    // 72, 96 and 144 dpi make figures of no whole pixels (6.4 in x 96 = 614.4 px).
    for (const dpi of [100, 200, 72, 96, 144, 33.3]) {
      const svg = (await renderPlot(plotSpec({ functions: [{ name: 'relu' }], dpi }), 'svg')).toString();
      const box = [6.4 * dpi, 4.8 * dpi].map((v) => String(Number(v.toFixed(4))));
      expect(svg).toMatch(
        new RegExp(`<svg[^>]* width="460.8pt" height="345.6pt" viewBox="0 0 ${box[0]} ${box[1]}"`),
      );
      expect(svg).not.toContain('<image');
    }
  });

  it('PDF is 460.8 x 345.6 pt at any dpi', async () => {
    for (const dpi of [72, 96, 33.3]) {
      const bytes = await renderPlot(plotSpec({ functions: [{ name: 'relu' }], dpi }), 'pdf');
      const box = /\/MediaBox \[ ([\d. ]+) \]/.exec(bytes.toString('latin1'))![1]!.split(' ').map(Number);
      expect(
        [box[2]! - box[0]!, box[3]! - box[1]!].map((v) => Number(v.toFixed(3))),
        `${dpi} dpi`,
      ).toEqual([460.8, 345.6]);
    }
  });
});

describe('PNG size at a dpi that makes no whole pixels', () => {
  // Matplotlib's Agg canvas is int(figsize x dpi): the fraction of a pixel over is dropped
  // (sizes from Matplotlib 3.6: plt.figure(dpi=d).savefig(f, dpi=d)).
  const matplotlibSizes: [number, number, number][] = [
    [72, 460, 345],
    [96, 614, 460],
    [144, 921, 691],
    [33, 211, 158],
    [77, 492, 369],
  ];
  for (const [dpi, width, height] of matplotlibSizes) {
    it(`${dpi} dpi: ${width} x ${height}, as Matplotlib`, async () => {
      const image = await png({ functions: [{ name: 'elu' }], dpi });
      expect([image.width, image.height]).toEqual([width, height]);
    });
  }
});
