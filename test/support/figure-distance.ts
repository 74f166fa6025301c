/**
 * A Chamfer measure between two figures, so the test suite can hold activ's figures against
 * Matplotlib's committed ones without Python: split each
 * image into "curve" pixels (tinted towards tab:blue) and "ink" pixels (dark: spines, ticks,
 * text), then take the Chamfer distance between the two images' masks, both ways.
 */
import { createCanvas, loadImage } from 'canvas';

export interface Masks {
  readonly width: number;
  readonly height: number;
  readonly curve: Uint8Array;
  readonly ink: Uint8Array;
}

export async function masksOf(png: Buffer): Promise<Masks> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  const n = image.width * image.height;
  const curve = new Uint8Array(n);
  const ink = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const [r, g, b] = [data[4 * i]!, data[4 * i + 1]!, data[4 * i + 2]!];
    // tab:blue over white: b − r = 149 × coverage (the compare tool's threshold)
    curve[i] = (b - r) / 149 > 0.35 ? 1 : 0;
    ink[i] = (r + g + b) / 3 < 170 && !curve[i] ? 1 : 0;
  }
  return { width: image.width, height: image.height, curve, ink };
}

/** 1-D squared distance transform (Felzenszwalb & Huttenlocher, 2012). */
function transform1d(f: Float64Array, n: number, d: Float64Array, v: Int32Array, z: Float64Array): void {
  let k = 0;
  v[0] = 0;
  z[0] = -Infinity;
  z[1] = Infinity;
  for (let q = 1; q < n; q++) {
    let s: number;
    for (;;) {
      const p = v[k]!;
      s = (f[q]! + q * q - (f[p]! + p * p)) / (2 * q - 2 * p);
      if (s <= z[k]! && k > 0) k--;
      else break;
    }
    if (s <= z[k]!) {
      // only possible for k = 0 with an infinite f[p]; replace it
      v[0] = q;
      z[0] = -Infinity;
      z[1] = Infinity;
      k = 0;
      continue;
    }
    k++;
    v[k] = q;
    z[k] = s;
    z[k + 1] = Infinity;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (z[k + 1]! < q) k++;
    const p = v[k]!;
    d[q] = (q - p) * (q - p) + f[p]!;
  }
}

/** Euclidean distance from every pixel to the nearest set pixel of `mask`. */
export function distanceTransform(mask: Uint8Array, width: number, height: number): Float64Array {
  const big = 1e20;
  const grid = new Float64Array(width * height);
  for (let i = 0; i < grid.length; i++) grid[i] = mask[i] ? 0 : big;
  const size = Math.max(width, height);
  const f = new Float64Array(size);
  const d = new Float64Array(size);
  const v = new Int32Array(size);
  const z = new Float64Array(size + 1);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) f[y] = grid[y * width + x]!;
    transform1d(f, height, d, v, z);
    for (let y = 0; y < height; y++) grid[y * width + x] = d[y]!;
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) f[x] = grid[y * width + x]!;
    transform1d(f, width, d, v, z);
    for (let x = 0; x < width; x++) grid[y * width + x] = Math.sqrt(d[x]!);
  }
  return grid;
}

export interface Distance {
  readonly mean: number;
  readonly p95: number;
}

/** Chamfer distance between two masks, both ways: mean and 95th percentile, in pixels. */
export function chamfer(a: Uint8Array, b: Uint8Array, width: number, height: number): Distance {
  const toB = distanceTransform(b, width, height);
  const toA = distanceTransform(a, width, height);
  const distances: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i]) distances.push(toB[i]!);
    if (b[i]) distances.push(toA[i]!);
  }
  if (distances.length === 0 || !a.includes(1) || !b.includes(1)) return { mean: Infinity, p95: Infinity };
  distances.sort((x, y) => x - y);
  const mean = distances.reduce((s, x) => s + x, 0) / distances.length;
  // numpy.percentile's default linear interpolation
  const rank = 0.95 * (distances.length - 1);
  const lo = Math.floor(rank);
  const p95 =
    distances[lo]! + (distances[Math.min(lo + 1, distances.length - 1)]! - distances[lo]!) * (rank - lo);
  return { mean, p95 };
}

/** tab10, Matplotlib's axes.prop_cycle, by the names of its tab: colours. */
export const TAB10: readonly { readonly name: string; readonly rgb: readonly [number, number, number] }[] = [
  { name: 'blue', rgb: [31, 119, 180] },
  { name: 'orange', rgb: [255, 127, 14] },
  { name: 'green', rgb: [44, 160, 44] },
  { name: 'red', rgb: [214, 39, 40] },
  { name: 'purple', rgb: [148, 103, 189] },
  { name: 'brown', rgb: [140, 86, 75] },
  { name: 'pink', rgb: [227, 119, 194] },
  { name: 'gray', rgb: [127, 127, 127] },
  { name: 'olive', rgb: [188, 189, 34] },
  { name: 'cyan', rgb: [23, 190, 207] },
];

export interface ColourDistance {
  readonly name: string;
  /** Mean Chamfer distance between the two images' pixels of this colour, in pixels. */
  readonly mean: number;
  /** This image's pixels of the colour over the reference's. */
  readonly inkRatio: number;
}

/**
 * compare-colours' measure: for each of the first `k` tab10 colours, the pixels within 40 (RGB
 * distance) of it in each image, compared by Chamfer distance both ways, and their count ratio.
 * Colours the reference shows on fewer than 30 pixels are skipped, as the tool does.
 */
export async function colourDistances(ours: Buffer, reference: Buffer, k: number): Promise<ColourDistance[]> {
  const [a, b] = await Promise.all([rgbOf(ours), rgbOf(reference)]);
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`sizes differ: ${a.width}x${a.height} vs ${b.width}x${b.height}`);
  const out: ColourDistance[] = [];
  for (const { name, rgb } of TAB10.slice(0, k)) {
    const ma = colourMask(a.data, rgb);
    const mb = colourMask(b.data, rgb);
    const countB = mb.reduce((s, v) => s + v, 0);
    if (countB < 30) continue;
    const countA = ma.reduce((s, v) => s + v, 0);
    const mean = countA === 0 ? Infinity : chamfer(ma, mb, a.width, a.height).mean;
    out.push({ name, mean, inkRatio: countA / countB });
  }
  return out;
}

async function rgbOf(png: Buffer): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

function colourMask(data: Uint8ClampedArray, [r, g, b]: readonly [number, number, number]): Uint8Array {
  const mask = new Uint8Array(data.length / 4);
  for (let i = 0; i < mask.length; i++) {
    const [dr, dg, db] = [data[4 * i]! - r, data[4 * i + 1]! - g, data[4 * i + 2]! - b];
    mask[i] = Math.sqrt(dr * dr + dg * dg + db * db) < 40 ? 1 : 0;
  }
  return mask;
}
