import { readFileSync } from 'node:fs';
import { createCanvas } from 'canvas';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../src/figure/png.js';
import { renderPlot } from '../src/figure/render.js';
import { plotSpec } from '../src/plot-spec.js';

/** A small canvas with opaque and, optionally, half-transparent paint. */
function painted(transparent: boolean) {
  const canvas = createCanvas(37, 23);
  const ctx = canvas.getContext('2d');
  if (!transparent) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 37, 23);
  }
  ctx.strokeStyle = '#1f77b4';
  ctx.lineWidth = 2.08;
  ctx.beginPath();
  ctx.moveTo(0, 20);
  ctx.lineTo(36, 1);
  ctx.stroke();
  ctx.fillStyle = 'rgba(214, 39, 40, 0.5)';
  ctx.fillRect(5, 5, 9, 9);
  return canvas;
}

describe('encodePng', () => {
  for (const transparent of [false, true]) {
    it(`decodes (with pngjs, an independent decoder) to the canvas's own pixels${transparent ? ', with alpha' : ''}`, () => {
      const canvas = painted(transparent);
      const decoded = PNG.sync.read(encodePng(canvas.toBuffer('raw'), 37, 23, { opaque: !transparent }));
      const expected = canvas.getContext('2d').getImageData(0, 0, 37, 23).data;
      expect([decoded.width, decoded.height]).toEqual([37, 23]);
      // getImageData un-premultiplies with its own rounding; allow one level of difference.
      let worst = 0;
      for (let i = 0; i < expected.length; i++)
        worst = Math.max(worst, Math.abs(decoded.data[i]! - expected[i]!));
      expect(worst).toBeLessThanOrEqual(1);
    });
  }

  it('gives the same pixels on the opaque fast path as on the general one', () => {
    const canvas = painted(false);
    const fast = PNG.sync.read(encodePng(canvas.toBuffer('raw'), 37, 23, { opaque: true }));
    const general = PNG.sync.read(encodePng(canvas.toBuffer('raw'), 37, 23, { opaque: false }));
    expect(Buffer.compare(fast.data, general.data)).toBe(0);
  });
});

/** The pHYs chunk of a PNG: [pixels per metre x, y, unit], or undefined. */
function physicalSize(png: Buffer): [number, number, number] | undefined {
  for (let i = 8; i < png.length;) {
    const length = png.readUInt32BE(i);
    if (png.toString('latin1', i + 4, i + 8) === 'pHYs')
      return [png.readUInt32BE(i + 8), png.readUInt32BE(i + 12), png[i + 16]!];
    i += 12 + length;
  }
  return undefined;
}

describe('the dpi in the file', () => {
  it("writes pHYs as Matplotlib's savefig does (its own PNGs at 50 and 100 dpi)", () => {
    const canvas = painted(false);
    for (const [dpi, file] of [
      [50, 'dpi50-mish-silu-gelu.png'],
      [100, 'elu_-20_20.png'],
    ] as const) {
      const theirs = physicalSize(readFileSync(new URL(`../fixtures/matplotlib/${file}`, import.meta.url)));
      expect(
        physicalSize(encodePng(canvas.toBuffer('raw'), 37, 23, { opaque: true, dpi })),
        `${dpi} dpi`,
      ).toEqual(theirs);
    }
  });

  it('`activ plot elu --dpi 200` writes a PNG that says 200 dpi', async () => {
    const png = await renderPlot(plotSpec({ functions: [{ name: 'elu' }], dpi: 200 }), 'png');
    const [x, y, unit] = physicalSize(png)!;
    expect(unit).toBe(1); // metres
    expect([Math.round(x * 0.0254), Math.round(y * 0.0254)]).toEqual([200, 200]);
    expect(PNG.sync.read(png).width).toBe(1280); // and decodes
  });
});
