/**
 * A gallery's contact sheet as a page: every figure's PNG as a tile that links to the figure's
 * interactive page beside it. Plain HTML and CSS, no script; it refers only to files in its own
 * folder.
 */
export interface SheetEntry {
  /** The figure's PNG and its interactive page, as names in the gallery's folder. */
  readonly png: string;
  readonly page: string;
  /** What the tile says under the figure, e.g. "elu". */
  readonly caption: string;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE =
  'body{margin:0;padding:16px 20px;font:14px/1.4 system-ui,sans-serif;color:#1a1a1a;background:#fff}' +
  'h1{font-size:18px;margin:0 0 12px}' +
  'ul{list-style:none;margin:0;padding:0;display:grid;' +
  'grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px}' +
  'a{display:block;color:inherit;text-decoration:none;border:1px solid #d0d0d0;border-radius:4px;padding:6px}' +
  'a:hover,a:focus-visible{border-color:#1f77b4;outline:2px solid ' +
  '#1f77b4}img{display:block;width:100%;height:auto}span{display:block;margin-top:4px}';

/** index.html for a gallery folder. */
export function contactSheet(title: string, entries: readonly SheetEntry[]): string {
  const tiles = entries
    .map(
      (e) =>
        `<li><a href="${escapeHtml(encodeURI(e.page))}"><img src="${escapeHtml(encodeURI(e.png))}" alt="${escapeHtml(`${e.caption}, the figure`)}"><span>${escapeHtml(e.caption)}</span></a></li>`,
    )
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    '<p>Each figure opens as an interactive page: values under the pointer, parameters, zoom.</p>',
    `<ul>\n${tiles}\n</ul>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
