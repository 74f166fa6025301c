/**
 * The interactive HTML figure in a real browser (Debian's chromium through playwright-core, see
 * support/browser.ts), offline. What the page shows is held against what the command line makes:
 * its canvas against `activ plot`'s PNG (pixelmatch at the golden-figure threshold and budget of
 * figures.test.ts, and the compare-colours measure), its readout against `activ eval`'s output,
 * its command line against the PNG that command writes.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { parse } from 'shell-quote';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../src/activations/catalog.js';
import { derivative, evaluate } from '../src/evaluation.js';
import { formatDouble } from '../src/number-text.js';
import {
  canvasPng,
  decodePng,
  launchBrowser,
  openPage,
  type Browser,
  type OpenPage,
} from './support/browser.js';
import { colourDistances } from './support/figure-distance.js';
import { activ, emptyFolder } from './support/run-cli.js';

/** The most a page may weigh: Chart.js, the zoom plugin, activ's code and the font, with room. */
const SIZE_BUDGET = 400 * 1024;
/**
 * Pixels beyond pixelmatch's 0.1 colour threshold (figures.test.ts's), as a share of the figure.
 * Looser than the golden figures' 0.2 %: the browser rasterises text with Skia, at fractional
 * advances where Cairo rounds each glyph's to whole pixels, so a label can sit a pixel off (a
 * title and a legend differed on 0.27 % of the pixels, all of them in text). Curves are held to
 * far less by the Chamfer measure in expectSameFigure.
 */
const PIXEL_BUDGET = 0.005;

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Run activ in a fresh folder; returns the folder. */
function made(args: string[]): string {
  const dir = emptyFolder();
  const run = activ(args, { cwd: dir });
  if (run.status !== 0) throw new Error(`activ ${args.join(' ')}: ${run.stderr}`);
  return dir;
}

/** The PNG `activ plot ARGS` writes. */
function cliPng(args: string[]): Buffer {
  return readFileSync(join(made([...args, '-o', 'figure.png']), 'figure.png'));
}

/** Pixels of two PNGs of one size that differ beyond the colour threshold. */
function differing(a: Buffer, b: Buffer): number {
  const [pa, pb] = [decodePng(a), decodePng(b)];
  expect([pa.width, pa.height]).toEqual([pb.width, pb.height]);
  return pixelmatch(pa.data, pb.data, undefined, pa.width, pa.height, { threshold: 0.1 });
}

/**
 * The page's canvas and activ's PNG show the same figure: each of the first `colours` tab10
 * curves lies where the PNG has it (compare-colours: mean Chamfer distance under a quarter pixel,
 * as much ink within 5 %), and all the rest differs on at most PIXEL_BUDGET of the pixels.
 */
async function expectSameFigure(ours: Buffer, reference: Buffer, colours: number): Promise<void> {
  const { width, height } = decodePng(reference);
  expect(differing(ours, reference)).toBeLessThanOrEqual(PIXEL_BUDGET * width * height);
  const distances = colours === 0 ? [] : await colourDistances(ours, reference, colours);
  expect(distances).toHaveLength(colours);
  for (const c of distances) {
    expect(c.mean, c.name).toBeLessThan(0.25);
    expect(c.inkRatio, c.name).toBeGreaterThan(0.95);
    expect(c.inkRatio, c.name).toBeLessThan(1.05);
  }
}

/** Open the page `activ plot ARGS -o page.html` writes. */
async function pageOf(args: string[]): Promise<OpenPage & { file: string }> {
  const file = join(made(['plot', ...args, '-o', 'page.html']), 'page.html');
  return { file, ...(await openPage(browser!, file)) };
}

/** The engine's transcendental functions; +, −, ×, ÷ and sqrt are correctly rounded everywhere. */
const LIBM = [
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'sin',
  'cos',
  'tan',
  'tanh',
  'sinh',
  'cosh',
  'asinh',
  'acosh',
  'atanh',
  'atan',
  'atan2',
  'pow',
  'cbrt',
  'hypot',
] as const;

