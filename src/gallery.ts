import { join } from 'node:path';
import { catalog } from './activations/catalog.js';
import { makeFolder, writeOutputFile } from './output-file.js';
import { plotSpec, type PlotRequest } from './plot-spec.js';

export interface GalleryItem {
  readonly file: string;
  readonly request: PlotRequest;
}

/** The article's six figures, each over −20..20 as it shows them. */
export function articleFigures(): GalleryItem[] {
  const six: [string, Record<string, number>][] = [
    ['softmax', {}],
    ['softsign', {}],
    ['softplus', {}],
    ['elu', { alpha: 1 }],
    ['prelu', { alpha: 0.05 }],
    ['binary_step', {}],
  ];
  return six.map(([name, params]) => ({
    file: `${name}.png`,
    request: { functions: [{ name, params }], from: -20, to: 20 },
  }));
}

/** One titled figure per catalog entry, over its own range with its defaults. */
export function catalogFigures(): GalleryItem[] {
  return catalog.map((a) => ({
    file: `${a.name}.png`,
    request: { functions: [{ name: a.name }], title: true },
  }));
}

const TILE = { width: 400, height: 300, columns: 5 };

/**
 * Render every item into `dir` (created if missing), and, unless `contactSheet` is false, an
 * index.png contact sheet with every figure as a titled tile. With `html`, each figure also gets
 * its interactive page (elu.html beside elu.png), and the contact sheet an index.html whose tiles
 * link to them. Returns the paths written.
 */
export async function writeGallery(
  dir: string,
  items: readonly GalleryItem[],
  contactSheet: boolean,
  html = false,
): Promise<string[]> {
  makeFolder(dir);
  const { renderPlot } = await import('./figure/render.js');
  const pages = html ? await import('./html/gallery-pages.js') : undefined;
  const written: string[] = [];
  const images: Buffer[] = [];
  for (const item of items) {
    const bytes = await renderPlot(plotSpec(item.request), 'png');
    const path = join(dir, item.file);
    await writeOutputFile(path, bytes);
    written.push(path);
    images.push(bytes);
    if (pages) written.push(await pages.writeFigurePage(dir, item));
  }
  if (contactSheet) {
    const path = join(dir, 'index.png');
    await writeOutputFile(path, await contactSheetOf(images));
    written.push(path);
    if (pages) written.push(await pages.writeContactSheet(dir, items));
  }
  return written;
}

/** The figures side by side, scaled down into a grid of tiles on white. */
async function contactSheetOf(images: readonly Buffer[]): Promise<Buffer> {
  const { createCanvas, loadImage } = await import('canvas');
  const rows = Math.ceil(images.length / TILE.columns);
  const canvas = createCanvas(TILE.width * Math.min(TILE.columns, images.length), TILE.height * rows);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.quality = 'best';
  for (const [i, bytes] of images.entries()) {
    const image = await loadImage(bytes);
    ctx.drawImage(
      image,
      (i % TILE.columns) * TILE.width,
      Math.floor(i / TILE.columns) * TILE.height,
      TILE.width,
      TILE.height,
    );
  }
  return canvas.toBuffer('image/png');
}
