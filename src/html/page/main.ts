/**
 * The interactive figure, in the browser. The HTML file activ writes holds this code (bundled and
 * minified), the plot request as JSON and the DejaVu Sans subset; nothing is fetched. The figure is
 * drawn by the same modules as a PNG (buildFigure, chartConfiguration, the Matplotlib-axes
 * plugin) on the browser's canvas with the browser's Chart.js, and every change (a parameter, a
 * toggle, a zoom) builds the figure again from freshly evaluated samples.
 */
import {
  BasicPlatform,
  Chart,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  type ChartConfiguration,
  type Point,
} from 'chart.js';
import zoomPlugin from 'chartjs-plugin-zoom';
import type { NumberParam, ParamValue } from '../../activations/activation.js';
import { inCommandLineWords } from '../../arguments/flag-names.js';
import { parseFiniteNumber as parseNumber, parseNumberRange as parseRange } from '../../number-text.js';
import { UsageError } from '../../errors.js';
import { buildFigure } from '../../figure/build-figure.js';
import { chartConfiguration } from '../../figure/chart-config.js';
import type { FigureModel } from '../../figure/model.js';
import { formatDouble } from '../../number-text.js';
import type { PlotRequest } from '../../plot-spec.js';
import { axesBox, columnX, curveName, dataX, dataY, pixelX, pixelY, readout, summary } from '../readout.js';
import {
  FigureState,
  roundedLimits,
  shellWord,
  type CurveState,
  type ParamSlot,
  type View,
} from '../view-state.js';
import { SvgContext } from './svg-context.js';

Chart.register(LineController, LineElement, PointElement, LinearScale);

/** What write-page.ts puts in the page's data block. */
interface PageData {
  readonly request: PlotRequest;
  /** DejaVu Sans, subset to the glyphs figures use, as base64 WOFF2. */
  readonly font: string;
}

const FONT_FAMILY = 'DejaVu Sans';

/** A DOM element with attributes and children, in one expression. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    // Through CSSOM: the page's Content-Security-Policy refuses inline style attributes.
    if (name === 'style') element.style.cssText = value;
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

let ids = 0;
const newId = (what: string) => `${what}-${++ids}`;

/** The message of an error for the person at the page. */
function messageOf(error: unknown): string {
  if (error instanceof UsageError) return inCommandLineWords(error);
  throw error;
}

/**
 * A slider's span for a parameter: the registry's bounds where it has them, else twice the
 * starting value's size either side (at least ±2), on a grid of a thousandth-ish of the span so
 * the values it lands on are short decimals.
 */
function sliderRange(
  param: NumberParam,
  value: number,
): { min: number; max: number; step: number; decimals: number } {
  const span = Math.max(2, 2 * Math.abs(value));
  let lo = param.min === undefined ? value - span : Math.max(param.min, value - span);
  let hi = param.max === undefined ? value + span : Math.min(param.max, value + span);
  if (!(hi > lo)) [lo, hi] = [lo - 1, lo + 1];
  const exponent = Math.floor(Math.log10(hi - lo)) - 2;
  const step = Number(`1e${exponent}`);
  let min = Number(`${Math.ceil(lo / step)}e${exponent}`);
  let max = Number(`${Math.floor(hi / step)}e${exponent}`);
  if (param.min !== undefined && param.minExclusive && min <= param.min)
    min = Number(`${Math.round(param.min / step) + 1}e${exponent}`);
  if (param.max !== undefined && param.maxExclusive && max >= param.max)
    max = Number(`${Math.round(param.max / step) - 1}e${exponent}`);
  return { min, max, step, decimals: Math.max(0, -exponent) };
}

/** Offer `blob` as a download called `name`. */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

