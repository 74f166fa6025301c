/**
 * Matplotlib's default tick choice and tick labels, ported from matplotlib/ticker.py (3.6):
 * MaxNLocator(nbins='auto', steps=[1, 2, 2.5, 5, 10]) and ScalarFormatter with its offset and
 * scientific notation. No npm package reproduces these rules, and the figure must match
 * Matplotlib's to the pixel, so the algorithms are carried over step by step, with Python's own
 * float operations (python-float.ts) wherever JavaScript's would round differently; comments
 * name the Python they follow.
 */
import {
  cPow10,
  floorDiv,
  formatFixed,
  formatGeneral,
  intPow10,
  log10,
  numpyPowerOfTen,
  pyDivmod,
  rint,
} from './python-float.js';

const MINUS = '\u2212';

/** Formatter.fix_minus with axes.unicode_minus: every '-' becomes U+2212. */
function fixMinus(s: string): string {
  return s.replace(/-/g, MINUS);
}

/** ticker.scale_range(vmin, vmax, n, threshold=100) */
function scaleRange(vmin: number, vmax: number, n: number): { scale: number; offset: number } {
  const dv = Math.abs(vmax - vmin); // > 0 as nonsingular is called before
  const meanv = (vmax + vmin) / 2;
  // 10 ** (math.log10(abs(meanv)) // 1): a float power, glibc's pow
  const offset =
    Math.abs(meanv) / dv < 100 ? 0 : Math.sign(meanv) * cPow10(floorDiv(log10(Math.abs(meanv)), 1));
  const scale = cPow10(floorDiv(log10(dv / n), 1));
  return { scale, offset };
}

/** ticker._Edge_integer: tick counting that tolerates float error near an offset. */
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
      const digits = log10(this.offset / this.step);
      tol = Math.min(0.4999, Math.max(1e-10, 10 ** (digits - 12)));
    }
    return Math.abs(ms - edge) < tol;
  }
  /** The largest n with n·step <= x. */
  le(x: number): number {
    const [d, m] = pyDivmod(x, this.step);
    return this.closeTo(m / this.step, 1) ? d + 1 : d;
  }
  /** The smallest n with n·step >= x. */
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
 * The number of tick intervals Matplotlib allows on an axis: Axis.get_tick_space, clipped to
 * 1..9 as MaxNLocator._raw_ticks does. Matplotlib assumes a tick label is at most 3 font sizes
 * wide (x) or 2 high (y).
 * @param lengthPt axis length in points
 * @param fontSizePt tick label size in points
 */
export function tickSpace(lengthPt: number, fontSizePt: number, axis: 'x' | 'y'): number {
  const space = Math.floor(lengthPt / (fontSizePt * (axis === 'x' ? 3 : 2)));
  return Math.min(9, Math.max(MIN_N_TICKS - 1, space));
}

/**
 * transforms.nonsingular(vmin, vmax, expander, tiny): widen a range too narrow for doubles
 * (at most `tiny` of its largest end) by `expander` of each end.
 *
 * One deliberate difference: Matplotlib replaces any range whose ends are both below
 * 1e6 / tiny × the smallest normal double (about 1e-287) with ±expander, which would show
 * −1e-300..1e-300 as a single vertical line; activ keeps such ranges. A non-finite end is
 * Matplotlib's "no data yet", answered with ±expander as there.
 */
export function nonsingular(vmin: number, vmax: number, expander: number, tiny: number): [number, number] {
  if (!Number.isFinite(vmin) || !Number.isFinite(vmax)) return [-expander, expander];
  if (vmax < vmin) [vmin, vmax] = [vmax, vmin];
  const maxAbs = Math.max(Math.abs(vmin), Math.abs(vmax));
  if (vmax - vmin <= maxAbs * tiny) {
    if (vmax === 0 && vmin === 0) return [-expander, expander];
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
    const bestMin = floorDiv(lo, step) * step; // (_vmin // step) * step
    const edge = new EdgeInteger(step, offset);
    const low = edge.le(lo - bestMin);
    const high = edge.ge(hi - bestMin);
    ticks = [];
    for (let i = low; i <= high; i++) ticks.push(i * step + bestMin); // np.arange(low, high + 1) * step + best_vmin
    const visible = ticks.filter((t) => t <= hi && t >= lo).length;
    if (visible >= MIN_N_TICKS) break;
  }
  return ticks.map((t) => t + offset);
}

/**
 * MaxNLocator.tick_values: the tick locations for the view interval [vmin, vmax]. Returns
 * every location the locator yields (the formatter sees them all); only those inside the view
 * are drawn (see `visibleTicks`).
 */
export function locateTicks(vmin: number, vmax: number, nbins: number): number[] {
  const [lo, hi] = nonsingular(vmin, vmax, 1e-13, 1e-14);
  return rawTicks(lo, hi, nbins);
}

/**
 * The ticks Matplotlib draws (Axis._update_ticks): those inside the view by
 * transforms._interval_contains_close, which allows 1e-10 of the view's width either side.
 */
export function visibleTicks(ticks: readonly number[], vmin: number, vmax: number): number[] {
  let slack = (vmax - vmin) * 1e-10;
  if (!Number.isFinite(slack)) slack = (vmax / 2 - vmin / 2) * 2e-10; // a width beyond the double range
  return ticks.filter((t) => vmin - slack <= t && t <= vmax + slack);
}

/** np.round(x, decimals) for decimals >= 0: rint(x · 10^d) / 10^d with NumPy's power of ten. */
function numpyRound(x: number, decimals: number): number {
  const p = numpyPowerOfTen(decimals);
  return rint(x * p) / p;
}

