/**
 * PNG encoding of a Cairo canvas, done here rather than with canvas.toBuffer('image/png'):
 * node-canvas hands every pixel through libpng with all filters tried, which costs more than
 * drawing the figure (15 ms of a 25 ms figure). Figures are mostly flat colour, so one cheap
 * filter (Up) and Node's own zlib do as well on size at a third of the time, and an opaque figure
 * is written as RGB. pngjs and fast-png were measured slower (JS filtering, or pako).
 */
import { constants, crc32, deflateSync } from 'node:zlib';

/** Rows of RGB bytes, each prefixed with filter type 2 (Up), straight from BGRA bytes. */
function upFilteredRgb(raw: Buffer, width: number, height: number): Buffer {
  const stride = width * 3;
  const rows = Buffer.allocUnsafe(height * (stride + 1));
  const above = width * 4;
  let o = 0;
  for (let y = 0; y < height; y++) {
    rows[o++] = 2;
    const rowStart = y * above;
    if (y === 0) {
      for (let p = rowStart, end = rowStart + above; p < end; p += 4) {
        rows[o++] = raw[p + 2]!;
        rows[o++] = raw[p + 1]!;
        rows[o++] = raw[p]!;
      }
    } else {
      for (let p = rowStart, end = rowStart + above; p < end; p += 4) {
        const q = p - above;
        rows[o++] = (raw[p + 2]! - raw[q + 2]!) & 0xff;
        rows[o++] = (raw[p + 1]! - raw[q + 1]!) & 0xff;
        rows[o++] = (raw[p]! - raw[q]!) & 0xff;
      }
    }
  }
  return rows;
}

/** Rows of un-premultiplied RGBA bytes, Up-filtered, for figures with transparency. */
function upFilteredRgba(pixels: Uint32Array, width: number, height: number): Buffer {
  const stride = width * 4;
  const rows = Buffer.allocUnsafe(height * (stride + 1));
  const line = Buffer.allocUnsafe(stride);
  const previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    let o = 0;
    for (let x = 0, p = y * width; x < width; x++, p++) {
      const v = pixels[p]!;
      const a = v >>> 24;
      let r = (v >>> 16) & 0xff;
      let g = (v >>> 8) & 0xff;
      let b = v & 0xff;
      if (a !== 0xff && a !== 0) {
        r = Math.min(255, Math.round((r * 255) / a));
        g = Math.min(255, Math.round((g * 255) / a));
        b = Math.min(255, Math.round((b * 255) / a));
      }
      line[o++] = r;
      line[o++] = g;
      line[o++] = b;
      line[o++] = a;
    }
    const start = y * (stride + 1);
    rows[start] = 2;
    for (let i = 0; i < stride; i++) rows[start + 1 + i] = (line[i]! - previous[i]!) & 0xff;
    line.copy(previous);
  }
  return rows;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * A PNG file from Cairo's raw ARGB32 pixels (native little-endian: B, G, R, A bytes, alpha
 * premultiplied), `width` x `height`.
 */
export function encodePng(raw: Buffer, width: number, height: number, level = 6, strategy: number = constants.Z_RLE): Buffer {
  const pixels = new Uint32Array(raw.buffer, raw.byteOffset, width * height);
  let opaque = true;
  for (let i = 0; i < pixels.length; i++) {
    if (pixels[i]! >>> 24 !== 0xff) {
      opaque = false;
      break;
    }
  }
  const rows = opaque ? upFilteredRgb(raw, width, height) : upFilteredRgba(pixels, width, height);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = opaque ? 2 : 6; // RGB or RGBA
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level, strategy })), chunk('IEND', Buffer.alloc(0))]);
}