/** Run `compute` and list the Math calls it made to the engine's transcendental functions. */
function withMathCalls(compute: () => number): { value: number; calls: [string, number[]][] } {
  const calls: [string, number[]][] = [];
  const math = Math as unknown as Record<string, (...a: number[]) => number>;
  const originals = LIBM.map((name) => math[name]!);
  LIBM.forEach((name, i) => {
    math[name] = (...args: number[]) => {
      calls.push([name, args]);
      return originals[i]!(...args);
    };
  });
  try {
    return { value: compute(), calls };
  } finally {
    LIBM.forEach((name, i) => (math[name] = originals[i]!));
  }
}

/** How many doubles lie between a and b (0 for the same value; NaN and ±0 compare as themselves). */
function ulpsApart(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const bits = (v: number) => {
    const n = new DataView(new Float64Array([v]).buffer).getBigInt64(0, true);
    return n < 0n ? -(n & 0x7fffffffffffffffn) : n;
  };
  const d = bits(a) - bits(b);
  return Number(d < 0n ? -d : d);
}

/** The readout table's rows as [curve, f(x), f′(x)]. */
async function readoutRows(page: Page): Promise<string[][]> {
  return page
    .locator('table.readout tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent)));
}

const command = (page: Page) => page.locator('#command').innerText();

/** The PNG of a command line as the page shows it, run through the real CLI. */
function pngOfCommand(line: string): Buffer {
  const words = parse(line).map(String);
  expect(words.slice(0, 2)).toEqual(['activ', 'plot']);
  return cliPng(words.slice(1));
}

/**
 * A canvas x inside the pixel column of a data x, for a figure at the default size whose x view
 * is lo..hi (the axes run from pixel 80 to 576), clear of the column's edges.
 */
const columnOf = (x: number, lo: number, hi: number) => Math.floor(80 + ((x - lo) / (hi - lo)) * 496) + 0.25;

describe('activ plot elu gelu --alpha 0.5,1 -o f.html', () => {
  let opened: OpenPage & { file: string };
  beforeAll(async () => {
    opened = await pageOf(['elu', 'gelu', '--alpha', '0.5,1']);
  });

  it('writes one file, under the size budget, with no http: or https: reference', () => {
    const dir = join(opened.file, '..');
    expect(readdirSync(dir)).toEqual(['page.html']);
    const html = readFileSync(opened.file, 'utf8');
    expect(html).not.toMatch(/https?:/i);
    expect(statSync(opened.file).size).toBeLessThan(SIZE_BUDGET);
    // The browser holds it to no network at all: nothing but its own inline code and data: fonts.
    expect(html).toContain(`content="default-src 'none';`);
  });

  it('renders offline, in the embedded font, with tab:blue and tab:orange where the PNG has them', async () => {
    const { page, requests, problems } = opened;
    expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
    expect(requests).toHaveLength(1);
    const fonts = await page.evaluate(() => [...document.fonts].map((f) => `${f.family} ${f.status}`));
    expect(fonts).toEqual(['DejaVu Sans loaded']);
    const ours = await canvasPng(page);
    const reference = cliPng(['plot', 'elu', 'gelu', '--alpha', '0.5,1']);
    await expectSameFigure(ours, reference, 3);
    expect((await colourDistances(ours, reference, 3)).map((c) => c.name)).toEqual([
      'blue',
      'orange',
      'green',
    ]);
    expect(problems).toEqual([]);
  });

  it('shows under the pointer at x = −1 exactly what activ eval prints', async () => {
    const { page, problems } = opened;
    const box = (await page.locator('#figure').boundingBox())!;
    await page.mouse.move(box.x + columnOf(-1, -5.5, 5.5), box.y + 200);
    expect(await page.locator('#readout-x').inputValue()).toBe('-1');
    const evalOut = (args: string[]) =>
      activ(['eval', ...args, '--', '-1'])
        .stdout.toString()
        .trim();
    expect(await readoutRows(page)).toEqual([
      [
        'elu (α = 0.5)',
        evalOut(['elu', '--alpha', '0.5']),
        evalOut(['elu', '--alpha', '0.5', '--derivative']),
      ],
      ['elu (α = 1)', evalOut(['elu', '--alpha', '1']), evalOut(['elu', '--alpha', '1', '--derivative'])],
      ['gelu (approx = none)', evalOut(['gelu']), evalOut(['gelu', '--derivative'])],
    ]);
    expect(evalOut(['elu', '--alpha', '0.5'])).toBe('-0.31606027941427883');
    expect(problems).toEqual([]);
  });

  it('has the command line that draws it', async () => {
    expect(await command(opened.page)).toBe('activ plot elu gelu --range -5..5 --alpha 0.5,1');
  });

  it('redraws a hidden curve away and says how to draw the rest', async () => {
    const { page, problems } = opened;
    await page.getByRole('checkbox', { name: 'show gelu (approx = none)' }).uncheck();
    expect(await command(page)).toBe('activ plot elu --range -5..5 --alpha 0.5,1');
    await expectSameFigure(await canvasPng(page), pngOfCommand(await command(page)), 2);
    // f′ of one curve only: drawn, but no single command does that, and the page says so.
    await page.getByRole('checkbox', { name: 'show the derivative of elu (α = 1)' }).check();
    expect(await command(page)).toBe('');
    expect(await page.locator('#command-note').innerText()).toMatch(
      /^No single activ plot command draws this view: one command draws f′ for every curve or for none/,
    );
    expect(await page.locator('#copy-command').isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'show the derivative of elu (α = 0.5)' }).check();
    expect(await command(page)).toBe('activ plot elu --derivative --range -5..5 --alpha 0.5,1');
    await expectSameFigure(await canvasPng(page), pngOfCommand(await command(page)), 2);
    expect(problems).toEqual([]);
  });
});

