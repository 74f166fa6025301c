/**
 * Matplotlib's default tick choice and tick labels, ported from matplotlib.ticker (3.6):
 * MaxNLocator(nbins='auto', steps=[1, 2, 2.5, 5, 10]) and ScalarFormatter with its offset and
 * scientific notation. No npm package reproduces these rules, and the figure must match
 * Matplotlib's to the pixel, so the algorithms are carried over step by step; comments name the
 * Python they follow.
 */

const MINUS = '\u2212';

/** Python's float divmod: floor division with the remainder's sign following the divisor. */
function pyDivmod(x: number, y: number): [number, number] {
  let mod = x % y;
  let div = (x - mod) / y;
  if (mod !== 0 && y < 0 !== mod < 0) {
    mod += y;
    div -= 1;
  }
  let floorDiv = Math.floor(div);
  if (div - floorDiv > 0.5) floorDiv += 1;
  return [floorDiv, mod];
}

/** matplotlib.ticker.scale_range */
function scaleRange(vmin: number, vmax: number, n: number): { scale: number; offset: number } {
  const dv = Math.abs(vmax - vmin);
  const meanv = (vmax + vmin) / 2;
  const offset = Math.abs(meanv) / dv < 100 ? 0 : Math.sign(meanv) * 10 ** Math.floor(Math.log10(Math.abs(meanv)));
  const scale = 10 ** Math.floor(Math.log10(dv / n));
  return { scale, offset };
}

/** matplotlib.ticker._Edge_integer: tick counting that tolerates float error near an offset. */
class EdgeInteger {
  private readonly offset: number;
  constructor(
    private readonly step: number,
    offset: number,
  ) {
    this.offset = Math.abs(offset);
  }
  private closeTo(ms: number, edge: number): boolean {
    let tol = 1e-10;
    if (this.offset > 0) {
      const digits = Math.log10(this.offset / this.step);
      tol = Math.min(0.4999, Math.max(1e-10, 10 ** (digits - 12)));
    }
    return Math.abs(ms - edge) < tol;
  }
  le(x: number): number {
    const [d, m] = pyDivmod(x, this.step);
    return this.closeTo(m / this.step, 1) ? d + 1 : d;
  }
  ge(x: number): number {
    const [d, m] = pyDivmod(x, this.step);
    return this.closeTo(m / this.step, 0) ? d : d + 1;
  }
}

const STEPS = [1, 2, 2.5, 5, 10];
// MaxNLocator._staircase: the steps one decade down and one step up, so any span finds a step.
const EXTENDED_STEPS = [...STEPS.slice(0, -1).map((s) => 0.1 * s), ...STEPS, 10 * STEPS[1]!];
const MIN_N_TICKS = 2;

/**
 * The number of tick intervals Matplotlib allows on an axis: Axis.get_tick_space, clipped to 9.
 * Matplotlib assumes a tick label is at most 3 font sizes wide (x) or 2 high (y).
 * @param lengthPt axis length in points
 * @param fontSizePt tick label size in points
 */
export function tickSpace(lengthPt: number, fontSizePt: number, axis: 'x' | 'y'): number {
  const space = Math.floor(lengthPt / (fontSizePt * (axis === 'x' ? 3 : 2)));
  return Math.min(9, Math.max(MIN_N_TICKS - 1, space));
}

/** matplotlib.transforms.nonsingular as MaxNLocator.tick_values calls it. */
function nonsingular(vmin: number, vmax: number, expander: number, tiny: number): [number, number] {
  const maxAbs = Math.max(Math.abs(vmin), Math.abs(vmax));
  if (vmax - vmin <= maxAbs * tiny) {
    if (vmin === 0 && vmax === 0) return [-expander, expander];
    return [vmin - expander * Math.abs(vmin), vmax + expander * Math.abs(vmax)];
  }
  return [vmin, vmax];
}

/** MaxNLocator._raw_ticks: nice ticks covering [vmin, vmax], possibly one beyond each end. */
function rawTicks(vmin: number, vmax: number, nbins: number): number[] {
  const { scale, offset } = scaleRange(vmin, vmax, nbins);
  const lo = vmin - offset;
  const hi = vmax - offset;
  const rawStep = (hi - lo) / nbins;
  const steps = EXTENDED_STEPS.map((s) => s * scale);
  const istep = steps.findIndex((s) => s >= rawStep);
  let ticks: number[] = [];
  for (let k = istep; k >= 0; k--) {
    const step = steps[k]!;
    const bestMin = pyDivmod(lo, step)[0] * step;
    const edge = new EdgeInteger(step, offset);
    const low = edge.le(lo - bestMin);
    const high = edge.ge(hi - bestMin);
    ticks = [];
    for (let i = low; i <= high; i++) ticks.push(i * step + bestMin);
    const visible = ticks.filter((t) => t <= hi && t >= lo).length;
    if (visible >= MIN_N_TICKS) break;
  }
  return ticks.map((t) => t + offset);
}

/**
 * Tick locations Matplotlib's AutoLocator picks for the view interval [vmin, vmax]. Returns
 * every location the locator yields (the formatter sees them all); only those inside the view
 * are drawn (see `visibleTicks`).
 */