/** ScalarFormatter.format_data: the offset's text, e.g. "1e5", "9.999e−1" or "10e−1". */
function formatData(value: number): string {
  const e = Math.floor(log10(Math.abs(value)));
  // round(value / 10**e, 10): for e >= 0 an exact int, converted to the nearest double.
  const ratio = value / intPow10(e);
  const s = Number(formatFixed(ratio, 10)); // Python's round(x, 10): correctly rounded, half to even
  const exponent = String(e);
  const significand = s % 1 === 0 ? String(Math.trunc(s)) : formatGeneral(s, 10); // "%d" or "%1.10g"
  return fixMinus(e === 0 ? significand : `${significand}e${exponent}`);
}

export interface TickLabels {
  /** One label per location given. */
  readonly labels: string[];
  /** Matplotlib's offset text ("1e6", "+1e3", ...), drawn at the end of the axis; "" if none. */
  readonly offsetText: string;
}

/** ScalarFormatter._compute_offset: an offset for ticks that share their leading digits. */
function computeOffset(visible: readonly number[]): number {
  if (visible.length === 0) return 0;
  const lmin = Math.min(...visible);
  const lmax = Math.max(...visible);
  // Only use offset if there are at least two ticks and every tick has the same sign.
  if (lmin === lmax || (lmin <= 0 && 0 <= lmax)) return 0;
  const [absMin, absMax] = [Math.abs(lmin), Math.abs(lmax)].sort((a, b) => a - b) as [number, number];
  const sign = Math.sign(lmin);
  // oom_max = np.ceil(math.log10(abs_max)); 10 ** oom with a float oom is glibc's pow.
  const oomMax = Math.ceil(log10(absMax));
  const firstBelow = (differ: (oom: number) => boolean): number => {
    // next(oom for oom in itertools.count(oom_max, -1) if ...); bounded where doubles end.
    for (let oom = oomMax; oom > -400; oom--) if (differ(oom)) return oom;
    return -400;
  };
  // The smallest power of ten at which abs_min and abs_max are equal.
  let oom = 1 + firstBelow((o) => floorDiv(absMin, cPow10(o)) !== floorDiv(absMax, cPow10(o)));
  if ((absMax - absMin) / cPow10(oom) <= 1e-2) {
    // Straddling a multiple of a large power of ten (relative to the span): the smallest power
    // at which they are no more than 1 apart.
    oom = 1 + firstBelow((o) => floorDiv(absMax, cPow10(o)) - floorDiv(absMin, cPow10(o)) > 1);
  }
  // Only use an offset if it saves at least offset_threshold (4) digits: abs_max // 10**oom >= 10**3.
  const digits = floorDiv(absMax, cPow10(oom));
  return digits >= 1000 ? sign * digits * cPow10(oom) : 0;
}

/** ScalarFormatter._set_order_of_magnitude with axes.formatter.limits (−5, 6). */
function orderOfMagnitude(visible: readonly number[], offset: number, vmin: number, vmax: number): number {
  if (visible.length === 0) return 0;
  let oom: number;
  if (offset !== 0) oom = Math.floor(log10(vmax - vmin));
  else {
    const val = Math.max(...visible.map(Math.abs));
    oom = val === 0 ? 0 : Math.floor(log10(val));
  }
  return oom <= -5 || oom >= 6 ? oom : 0;
}

/** ScalarFormatter._set_format: the fewest decimals that still tell the ticks apart. */
function decimalsFor(
  locs: readonly number[],
  offset: number,
  oom: number,
  vmin: number,
  vmax: number,
): number {
  // With fewer than two ticks the view's ends stand in for the range, and are dropped after.
  const scale = cPow10(oom); // 10. ** self.orderOfMagnitude
  const all = (locs.length < 2 ? [...locs, vmin, vmax] : [...locs]).map((t) => (t - offset) / scale);
  let locRange = Math.max(...all) - Math.min(...all); // np.ptp
  if (locRange === 0) locRange = Math.max(...all.map(Math.abs));
  if (locRange === 0) locRange = 1;
  const shown = locs.length < 2 ? all.slice(0, -2) : all;
  const rangeOom = Math.floor(log10(locRange));
  let sigfigs = Math.max(0, 3 - rangeOom);
  const thresh = 1e-3 * intPow10(rangeOom);
  while (sigfigs >= 0) {
    const worst =
      shown.length === 0 ? -Infinity : Math.max(...shown.map((v) => Math.abs(v - numpyRound(v, sigfigs))));
    if (worst < thresh) sigfigs--;
    else break;
  }
  return sigfigs + 1;
}

/**
 * ScalarFormatter (useOffset, offset threshold 4, power limits −5..6) over tick locations `locs`
 * for the view [vmin, vmax]: set_locs, then __call__ for each and get_offset.
 */
export function formatTicks(locs: readonly number[], vmin: number, vmax: number): TickLabels {
  if (locs.length === 0) return { labels: [], offsetText: '' };
  const visible = locs.filter((t) => vmin <= t && t <= vmax);
  const offset = computeOffset(visible);
  const oom = orderOfMagnitude(visible, offset, vmin, vmax);
  const decimals = decimalsFor(locs, offset, oom, vmin, vmax);

  const scale = cPow10(oom);
  const labels = locs.map((t) => {
    let xp = (t - offset) / scale;
    if (Math.abs(xp) < 1e-8) xp = 0;
    return fixMinus(formatFixed(xp, decimals));
  });

  // get_offset
  let offsetText = '';
  if (oom !== 0 || offset !== 0) {
    const offsetStr = offset === 0 ? '' : (offset > 0 ? '+' : '') + formatData(offset);
    const sciStr = oom === 0 ? '' : `1e${oom}`;
    offsetText = fixMinus(sciStr + offsetStr);
  }
  return { labels, offsetText };
}