describe('a parameter slider', () => {
  it('dragged to α = 2 redraws ELU as activ plot elu --alpha 2 does', async () => {
    const { page, problems } = await pageOf(['elu', '--alpha', '0.5']);
    const slider = page.getByRole('slider', { name: 'elu α' });
    const [min, max] = (await slider.evaluate((s: HTMLInputElement) => [s.min, s.max])).map(Number) as [
      number,
      number,
    ];
    const box = (await slider.boundingBox())!;
    // Chromium's thumb is about 16 px wide: its centre runs from 8 px to width − 8 px.
    const at = (v: number) => box.x + 8 + ((v - min) / (max - min)) * (box.width - 16);
    await page.mouse.move(at(0.5), box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(at(2), box.y + box.height / 2, { steps: 12 });
    await page.mouse.up();
    const dragged = Number(await slider.inputValue());
    expect(Math.abs(dragged - 2)).toBeLessThan(0.1);
    // The last hundredths with the arrow keys, as a person would.
    await slider.focus();
    for (let i = 0; i < 20 && (await slider.inputValue()) !== '2'; i++)
      await page.keyboard.press(dragged < 2 ? 'ArrowRight' : 'ArrowLeft');
    expect(await slider.inputValue()).toBe('2');
    expect(await page.getByRole('textbox', { name: 'elu α, exact value' }).inputValue()).toBe('2');
    await page.waitForFunction(() => document.querySelector('#command')?.textContent.includes('--alpha 2'));
    expect(await command(page)).toBe('activ plot elu --range -5..5 --alpha 2');
    const ours = await canvasPng(page);
    await expectSameFigure(ours, cliPng(['plot', 'elu', '--alpha', '2']), 1);
    // The measure tells the curves apart: the figure before the drag is pixels away.
    const [before] = await colourDistances(ours, cliPng(['plot', 'elu', '--alpha', '0.5']), 1);
    expect(before!.mean).toBeGreaterThan(2);
    expect(problems).toEqual([]);
  });

  it('refuses a value the registry does not allow, and says why', async () => {
    const { page, problems } = await pageOf(['softplus', '--beta', '2']);
    const box = page.getByRole('textbox', { name: 'softplus β, exact value' });
    await box.fill('-1');
    await box.press('Enter');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.param .error').innerText()).toBe('--beta must be > 0 for softplus, not -1');
    expect(await command(page)).toBe('activ plot softplus --range -5..5 --beta 2');
    expect(problems).toEqual([]);
  });
});

describe('zoom, pan, range and reset', () => {
  it('re-samples a zoomed view, as the copied command line draws it', async () => {
    const { page, problems } = await pageOf(['relu', 'hardtanh', '--range', '-3..3', '--samples', '50']);
    const figure = page.locator('#figure');
    await figure.focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('Shift+ArrowLeft');
    const line = await command(page);
    expect(line).toMatch(/^activ plot relu hardtanh --xlim \S+ --ylim \S+ --samples 50$/);
    // Re-sampled, not stretched: 50 samples over the new view, the corners at 0 and 1 exact.
    await expectSameFigure(await canvasPng(page), pngOfCommand(line), 2);
    // The copy button puts exactly that line on the clipboard.
    await page.getByRole('button', { name: 'Copy' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(line);
    await page.getByRole('button', { name: 'Reset view' }).click();
    expect(await command(page)).toBe('activ plot relu hardtanh --range -3..3 --samples 50');
    await expectSameFigure(
      await canvasPng(page),
      cliPng(['plot', 'relu', 'hardtanh', '--range', '-3..3', '--samples', '50']),
      2,
    );
    expect(problems).toEqual([]);
  });

  it('zooms with the wheel and pans by dragging', async () => {
    const { page, problems } = await pageOf(['tanh']);
    const box = (await page.locator('#figure').boundingBox())!;
    await page.mouse.move(box.x + 328, box.y + 240);
    await page.mouse.wheel(0, -200);
    // Wheel events reach the page on their own schedule: wait for the view to change.
    await page.waitForFunction(() => document.querySelector('#command')?.textContent.includes('--xlim'));
    const zoomed = await command(page);
    expect(zoomed).toMatch(/--xlim \S+ --ylim \S+/);
    await page.mouse.move(box.x + 300, box.y + 240);
    await page.mouse.down();
    await page.mouse.move(box.x + 400, box.y + 240, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(
      (before) => document.querySelector('#command')?.textContent !== before,
      zoomed,
    );
    const panned = await command(page);
    expect(panned).not.toBe(zoomed);
    const [lo, hi] = (/--xlim (\S+)\.\.(\S+)/.exec(panned) ?? []).slice(1).map(Number) as [number, number];
    const [zlo, zhi] = (/--xlim (\S+)\.\.(\S+)/.exec(zoomed) ?? []).slice(1).map(Number) as [number, number];
    // Dragging right shows what lies left: both ends move down by the same amount.
    expect(lo).toBeLessThan(zlo);
    expect(hi - lo).toBeCloseTo(zhi - zlo, 1);
    await expectSameFigure(await canvasPng(page), pngOfCommand(panned), 1);
    expect(problems).toEqual([]);
  });

  it('takes an x range typed as -20..20', async () => {
    const { page, problems } = await pageOf(['elu', '--alpha', '1']);
    const range = page.getByRole('textbox', { name: 'x range' });
    await range.fill('-20..20');
    await range.press('Enter');
    expect(await command(page)).toBe('activ plot elu --range -20..20 --alpha 1');
    await expectSameFigure(
      await canvasPng(page),
      cliPng(['plot', 'elu', '--alpha', '1', '--from', '-20', '--to', '20']),
      1,
    );
    await range.fill('5..1');
    await range.press('Enter');
    expect(await page.locator('.status').innerText()).toBe('the x range must go from low to high, not 5..1');
    expect(problems).toEqual([]);
  });
});

describe('the values read out', () => {
  it('equal activ eval to the last digit for every pointwise function, wherever the engines agree on Math', async () => {
    const pointwise = catalog.filter((a) => !a.overVector);
    const { page, problems } = await pageOf([
      ...pointwise.map((a) => a.name),
      '--range',
      '-5..5',
      '--samples',
      '20',
      '--no-legend',
    ]);
    const box = page.getByRole('textbox', { name: 'x', exact: true });
    let differ = 0;
    for (const x of [-3.75, -1, -1e-8, 0, 0.1, 0.5, 2.5, 7]) {
      await box.fill(String(x));
      await box.press('Enter');
      const rows = await readoutRows(page);
      expect(rows).toHaveLength(pointwise.length);
      for (const [i, activation] of pointwise.entries()) {
        for (const [column, quantity] of [
          [1, 'value'],
          [2, 'derivative'],
        ] as const) {
          // What `activ eval` prints (eval-command.ts: formatDouble of evaluate or derivative),
          // and the engine's own Math calls that computing it made.
          const { value, calls } = withMathCalls(
            () => (quantity === 'value' ? evaluate : derivative)(activation, [x])[0]!,
          );
          const shown = rows[i]![column]!;
          expect(formatDouble(Number(shown)), 'reads back').toBe(shown);
          // Chromium's Math.exp, log, sin, cos, atan... are correctly rounded where Node 20's
          // (fdlibm) may be one unit in the last place off; the page can only be as exact as
          // the engine it runs on. Where both engines agree on every call, it must match exactly.
          const theirs = await page.evaluate(
            (list) =>
              list.map(([f, args]) =>
                (Math as unknown as Record<string, (...a: number[]) => number>)[f]!(...args),
              ),
            calls,
          );
          const agree = calls.every(([f, args], k) =>
            Object.is(
              theirs[k],
              (Math as unknown as Record<string, (...a: number[]) => number>)[f]!(...args),
            ),
          );
          const where = `${activation.name} ${quantity} at ${x}`;
          if (agree) expect(shown, where).toBe(formatDouble(value));
          else {
            expect(ulpsApart(Number(shown), value), where).toBeLessThanOrEqual(4);
            if (shown !== formatDouble(value)) differ++;
          }
        }
      }
    }
    // The engines do differ on some of these (seen: exp(−3.75), sin(5)); were they to agree on all, every value would be compared exactly.
    expect(differ).toBeLessThan(pointwise.length * 2 * 8 * 0.25);
    expect(problems).toEqual([]);
  });

  it('take the nearest grid sample for softmax, whose values depend on the whole grid', async () => {
    const { page, problems } = await pageOf(['softmax', '--range', '-2..2', '--samples', '5']);
    const box = page.getByRole('textbox', { name: 'x', exact: true });
    await box.fill('0.9');
    await box.press('Enter');
    const [row] = await readoutRows(page);
    const table = activ([
      'table',
      'softmax',
      '--range',
      '-2..2',
      '--samples',
      '5',
      '--derivative',
    ]).stdout.toString();
    expect(table).toContain(`\n1,${row![1]},${row![2]}\n`);
    expect(row![0]).toBe('softmax (T = 1) at the sample x = 1');
    expect(problems).toEqual([]);
  });
});

describe('saving the view', () => {
  it('saves a PNG like activ plot writes, and an SVG with its own font that draws the same', async () => {
    const { page, problems } = await pageOf(['elu', 'gelu', '--alpha', '0.5,1', '--title']);
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save PNG' }).click(),
    ]);
    expect(pngDownload.suggestedFilename()).toBe('elu-gelu.png');
    const png = readFileSync(await pngDownload.path());
    const reference = cliPng(['plot', 'elu', 'gelu', '--alpha', '0.5,1', '--title']);
    await expectSameFigure(png, reference, 3);

    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save SVG' }).click(),
    ]);
    expect(svgDownload.suggestedFilename()).toBe('elu-gelu.svg');
    const svg = readFileSync(await svgDownload.path(), 'utf8');
    // activ's SVG size: 6.4 x 4.8 in, in points, over a 640 x 480 pixel view box.
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*width="460.8pt" height="345.6pt" viewBox="0 0 640 480"/,
    );
    expect(svg).toContain('@font-face{font-family:"DejaVu Sans";src:url(data:font/woff2;base64,');
    expect(svg).toContain('>ELU (α = 0.5, 1), GELU (approx = none)</text>');
    // Drawn by the browser from the file, it matches activ's PNG closely (unsnapped, as activ's SVG).
    const drawn = await page.evaluate(async (text) => {
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [640, 480];
      canvas.getContext('2d')!.drawImage(image, 0, 0, 640, 480);
      return canvas.toDataURL('image/png');
    }, svg);
    const colours = await colourDistances(
      Buffer.from(drawn.slice(drawn.indexOf(',') + 1), 'base64'),
      reference,
      3,
    );
    for (const c of colours) expect(c.mean, c.name).toBeLessThan(0.6);
    expect(problems).toEqual([]);
  });
});