class Page {
  private readonly state: FigureState;
  private view!: View;
  private figure!: FigureModel;
  private chart!: Chart<'line', Point[]>;
  private readonly canvas: HTMLCanvasElement;
  private readonly overlay: HTMLCanvasElement;
  private readonly status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly commandText = el('code', { id: 'command' });
  private readonly commandNote = el('p', { class: 'note', id: 'command-note' });
  private readonly copyButton = el('button', { type: 'button', id: 'copy-command' }, 'Copy');
  private readonly rangeInput = el('input', {
    type: 'text',
    id: 'x-range',
    inputmode: 'decimal',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  private readonly xInput = el('input', {
    type: 'text',
    id: 'readout-x',
    inputmode: 'decimal',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  private readonly readoutBody = el('tbody');
  private readonly summaryList = el('ul', { id: 'summary' });
  private readonly curveNames = new Map<CurveState, HTMLElement>();
  private readonly toggles = new Map<CurveState, { value: HTMLInputElement; derivative: HTMLInputElement }>();
  /** The x the readout shows, in data units; undefined until the pointer or the keyboard sets it. */
  private cursorX: number | undefined;
  private pending = 0;

  constructor(
    request: PlotRequest,
    private readonly fontFace: string,
  ) {
    this.state = new FigureState(request);
    const theme = request.theme ?? 'matplotlib';
    document.documentElement.dataset.theme = theme;
    this.view = this.state.view();
    this.figure = buildFigure(this.view.spec);
    const [width, height] = [Math.ceil(this.figure.width), Math.ceil(this.figure.height)];
    this.canvas = el('canvas', {
      id: 'figure',
      width: String(width),
      height: String(height),
      tabindex: '0',
      role: 'img',
      'aria-describedby': 'summary figure-keys',
    });
    this.overlay = el('canvas', { class: 'overlay', 'aria-hidden': 'true' });
    for (const c of [this.canvas, this.overlay])
      Object.assign(c.style, { width: `${width}px`, height: `${height}px` });
    document.body.append(this.layout(width, height));
    this.chart = new Chart(this.canvas, this.liveConfiguration());
    this.attachFigureEvents();
    this.refresh();
  }

  private layout(width: number, height: number): HTMLElement {
    const names = [...new Set(this.state.functions.map((f) => f.name))].join(', ');
    const figureBox = el(
      'div',
      { class: 'figure', style: `width:${width}px;height:${height}px` },
      this.canvas,
      this.overlay,
    );
    const keys = el(
      'p',
      { class: 'note', id: 'figure-keys' },
      'Drag to pan, Shift+drag to zoom to a box, the wheel to zoom. On the focused figure: ← ' +
        'and → move the readout, Shift with an arrow pans, + and − zoom, 0 resets the view.',
    );
    const readoutTable = el(
      'table',
      { class: 'readout' },
      el('caption', {}, 'Values at x (full double precision, as activ eval prints them)'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, 'curve'),
          el('th', { scope: 'col' }, 'f(x)'),
          el('th', { scope: 'col' }, 'f′(x)'),
        ),
      ),
      this.readoutBody,
    );
    const readoutSection = el(
      'section',
      { 'aria-labelledby': 'readout-heading' },
      el('h2', { id: 'readout-heading' }, 'Values under the pointer'),
      el('p', {}, el('label', { for: 'readout-x' }, 'x '), this.xInput),
      el('div', { 'aria-live': 'polite', 'aria-atomic': 'true' }, readoutTable),
    );
    this.xInput.addEventListener('change', () => this.readoutAtTypedX());
    return el(
      'main',
      {},
      el('h1', {}, `activ: ${names}`),
      el(
        'div',
        { class: 'columns' },
        el('div', { class: 'left' }, figureBox, keys, readoutSection),
        el(
          'div',
          { class: 'right' },
          this.parameterSection(),
          this.curveSection(),
          this.viewSection(),
          this.commandSection(),
          this.saveSection(),
        ),
      ),
      el(
        'section',
        { 'aria-labelledby': 'summary-heading' },
        el('h2', { id: 'summary-heading' }, 'Description'),
        this.summaryList,
      ),
      this.status,
    );
  }

  private parameterSection(): HTMLElement {
    const section = el(
      'section',
      { 'aria-labelledby': 'parameters-heading' },
      el('h2', { id: 'parameters-heading' }, 'Parameters'),
    );
    const slots = this.state.slots();
    if (slots.length === 0) section.append(el('p', { class: 'note' }, 'These functions take no parameters.'));
    this.state.functions.forEach((f, fn) => {
      const mine = slots.filter((s) => s.fn === fn);
      if (mine.length === 0) return;
      const fieldset = el('fieldset', {}, el('legend', {}, f.name));
      for (const slot of mine) fieldset.append(this.parameterControl(slot));
      section.append(fieldset);
    });
    return section;
  }

  /** A slider and a number box (or a list of choices) for one parameter value. */
  private parameterControl(slot: ParamSlot): HTMLElement {
    const f = this.state.functions[slot.fn]!;
    const which = slot.count > 1 ? ` (value ${slot.index + 1} of ${slot.count})` : '';
    const label = `${f.name} ${slot.param.symbol}${which}`;
    const error = el('span', { class: 'error', id: newId('error') });
    const row = el('div', { class: 'param' });
    if (slot.param.kind === 'choice') {
      const select = el('select', { id: newId('param'), 'aria-describedby': error.id });
      for (const choice of slot.param.choices) select.append(el('option', { value: choice }, choice));
      select.value = String(this.state.valueAt(slot));
      select.addEventListener('change', () => {
        if (this.setParam(slot, select.value, error, select)) this.refresh();
      });
      row.append(el('label', { for: select.id }, `${slot.param.symbol}${which}`), select, error);
      return row;
    }
    const param = slot.param;
    const value = this.state.valueAt(slot) as number;
    const slider = el('input', {
      type: 'range',
      id: newId('slider'),
      'aria-label': label,
      'aria-describedby': error.id,
    });
    const box = el('input', {
      type: 'text',
      id: newId('value'),
      inputmode: 'decimal',
      spellcheck: 'false',
      autocomplete: 'off',
      'aria-label': `${label}, exact value`,
      'aria-describedby': error.id,
    });
    let decimals = 0;
    const fit = (v: number) => {
      const range = sliderRange(param, v);
      Object.assign(slider, {
        min: String(Math.min(range.min, v)),
        max: String(Math.max(range.max, v)),
        step: String(range.step),
      });
      decimals = range.decimals;
      slider.value = String(v);
      box.value = formatDouble(v);
    };
    fit(value);
    slider.addEventListener('input', () => {
      // The slider's grid values as the short decimals they stand for.
      const v = Number(Number(slider.value).toFixed(decimals));
      if (this.setParam(slot, v, error, slider)) {
        box.value = formatDouble(v);
        this.schedule();
      }
    });
    const fromBox = () => {
      let v: number;
      try {
        v = parseNumber(box.value.replace(/\u2212/g, '-'), `${f.name} ${param.name}`);
      } catch (e) {
        this.showError(error, box, messageOf(e));
        return;
      }
      if (this.setParam(slot, v, error, box)) {
        fit(v);
        this.refresh();
      }
    };
    box.addEventListener('change', fromBox);
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') fromBox();
    });
    row.append(el('label', { for: slider.id }, `${param.symbol}${which}`), slider, box, error);
    return row;
  }

