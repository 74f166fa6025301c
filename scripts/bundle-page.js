#!/usr/bin/env node
// Builds what an interactive HTML figure carries into dist/page/, after tsc has checked src/:
//   page.js     src/html/page/main.ts with Chart.js, chartjs-plugin-zoom and activ's registry,
//               sampling and figure code, one minified IIFE for an inline <script>;
//   page.css    the page's style, minified;
//   font.woff2  DejaVu Sans cut down to the glyphs figures use;
//   notices.txt the copyright and licence notices of what page.js and the font hold.
// write-page.ts puts them into each .html file, so a page needs no network and no other file.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import subsetFont from 'subset-font';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/page');
const require = createRequire(import.meta.url);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// The glyphs a figure draws: tick labels (digits, U+2212 minus, e, +), names and labels in
// Latin-1, parameter symbols in Greek, primes, super- and subscripts, and the few mathematical
// signs titles use. Anything else a user's own title needs comes from the browser's fallback font.
const ranges = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x391, 0x3a9],
  [0x3b1, 0x3c9],
  [0x2010, 0x2027],
  [0x2032, 0x2034],
  [0x2070, 0x209c],
  [0x2190, 0x2193],
  [0x2202, 0x2202],
  [0x2211, 0x2212],
  [0x221a, 0x221a],
  [0x221e, 0x221e],
  [0x2248, 0x2248],
  [0x2260, 0x2265],
];
const glyphs = ranges
  .flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)))
  .join('');
const ttf = readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
// Without TrueType hinting: Matplotlib ignores it too (FreeType's autohinter, text.hinting
// 'force_autohint'), as do Chromium and Firefox on Linux with slight hinting; it halves the file.
writeFileSync(
  join(out, 'font.woff2'),
  await subsetFont(ttf, glyphs, { targetFormat: 'woff2', noHinting: true }),
);

/** Resolve `node:module` to the page's own createRequire (see src/html/page/node-module.ts). */
const browserNodeModule = {
  name: 'browser-node-module',
  setup(builder) {
    builder.onResolve({ filter: /^node:module$/ }, () => ({
      path: join(root, 'src/html/page/node-module.ts'),
    }));
  },
};

const result = await build({
  entryPoints: [join(root, 'src/html/page/main.ts')],
  outfile: join(out, 'page.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  // Licence comments are gathered into notices.txt, without the web addresses they carry.
  legalComments: 'none',
  metafile: true,
  // The registry hands import.meta.url to createRequire, which the page's stand-in ignores.
  define: { 'import.meta.url': '"about:blank"' },
  plugins: [browserNodeModule],
  logLevel: 'warning',
});
const code = readFileSync(join(out, 'page.js'), 'utf8');
// Inside an inline <script>, these would end the element or change how the HTML parser reads it.
if (/<\/script|<!--/i.test(code))
  throw new Error('page.js holds text that would break out of an inline <script>');
await build({
  entryPoints: [join(root, 'src/html/page/page.css')],
  outfile: join(out, 'page.css'),
  bundle: true,
  minify: true,
  logLevel: 'warning',
});

// Every package with code in page.js, and the font, with its licence.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) packages.add(match[1]);
}
packages.add('dejavu-fonts-ttf');
const notices = [...packages].sort().map((name) => {
  const dir = join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license']
    .map((f) => join(dir, f))
    .find((f) => {
      try {
        readFileSync(f);
        return true;
      } catch {
        return false;
      }
    });
  if (!file) throw new Error(`${name} has no licence file to carry into the page`);
  return `${name} ${pkg.version} (${pkg.license})\n\n${readFileSync(file, 'utf8').trim()}`;
});
// A page names no web address (its tests hold it to that): an address in a notice (jsep's
// copyright line has one) keeps its host and path and loses its scheme, the notice its words.
const text =
  `This page contains activ's code and, bundled with it:\n\n${notices.join('\n\n----\n\n')}\n`.replace(
    /https?:\/\//g,
    '',
  );
if (/https?:/.test(text) || text.includes('*/'))
  throw new Error('a licence notice would put a web address or a comment end into the page');
writeFileSync(join(out, 'notices.txt'), text);