describe('the page for everyone', () => {
  it('works from the keyboard alone', async () => {
    const { page, problems } = await pageOf(['elu', 'gelu', '--alpha', '0.5,1']);
    // Tab from the top reaches the figure first, then every control in order.
    const order: string[] = [];
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => {
          const e = document.activeElement as HTMLElement;
          return e.getAttribute('aria-label') || e.id || e.textContent || e.tagName;
        }),
      );
    }
    expect(order[0]).toBe('Figure: elu (α=0.5), elu (α=1), gelu');
    expect(order).toContain('readout-x');
    expect(order).toContain('elu α (value 1 of 2)');
    await page.locator('#figure').focus();
    await page.keyboard.press('ArrowRight');
    // The first key puts the readout in the middle of the axes: x = 0 there.
    expect(await page.locator('#readout-x').inputValue()).toBe('0');
    expect((await readoutRows(page))[0]).toEqual(['elu (α = 0.5)', '0', '0.5']);
    await page.keyboard.press('ArrowRight');
    expect(Number(await page.locator('#readout-x').inputValue())).toBeGreaterThan(0);
    await page.keyboard.press('+');
    expect(await command(page)).toMatch(/--xlim/);
    await page.keyboard.press('0');
    expect(await command(page)).toBe('activ plot elu gelu --range -5..5 --alpha 0.5,1');
    // A slider by keys, a toggle by Space, a button by Enter.
    await page.getByRole('slider', { name: 'elu α (value 2 of 2)' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() =>
      document.querySelector('#command')?.textContent.includes('--alpha 0.5,1.01'),
    );
    await page.getByRole('checkbox', { name: 'show gelu (approx = none)' }).focus();
    await page.keyboard.press('Space');
    expect(await command(page)).toBe('activ plot elu --range -5..5 --alpha 0.5,1.01');
    await page.getByRole('button', { name: 'Save PNG' }).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('elu.png');
    expect(problems).toEqual([]);
  });

  it('names every control and describes the curves in words', async () => {
    const { page, problems } = await pageOf(['elu', 'hardshrink', '--range', '-3..3']);
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter(
          (e) =>
            !(e.getAttribute('aria-label') || (e as HTMLInputElement).labels?.length || e.textContent.trim()),
        )
        .map((e) => e.outerHTML),
    );
    expect(unnamed).toEqual([]);
    const figure = page.getByRole('img', { name: 'Figure: elu, hardshrink' });
    expect(await figure.getAttribute('aria-describedby')).toBe('summary figure-keys');
    const sentences = await page.locator('#summary li').allInnerTexts();
    expect(sentences[0]).toBe('The x axis runs from −3.3 to 3.3, the y axis from −3.3 to 3.3.');
    expect(sentences[1]).toBe(
      'elu (blue solid line): from −0.9502 at x = −3 to 3 at x = 3; lowest −0.9502 at x = −3, highest 3 at x = 3.',
    );
    expect(sentences[2]).toBe(
      'hardshrink (orange solid line): from −3 at x = −3 to 3 at x = 3; lowest −3 at x = −3, highest 3 at x = 3; jumps at x = −0.5 and 0.5.',
    );
    expect(problems).toEqual([]);
  });

  it('is dark when --theme dark made it', async () => {
    const { page, problems } = await pageOf(['tanh', 'relu', '--theme', 'dark', '--grid', '--title']);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(17, 17, 17)',
    );
    // Dark curves are not tab10: the pixel budget alone.
    await expectSameFigure(
      await canvasPng(page),
      cliPng(['plot', 'tanh', 'relu', '--theme', 'dark', '--grid', '--title']),
      0,
    );
    expect(await command(page)).toBe('activ plot tanh relu --range -5..5 --theme dark --grid --title');
    expect(problems).toEqual([]);
  });
});