  private showError(error: HTMLElement, control: HTMLElement, message: string): void {
    error.textContent = message;
    control.setAttribute('aria-invalid', message ? 'true' : 'false');
  }

  /** Set a parameter value (the caller redraws); a refused value changes nothing and says why. */
  private setParam(slot: ParamSlot, value: ParamValue, error: HTMLElement, control: HTMLElement): boolean {
    try {
      this.state.setParam(slot, value);
    } catch (e) {
      this.showError(error, control, messageOf(e));
      return false;
    }
    this.showError(error, control, '');
    return true;
  }

  private curveSection(): HTMLElement {
    const list = el('ul', { class: 'curves' });
    for (const curve of this.state.curves) {
      const name = el('span', { class: 'curve-name' });
      this.curveNames.set(curve, name);
      const make = (quantity: 'value' | 'derivative') => {
        const box = el('input', { type: 'checkbox', id: newId('toggle') });
        box.checked = curve[quantity];
        box.addEventListener('change', () => this.toggle(curve, quantity, box));
        return box;
      };
      const value = make('value');
      const derivative = make('derivative');
      this.toggles.set(curve, { value, derivative });
      list.append(
        el(
          'li',
          {},
          el(
            'span',
            {},
            el('span', { class: 'swatch', style: `background:${curve.color}`, 'aria-hidden': 'true' }),
            name,
          ),
          el('label', { for: value.id }, value, ' f'),
          el('label', { for: derivative.id }, derivative, ' f′'),
        ),
      );
    }
    return el(
      'section',
      { 'aria-labelledby': 'curves-heading' },
      el('h2', { id: 'curves-heading' }, 'Curves'),
      list,
    );
  }

