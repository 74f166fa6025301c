import { matplotlibStyle } from '../look/themes.js';
import { nonsingular } from './ticks.js';

/**
 * The view interval Matplotlib's autoscale gives data spanning [lo, hi]
 * (axes/_base.py, autoscale_view's handle_single_axis, then Axis._set_lim):
 * the locator's nonsingular (expander 0.05, tiny 1e-15) widens a flat span; the margin adds 5 %
 * of the span on each side, none when the span overflows; MaxNLocator.view_limits widens a span
 * still too narrow for its ticks (nonsingular, expander 1e-12, tiny 1e-13); set_xlim checks once
 * more. So a curve whose values differ only in the last bits is drawn flat in the middle of a
 * view ±1e-12 around it, as Matplotlib draws it, not as a staircase of rounding steps.
 *
 * Deliberate differences: ranges below about 1e-287 are kept (see `nonsingular`), and where the
 * margin would push an end past the largest double, the end stops there (Matplotlib's end
 * becomes infinite and the view collapses to ±1e-12).
 */
export function viewInterval(
  lo: number,
  hi: number,
  margin: number = matplotlibStyle.margin,
): [number, number] {
  let [x0, x1] = nonsingular(lo, hi, 0.05, 1e-15);
  let delta = (x1 - x0) * margin;
  if (!Number.isFinite(delta)) delta = 0; // "If a bound isn't finite, set margin to zero."
  [x0, x1] = [clampFinite(x0 - delta), clampFinite(x1 + delta)];
  [x0, x1] = nonsingular(x0, x1, 1e-12, 1e-13);
  return limitsView(x0, x1);
}

/**
 * The view Matplotlib sets for explicit limits, ax.set_xlim(lo, hi) (activ's --xlim, --ylim):
 * Axis._set_lim passes them through the locator's nonsingular (expander 0.05, tiny 1e-15), so a
 * range narrower than about 1e-15 of its magnitude opens to ±5 % around it.
 */
export function limitsView(lo: number, hi: number): [number, number] {
  return nonsingular(lo, hi, 0.05, 1e-15);
}

function clampFinite(v: number): number {
  return Math.min(Number.MAX_VALUE, Math.max(-Number.MAX_VALUE, v));
}

/**
 * Smallest and largest finite values of the arrays (an overflowed value is left out, not drawn);
 * [NaN, NaN] when there are none.
 */
export function finiteExtent(arrays: readonly ArrayLike<number>[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}
