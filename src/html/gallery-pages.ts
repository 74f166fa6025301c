/** The interactive side of `activ gallery --html`: a page per figure and a linking contact sheet. */
import { join } from 'node:path';
import type { PlotRequest } from '../plot-spec.js';

/** A gallery figure: its PNG's file name and what it draws (gallery.ts's items). */
interface GalleryItem {
  readonly file: string;
  readonly request: PlotRequest;
}
import { writeOutputFile } from '../output-file.js';
import { contactSheet } from './contact-sheet.js';
import { htmlPage } from './write-page.js';

const pageName = (item: GalleryItem) => item.file.replace(/\.png$/, '.html');

/** The item's page beside its PNG; returns its path. */
export async function writeFigurePage(dir: string, item: GalleryItem): Promise<string> {
  const path = join(dir, pageName(item));
  await writeOutputFile(path, htmlPage(item.request));
  return path;
}

/** index.html, every figure a tile linking to its page; returns its path. */
export async function writeContactSheet(dir: string, items: readonly GalleryItem[]): Promise<string> {
  const path = join(dir, 'index.html');
  const entries = items.map((item) => ({
    png: item.file,
    page: pageName(item),
    caption: item.file.replace(/\.png$/, ''),
  }));
  await writeOutputFile(path, contactSheet('activ gallery', entries));
  return path;
}