  private toggle(curve: CurveState, quantity: 'value' | 'derivative', box: HTMLInputElement): void {
    this.state.setShown(curve, quantity, box.checked);
    try {
      this.state.view();
    } catch (e) {
      // The last line stays: a figure of nothing is no figure activ can draw.
      this.state.setShown(curve, quantity, true);
      box.checked = true;
      this.say(messageOf(e));
      return;
    }
    this.refresh();
  }

  private viewSection(): HTMLElement {
    const apply = () => {
      try {
        const [from, to] = parseRange(this.rangeInput.value.replace(/\u2212/g, '-'), 'the x range');
        this.state.setRange(from, to);
        this.rangeInput.setAttribute('aria-invalid', 'false');
        this.refresh();
      } catch (e) {
        this.rangeInput.setAttribute('aria-invalid', 'true');
        this.say(messageOf(e));
      }
    };
    this.rangeInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') apply();
    });
    const button = (id: string, text: string, action: () => void) => {
      const b = el('button', { type: 'button', id }, text);
      b.addEventListener('click', action);
      return b;
    };
    return el(
      'section',
      { 'aria-labelledby': 'view-heading' },
      el('h2', { id: 'view-heading' }, 'View'),
      el(
        'p',
        {},
        el('label', { for: 'x-range' }, 'x range '),
        this.rangeInput,
        ' ',
        button('apply-range', 'Apply', apply),
      ),
      el(
        'p',
        {},
        button('zoom-in', 'Zoom in', () => this.chart.zoom(1.25)),
        ' ',
        button('zoom-out', 'Zoom out', () => this.chart.zoom(0.8)),
        ' ',
        button('reset-view', 'Reset view', () => this.resetView()),
      ),
    );
  }

  private commandSection(): HTMLElement {
    this.copyButton.addEventListener('click', () => void this.copyCommand());
    return el(
      'section',
      { 'aria-labelledby': 'command-heading' },
      el('h2', { id: 'command-heading' }, 'Command line'),
      el('pre', {}, this.commandText),
      this.copyButton,
      this.commandNote,
    );
  }

  private saveSection(): HTMLElement {
    const png = el('button', { type: 'button', id: 'save-png' }, 'Save PNG');
    const svg = el('button', { type: 'button', id: 'save-svg' }, 'Save SVG');
    png.addEventListener('click', () => this.savePng());
    svg.addEventListener('click', () => this.saveSvg());
    return el(
      'section',
      { 'aria-labelledby': 'save-heading' },
      el('h2', { id: 'save-heading' }, 'Save this view'),
      png,
      ' ',
      svg,
    );
  }

  private say(message: string): void {
    this.status.textContent = message;
  }

  /** The chart configuration for the figure on the page: crisp on any screen, with zoom and pan. */
  private liveConfiguration(): ChartConfiguration<'line', Point[]> {
    const config = chartConfiguration(this.figure);
    const options = config.options!;
    options.devicePixelRatio = window.devicePixelRatio || 1;
    const changed = () => this.viewFromScales();
    options.plugins = {
      ...options.plugins,
      zoom: {
        pan: { enabled: true, mode: 'xy', threshold: 5, onPan: changed },
        zoom: {
          wheel: { enabled: true, speed: 0.1 },
          drag: {
            enabled: true,
            modifierKey: 'shift',
            drawTime: 'beforeDatasetsDraw',
            borderColor: '#888888',
            borderWidth: 1,
          },
          pinch: { enabled: true },
          mode: 'xy',
          onZoom: changed,
        },
      },
    };
    config.plugins = [...(config.plugins ?? []), zoomPlugin];
    return config;
  }

  /**
   * The zoom plugin moves Chart.js's scales, which here run over fractions of the axes; the new
   * view in data units becomes --xlim and --ylim, and the figure is sampled again over it.
   */
  private viewFromScales(): void {
    const { x, y } = this.chart.scales;
    if (!x || !y) return;
    const box = axesBox(this.figure);
    const at = (t: number, lo: number, hi: number) => lo + t * (hi - lo);
    const xlim = roundedLimits(
      dataX(this.figure, at(x.min, box.left, box.right)),
      dataX(this.figure, at(x.max, box.left, box.right)),
    );
    const ylim = roundedLimits(
      dataY(this.figure, at(y.min, box.bottom, box.top)),
      dataY(this.figure, at(y.max, box.bottom, box.top)),
    );
    if (!(xlim[0] < xlim[1] && ylim[0] < ylim[1])) return;
    this.state.setView(xlim, ylim);
    this.refresh();
  }

  private resetView(): void {
    this.state.resetView();
    this.refresh();
  }

  private attachFigureEvents(): void {
    this.canvas.addEventListener('pointermove', (event) => {
      const x = columnX(this.figure, event.offsetX);
      if (x === undefined) return;
      this.cursorX = x;
      this.showReadout();
    });
    this.canvas.addEventListener('keydown', (event) => {
      const pan = Math.round((axesBox(this.figure).right - axesBox(this.figure).left) / 10);
      const handled = (() => {
        if (event.shiftKey && event.key.startsWith('Arrow')) {
          const delta = {
            ArrowLeft: { x: pan },
            ArrowRight: { x: -pan },
            ArrowUp: { y: pan },
            ArrowDown: { y: -pan },
          }[event.key];
          if (delta) this.chart.pan(delta);
          return Boolean(delta);
        }
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          this.moveCursor(event.key === 'ArrowLeft' ? -1 : 1);
          return true;
        }
        if (event.key === '+' || event.key === '=') this.chart.zoom(1.25);
        else if (event.key === '-' || event.key === '_') this.chart.zoom(0.8);
        else if (event.key === '0') this.resetView();
        else return false;
        return true;
      })();
      if (handled) event.preventDefault();
    });
  }

  /** Move the readout one pixel column left or right; the first move puts it in the middle of the axes. */
  private moveCursor(columns: number): void {
    const box = axesBox(this.figure);
    const px =
      this.cursorX === undefined
        ? (box.left + box.right) / 2
        : Math.min(
            box.right - 0.5,
            Math.max(box.left + 0.5, Math.floor(pixelX(this.figure, this.cursorX)) + 0.5 + columns),
          );
    this.cursorX = columnX(this.figure, px);
    this.showReadout();
  }

  private readoutAtTypedX(): void {
    try {
      this.cursorX = parseNumber(this.xInput.value.replace(/\u2212/g, '-'), 'x');
      this.xInput.setAttribute('aria-invalid', 'false');
      this.showReadout();
    } catch (e) {
      this.xInput.setAttribute('aria-invalid', 'true');
      this.say(messageOf(e));
    }
  }

  /** The values at the cursor in the table, and the cursor on the overlay. */
  private showReadout(): void {
    const dpr = window.devicePixelRatio || 1;
    const [width, height] = [Math.ceil(this.figure.width), Math.ceil(this.figure.height)];
    if (this.overlay.width !== Math.round(width * dpr))
      [this.overlay.width, this.overlay.height] = [Math.round(width * dpr), Math.round(height * dpr)];
    const ctx = this.overlay.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    this.readoutBody.replaceChildren();
    if (this.cursorX === undefined) return;
    const x = this.cursorX;
    if (document.activeElement !== this.xInput) this.xInput.value = formatDouble(x);
    const rows = readout(this.state, this.view.spec, x);
    for (const row of rows) {
      const at = row.x === x ? '' : ` at the sample x = ${formatDouble(row.x)}`;
      this.readoutBody.append(
        el(
          'tr',
          {},
          el(
            'th',
            { scope: 'row' },
            el('span', { class: 'swatch', style: `background:${row.color}`, 'aria-hidden': 'true' }),
            `${row.name}${at}`,
          ),
          el('td', { class: 'number' }, formatDouble(row.value)),
          el('td', { class: 'number' }, formatDouble(row.derivative)),
        ),
      );
    }
    const box = axesBox(this.figure);
    const px = pixelX(this.figure, x);
    if (!(px >= box.left && px <= box.right)) return;
    ctx.strokeStyle = this.figure.style.foreground;
    ctx.globalAlpha = 0.35;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(Math.floor(px) + 0.5, box.top);
    ctx.lineTo(Math.floor(px) + 0.5, box.bottom);
    ctx.stroke();
    ctx.globalAlpha = 1;
    for (const row of rows) {
      const shown = [row.curve.value ? row.value : NaN, row.curve.derivative ? row.derivative : NaN];
      for (const y of shown) {
        const py = pixelY(this.figure, y);
        if (!(py >= box.top && py <= box.bottom)) continue;
        ctx.beginPath();
        ctx.arc(pixelX(this.figure, row.x), py, 3.5, 0, 2 * Math.PI);
        ctx.fillStyle = row.color;
        ctx.fill();
        ctx.strokeStyle = this.figure.style.background;
        ctx.stroke();
      }
    }
  }

  /** Redraw on the next frame, once however many changes came before it. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.refresh();
    });
  }

  /** Build the figure from the state, draw it, and bring every text on the page up to date. */
  private refresh(): void {
    if (this.pending) cancelAnimationFrame(this.pending);
    this.pending = 0;
    this.view = this.state.view();
    this.figure = buildFigure(this.view.spec);
    const config = this.liveConfiguration();
    // Unset until the first draw, whatever the field's type says.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
    if (this.chart) {
      this.chart.data = config.data;
      this.chart.options = config.options ?? {};
      // Chart.js re-reads its inline plugins on update; the list is only reachable in place.
      this.chart.config.plugins?.splice(0, Infinity, ...(config.plugins ?? []));
      this.chart.update('none');
    }
    const title = this.view.spec.title ?? this.view.spec.curves.map((c) => c.label).join(', ');
    this.canvas.setAttribute('aria-label', `Figure: ${title}`);
    this.rangeInput.value = `${formatDouble(this.state.from)}..${formatDouble(this.state.to)}`;
    const words = this.view.argv ? ['activ', 'plot', ...this.view.argv].map(shellWord) : [];
    this.commandText.replaceChildren(
      ...words.flatMap((w, i) => [...(i > 0 ? [' '] : []), el('span', { class: 'word' }, w)]),
    );
    this.commandNote.textContent = this.view.why
      ? `No single activ plot command draws this view: ${this.view.why}.`
      : '';
    this.copyButton.disabled = this.view.command === undefined;
    this.summaryList.replaceChildren(...summary(this.figure, this.view.spec).map((s) => el('li', {}, s)));
    for (const [curve, name] of this.curveNames) {
      const f = this.state.functions[curve.fn]!;
      name.textContent = curveName(f.activation, f.name, this.state.paramsOf(curve));
      const toggles = this.toggles.get(curve)!;
      toggles.value.setAttribute('aria-label', `show ${name.textContent}`);
      toggles.derivative.setAttribute('aria-label', `show the derivative of ${name.textContent}`);
    }
    this.showReadout();
  }

  private async copyCommand(): Promise<void> {
    const text = this.view.command;
    if (text === undefined) return;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (some browsers on file:// pages): copy the selected text instead.
      const area = el('textarea', { readonly: '', 'aria-hidden': 'true', class: 'offscreen' });
      area.value = text;
      document.body.append(area);
      area.select();
      // The one way left to copy without the clipboard permission, deprecated or not.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      document.execCommand('copy');
      area.remove();
    }
    this.say('Copied the command line.');
  }

  /** The file name activ plot would give this figure: the shown functions' names joined by dashes. */
  private fileName(extension: string): string {
    const shown = [
      ...new Set(this.state.curves.filter((c) => c.value || c.derivative).map((c) => c.fn)),
    ].sort((a, b) => a - b);
    return `${shown.map((fn) => this.state.functions[fn]!.activation.name).join('-')}.${extension}`;
  }

  /** The view as a PNG of the figure's own size, drawn at one canvas pixel a figure pixel as activ draws it. */
  private savePng(): void {
    const [width, height] = [Math.ceil(this.figure.width), Math.ceil(this.figure.height)];
    const canvas = el('canvas', { width: String(width), height: String(height) });
    const chart = new Chart(canvas, chartConfiguration(this.figure));
    const name = this.fileName('png');
    canvas.toBlob((blob) => {
      chart.destroy();
      if (!blob) {
        this.say('The browser could not make the PNG.');
        return;
      }
      download(blob, name);
      this.say(`Saved ${name}.`);
    }, 'image/png');
  }

  /** The view as SVG, laid out as activ's SVG (unsnapped, 6.4 x 4.8 in at any dpi), the font inside. */
  private saveSvg(): void {
    const [width, height] = [Math.ceil(this.figure.width), Math.ceil(this.figure.height)];
    const context = new SvgContext(width, height);
    const config = chartConfiguration(this.figure, { snap: false });
    // Path2D is opaque to a recording context: draw each line segment by segment instead.
    for (const dataset of config.data.datasets) Object.assign(dataset, { segment: {} });
    const chart = new Chart(context.canvas as unknown as HTMLCanvasElement, {
      ...config,
      platform: BasicPlatform,
    });
    const pt = (px: number) => `${Number(((px * 72) / this.figure.dpi).toFixed(4))}pt`;
    const svg = context.svgDocument(pt(this.figure.width), pt(this.figure.height), this.fontFace);
    chart.destroy();
    const name = this.fileName('svg');
    download(new Blob([svg], { type: 'image/svg+xml' }), name);
    this.say(`Saved ${name}.`);
  }
}

async function start(): Promise<void> {
  const data = JSON.parse(document.getElementById('activ-data')!.textContent) as PageData;
  const bytes = Uint8Array.from(atob(data.font), (c) => c.charCodeAt(0));
  const face = new FontFace(FONT_FAMILY, bytes);
  document.fonts.add(await face.load());
  const fontFace = `@font-face{font-family:"${FONT_FAMILY}";src:url(data:font/woff2;base64,${data.font}) format("woff2")}`;
  const page = new Page(data.request, fontFace);
  // For the tests and for anyone curious in the console.
  Object.assign(window, { activPage: page });
}

void start();
