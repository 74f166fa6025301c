/**
 * The interactive figure as one self-contained HTML file: the page's code, style and font (built
 * into dist/page/ by scripts/bundle-page.js) and the plot request, all inline. The page loads
 * nothing: its Content-Security-Policy allows no address at all, only its own inline script and
 * style (by hash) and data: fonts and images, so the browser itself guarantees it stays offline.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { EnvironmentError } from '../errors.js';
import type { PlotRequest } from '../plot-spec.js';

interface Assets {
  readonly script: string;
  readonly style: string;
  /** The font subset, base64. */
  readonly font: string;
  readonly notices: string;
}

let loaded: Assets | undefined;

/**
 * The built page assets. The compiled module sits in dist/html/ or in the CLI bundle's
 * dist/bundle/, both beside dist/page/; run from src/ (the tests), they are in ../../dist/page/.
 */
function assets(): Assets {
  if (loaded) return loaded;
  for (const folder of ['../page/', '../../dist/page/']) {
    const file = (name: string) => new URL(`${folder}${name}`, import.meta.url);
    try {
      loaded = {
        script: readFileSync(file('page.js'), 'utf8'),
        style: readFileSync(file('page.css'), 'utf8'),
        font: readFileSync(file('font.woff2')).toString('base64'),
        notices: readFileSync(file('notices.txt'), 'utf8'),
      };
      return loaded;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  throw new EnvironmentError("the interactive page's code is missing from dist/page; run 'npm run build'");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON that can sit inside a <script> element: no '<' can start a closing tag or a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** What the page needs of a request: where to write and in what format are this file's business. */
function pageRequest(request: PlotRequest & { output?: string }): PlotRequest {
  const { format: _format, output: _output, ...rest } = request;
  return rest;
}

/** The HTML file for a checked plot request (plotSpec has accepted it). */
export function htmlPage(request: PlotRequest & { output?: string }): string {
  const { script, style, font, notices } = assets();
  const data = scriptJson({ request: pageRequest(request), font });
  const code = `/*\n${notices}*/\n${script}`;
  const names = [...new Set(request.functions.map((f) => f.name))].join(', ');
  const policy = [
    `default-src 'none'`,
    `script-src ${sha256(code)}`,
    `style-src ${sha256(style)}`,
    'font-src data:',
    'img-src data: blob:',
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="activ">',
    `<title>${escapeHtml(`activ: ${names}`)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    `<noscript><p>This page draws its figure with JavaScript, which is off. activ plot writes the same figure as PNG, SVG or PDF.</p></noscript>`,
    `<script type="application/json" id="activ-data">${data}</script>`,
    `<script>${code}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
