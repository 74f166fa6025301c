import { formatTicks, locateTicks, tickSpace, visibleTicks } from './ticks.js';

/** One axis as the figure draws it: its view interval, the ticks inside it and their labels. */
export interface AxisModel {
  readonly min: number;
  readonly max: number;
  readonly ticks: readonly number[];
  readonly labels: readonly string[];
  /** Matplotlib's offset or exponent text ("1e6"), drawn at the axis end; "" when none. */
  readonly offsetText: string;
}

/**
 * Ticks and labels for the view [min, max] on an axis `lengthPt` points long.
 * A view wider than the double range (−1e308..1e308) is located at 1e−10 scale and scaled
 * back: the nice steps are decimal, so a power of ten keeps them nice.
 */
export function buildAxis(
  min: number,
  max: number,
  lengthPt: number,
  fontSizePt: number,
  axis: 'x' | 'y',
): AxisModel {
  const nbins = tickSpace(lengthPt, fontSizePt, axis);
  const rescale = Number.isFinite(max - min) ? 1 : 1e10;
  const all = locateTicks(min / rescale, max / rescale, nbins).map((t) => t * rescale);
  const ticks = visibleTicks(all, min, max);
  const { labels, offsetText } = formatTicks(all, min, max);
  const visibleLabels = ticks.map((t) => labels[all.indexOf(t)]!);
  return { min, max, ticks, labels: visibleLabels, offsetText };
}

/**
 * A data value as a fraction of the axis (0 at the view's low end, 1 at the high end), in halves
 * so that views like −1e308..1e308 (whose width overflows) map as ordinary numbers.
 */
export function axesFraction(axis: AxisModel, v: number): number {
  return (v / 2 - axis.min / 2) / (axis.max / 2 - axis.min / 2);
}
