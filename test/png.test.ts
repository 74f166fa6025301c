import { createCanvas } from 'canvas';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../src/figure/png.js';

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
      for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(decoded.data[i]! - expected[i]!));
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