export function locateTicks(vmin: number, vmax: number, nbins: number): number[] {
  const [lo, hi] = nonsingular(vmin, vmax, 1e-13, 1e-14);
  return rawTicks(lo, hi, nbins);
}

/** The ticks Matplotlib draws: those within the view, allowing for rounding at the ends. */
export function visibleTicks(ticks: readonly number[], vmin: number, vmax: number): number[] {
  const slack = (vmax / 2 - vmin / 2) * 2e-10; // halves: vmax − vmin overflows for ±1e308
  return ticks.filter((t) => t >= vmin - slack && t <= vmax + slack);
}

/** numpy.round(x, decimals): scale, round half to even, unscale. */
function roundHalfEven(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  const y = x * scale;
  let r = Math.round(y);
  if (Math.abs(y % 1) === 0.5 && r % 2 !== 0) r -= 1;
  return r / scale;
}

/** Matplotlib's "%1.{n}f" with its true minus sign (axes.unicode_minus). */
function fixed(value: number, decimals: number): string {
  const s = value.toFixed(decimals);
  return s.startsWith('-') ? MINUS + s.slice(1) : s;
}

/** ScalarFormatter.format_data: the offset and 10^n text, e.g. "1e5" or "1.5e−7". */
function formatData(value: number): string {
  const e = Math.floor(Math.log10(Math.abs(value)));
  const s = Math.round((value / 10 ** e) * 1e10) / 1e10;
  const significand = Number.isInteger(s) ? String(s) : s.toFixed(10).replace(/0+$/, '');
  const text = e === 0 ? significand : `${significand}e${e}`;
  return text.replace(/-/g, MINUS);
}

export interface TickLabels {
  /** One label per location given. */
  readonly labels: string[];
  /** Matplotlib's offset text ("1e6", "+1e3", ...), drawn at the end of the axis; "" if none. */
  readonly offsetText: string;
}

/**
 * ScalarFormatter (useOffset, offset threshold 4, power limits −5..6) over tick locations `locs`
 * for the view [vmin, vmax].
 */
export function formatTicks(locs: readonly number[], vmin: number, vmax: number): TickLabels {
  if (locs.length === 0) return { labels: [], offsetText: '' };
  const visible = locs.filter((t) => t >= vmin && t <= vmax);

  // _compute_offset
  let offset = 0;
  if (visible.length > 0) {
    const lmin = Math.min(...visible);
    const lmax = Math.max(...visible);
    if (!(lmin === lmax || (lmin <= 0 && 0 <= lmax))) {
      const [absMin, absMax] = [Math.abs(lmin), Math.abs(lmax)].sort((a, b) => a - b) as [number, number];
      const sign = Math.sign(lmin);
      const ommMax = Math.ceil(Math.log10(absMax));
      let oom = ommMax;
      while (Math.floor(absMin / 10 ** oom) === Math.floor(absMax / 10 ** oom)) oom--;
      oom += 1;
      if ((absMax - absMin) / 10 ** oom <= 1e-2) {
        oom = ommMax;
        while (Math.floor(absMax / 10 ** oom) - Math.floor(absMin / 10 ** oom) <= 1) oom--;
        oom += 1;
      }
      const digits = Math.floor(absMax / 10 ** oom);
      offset = digits >= 10 ** 3 ? sign * digits * 10 ** oom : 0;
    }
  }

  // _set_order_of_magnitude
  let orderOfMagnitude = 0;
  if (visible.length > 0) {
    let oom: number;
    if (offset !== 0) oom = Math.floor(Math.log10(vmax - vmin));
    else {
      const val = Math.max(...visible.map(Math.abs));
      oom = val === 0 ? 0 : Math.floor(Math.log10(val));
    }
    if (oom <= -5 || oom >= 6) orderOfMagnitude = oom;
  }

  // _set_format
  const scaled = (locs.length < 2 ? [...locs, vmin, vmax] : [...locs]).map((t) => (t - offset) / 10 ** orderOfMagnitude);
  let locRange = Math.max(...scaled) - Math.min(...scaled);
  if (locRange === 0) locRange = Math.max(...scaled.map(Math.abs));
  if (locRange === 0) locRange = 1;
  const shown = locs.length < 2 ? scaled.slice(0, -2) : scaled;
  const rangeOom = Math.floor(Math.log10(locRange));
  let sigfigs = Math.max(0, 3 - rangeOom);
  const thresh = 1e-3 * 10 ** rangeOom;
  while (sigfigs >= 0) {
    const worst = Math.max(...shown.map((v) => Math.abs(v - roundHalfEven(v, sigfigs))));
    if (worst < thresh) sigfigs--;
    else break;
  }
  sigfigs++;

  // __call__
  const labels = locs.map((t) => {
    let xp = (t - offset) / 10 ** orderOfMagnitude;
    if (Math.abs(xp) < 1e-8) xp = 0;
    return fixed(xp, sigfigs);
  });

  // get_offset
  let offsetText = '';
  if (orderOfMagnitude !== 0 || offset !== 0) {
    const offsetStr = offset === 0 ? '' : (offset > 0 ? '+' : '') + formatData(offset);
    const sciStr = orderOfMagnitude === 0 ? '' : `1e${orderOfMagnitude}`.replace('-', MINUS);
    offsetText = sciStr + offsetStr;
  }
  return { labels, offsetText };
}