describe('pages from batch and gallery', () => {
  it('batch writes .html lines', async () => {
    const dir = emptyFolder();
    writeFileSync(join(dir, 'lines.txt'), 'elu --alpha 1 -o a.html\nrelu --format html -o b.htm\n');
    const run = activ(['batch', 'lines.txt', '--jobs', '1'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const name of ['a.html', 'b.htm']) {
      const { page, problems } = await openPage(browser!, join(dir, name));
      expect(await command(page)).toMatch(/^activ plot (elu --range -5..5 --alpha 1|relu --range -5..5)$/);
      expect(problems).toEqual([]);
    }
  });

  it('gallery --html writes a page per figure and a contact sheet that links them', async () => {
    const dir = made(['gallery', '--html', '-o', 'g']);
    const files = readdirSync(join(dir, 'g'));
    for (const a of catalog)
      expect(files).toEqual(expect.arrayContaining([`${a.name}.png`, `${a.name}.html`]));
    const index = readFileSync(join(dir, 'g', 'index.html'), 'utf8');
    expect(index).not.toMatch(/https?:/i);
    const { page, problems } = await openPage(browser!, join(dir, 'g', 'elu.html'));
    expect(await command(page)).toBe('activ plot elu --range -5..5 --title');
    expect(problems).toEqual([]);
    const sheet = await browser!.context.newPage();
    const sheetProblems: string[] = [];
    sheet.on('console', (message) => sheetProblems.push(message.text()));
    await sheet.goto(`file://${join(dir, 'g', 'index.html')}`);
    const links = await sheet.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(catalog.map((a) => `${a.name}.html`));
    // Every tile's PNG shows, from the folder itself.
    await sheet.waitForFunction(() => [...document.images].every((i) => i.complete));
    expect(
      await sheet.evaluate(() => [...document.images].filter((i) => i.naturalWidth === 640).length),
    ).toBe(catalog.length);
    expect(sheetProblems).toEqual([]);
    await sheet.locator('a[href="elu.html"]').click();
    await sheet.waitForFunction(() => 'activPage' in window);
    expect(await command(sheet)).toBe('activ plot elu --range -5..5 --title');
  });
});

describe('pages of expressions and flavors', () => {
  it('draws an expression with a parameter family and offers its command line', async () => {
    const { page, problems } = await pageOf(['x*sigmoid(b*x)', 'gelu', '--b', '1,2']);
    expect(await command(page)).toBe("activ plot 'x*sigmoid(b*x)' gelu --range -5..5 --b 1,2");
    expect(
      await page.getByRole('textbox', { name: 'x*sigmoid(b*x) b (value 2 of 2), exact value' }).inputValue(),
    ).toBe('2');
    expect(problems).toEqual([]);
  });

  it("draws a framework's function under its name@flavor", async () => {
    const { page, problems } = await pageOf(['leaky_relu@keras', 'leaky_relu@torch']);
    expect(await command(page)).toBe('activ plot leaky_relu@keras leaky_relu@torch --range -5..5');
    expect(problems).toEqual([]);
  });
});
